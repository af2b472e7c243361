package dev.winnow.index;

import dev.winnow.state.FeedState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * {@code winnow index check|repair}, built on Lucene's {@link CheckIndex}. Check reads every segment
 * and says what is damaged. Repair never deletes: it first moves or copies the damaged files into a
 * {@code damaged-TIME} folder beside the index, then keeps every segment that reads (dropping the
 * broken ones) or, with no readable commit at all, leaves room for a fresh index. Either way every feed
 * is then fetched in full at its next poll, so the articles that were lost are fetched again while the
 * feeds still list them.
 */
public final class IndexRepair {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * What a check or repair found or did.
     *
     * @param healthy true when the index (or its absence) needs no repair
     * @param summary one line for people
     * @param details one line per damaged segment or step taken
     */
    public record Report(boolean healthy, String summary, List<String> details) {
        public Report {
            details = List.copyOf(details);
        }
    }

    private final Path dir;
    private final IndexSettings settings;
    private final Clock clock;

    public IndexRepair(Path dir, IndexSettings settings, Clock clock) {
        this.dir = dir;
        this.settings = settings;
        this.clock = clock;
    }

    /** Reads every segment and reports what is damaged; changes nothing. */
    public Report check() throws IOException {
        if (!holdsIndex()) {
            return new Report(true, "no index at " + dir, List.of());
        }
        try (Directory d = FSDirectory.open(dir); CheckIndex checker = checker(d)) {
            String problem = commitProblem(d);
            if (problem != null) {
                return new Report(false, "the index at " + dir + " is damaged: " + problem,
                        List.of("`winnow index repair` moves its files into a damaged-… folder beside it; the next fetch"
                                + " or daemon start creates a fresh index and fetches the feeds' articles again"));
            }
            CheckIndex.Status status = checker.checkIndex();
            if (status.clean) {
                return new Report(true, "the index at " + dir + " is healthy: " + status.numSegments + " segments, "
                        + documents(status) + " documents", List.of());
            }
            List<String> details = damagedSegments(status);
            details.add("`winnow index repair` keeps the other segments, drops these " + status.totLoseDocCount
                    + " documents (a copy of the files is kept) and fetches every feed in full at its next poll");
            return new Report(false, "the index at " + dir + " is damaged: " + status.numBadSegments + " of "
                    + status.numSegments + " segments cannot be read", details);
        }
    }

    /** Repairs the index as described on the class; a healthy index is left alone. */
    public Report repair() throws IOException {
        if (!holdsIndex()) {
            return new Report(true, "no index at " + dir + ": nothing to repair", List.of());
        }
        Path aside = dir.resolve("damaged-" + STAMP.format(clock.instant()));
        List<String> steps = new ArrayList<>();
        try (Directory d = FSDirectory.open(dir); CheckIndex checker = checker(d)) {
            String problem = commitProblem(d);
            if (problem != null) {
                int moved = setAside(aside, true);
                steps.add("moved " + moved + " unreadable index files to " + aside);
                steps.add("the next fetch or daemon start creates a fresh index and fetches the feeds' articles again");
                return new Report(true, "repaired " + dir + " (" + problem + ")", steps);
            }
            CheckIndex.Status status = checker.checkIndex();
            if (status.clean) {
                return new Report(true, "the index at " + dir + " is healthy: nothing to repair", List.of());
            }
            int copied = setAside(aside, false);
            steps.addAll(damagedSegments(status));
            steps.add("copied the " + copied + " index files as they were to " + aside);
            checker.exorciseIndex(status);
            steps.add("dropped " + status.numBadSegments + " damaged segments (" + status.totLoseDocCount + " documents)");
        }
        int feeds = refetchEveryFeed();
        steps.add("every feed (" + feeds + ") is fetched in full at its next poll, to replace what was lost");
        return new Report(true, "repaired " + dir, steps);
    }

    private boolean holdsIndex() throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> Files.isRegularFile(p) && IndexHealth.isIndexFile(p.getFileName().toString()));
        }
    }

    private CheckIndex checker(Directory d) throws IOException {
        try {
            CheckIndex checker = new CheckIndex(d);
            checker.setInfoStream(null);
            return checker;
        } catch (LockObtainFailedException e) {
            d.close();
            throw new IndexLockedException(dir, e);
        }
    }

    /** What keeps the latest commit point from being read, or null when it reads. */
    private static String commitProblem(Directory d) {
        try {
            SegmentInfos.readLatestCommit(d);
            return null;
        } catch (IOException e) {
            String what = IndexHealth.describe(e);
            return what != null ? what : "its commit point cannot be read (" + e.getMessage() + ")";
        }
    }

    private static long documents(CheckIndex.Status status) {
        return status.segmentInfos.stream().mapToLong(s -> s.maxDoc).sum();
    }

    private static List<String> damagedSegments(CheckIndex.Status status) {
        List<String> out = new ArrayList<>();
        for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
            if (s.error != null) {
                String what = IndexHealth.describe(s.error);
                out.add("segment " + s.name + " (" + s.maxDoc + " documents): "
                        + (what != null ? what : s.error.getMessage()));
            }
        }
        return out;
    }

    /** Moves (or copies) every index file into {@code aside}; returns how many. */
    private int setAside(Path aside, boolean move) throws IOException {
        Files.createDirectories(aside);
        List<Path> files = indexFiles();
        for (Path p : files) {
            Path target = aside.resolve(p.getFileName());
            if (move) {
                Files.move(p, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return files.size();
    }

    private List<Path> indexFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> Files.isRegularFile(p) && IndexHealth.isIndexFile(p.getFileName().toString()))
                    .sorted().toList();
        }
    }

    /** Forgets every feed's validators, so its next poll fetches the whole feed and its missing articles. */
    private int refetchEveryFeed() throws IOException {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            List<FeedState> states = index.feedStates().all();
            for (FeedState s : states) {
                index.feedStates().put(new FeedState(s.feedUrl(), null, null, s.lastPoll(), s.lastOutcome(),
                        s.lastReason(), null, s.articlesIndexed(), s.consecutiveFailures()));
            }
            index.commit();
            return states.size();
        }
    }
}
