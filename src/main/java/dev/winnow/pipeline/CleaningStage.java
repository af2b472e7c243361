package dev.winnow.pipeline;

import dev.winnow.article.Block;
import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import dev.winnow.filter.BatchCorpusStats;
import dev.winnow.filter.CorpusStats;
import dev.winnow.filter.FilterInput;
import dev.winnow.filter.FilterResult;
import dev.winnow.filter.LineVerdict;
import dev.winnow.filter.OffTopicFilter;
import dev.winnow.filter.RecentLines;
import dev.winnow.index.ArticleIndex;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Filters a batch of extracted articles together: the batch's own term statistics join the index's,
 * and each article's siblings' titles are known titles, so a first run on an empty index still has
 * evidence to go on. A long-running stage also knows the long lines of the articles it cleaned before
 * ({@link RecentLines}), so a line repeated across polls counts as repeated, and it looks again at the
 * articles stored before such a line turned up a second time, or as another article's headline or lede
 * ({@link #revisit}).
 */
public final class CleaningStage {
    /** Looks at a revisit whose article is not stored yet (its poll still running) at most this many times. */
    private static final int MAX_REVISIT_TRIES = 5;
    /**
     * The signals a revisit acts on, the evidence a later article can bring: the line is one another article
     * carries too, another article's title, or another article's lede.
     */
    private static final List<String> LATE_EVIDENCE = List.of("repeated-text", "known-title", "known-lede");

    private final OffTopicFilter filter;
    private final RecentLines recent;
    /** URL → times looked for: articles some later batch gave new evidence against, not yet looked at again. */
    private final Map<String, Integer> revisits = new LinkedHashMap<>();

    /** A stage that knows only each batch and the index (a one-off {@code clean}). */
    public CleaningStage(OffTopicFilter filter) {
        this(filter, new RecentLines(0));
    }

    public CleaningStage(OffTopicFilter filter, RecentLines recent) {
        this.filter = filter;
        this.recent = recent;
    }

    public List<StoredArticle> clean(List<Candidate> batch, CorpusStats indexStats, String feedUrl, Instant now) {
        List<FilterInput> inputs = inputs(batch);
        CorpusStats stats = stats(indexStats, inputs);
        List<StoredArticle> out = new ArrayList<>();
        List<Set<Integer>> removed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            FilterResult verdict = filter.filter(inputs.get(i), stats);
            out.add(ArticleAssembler.assemble(batch.get(i), verdict, feedUrl, now));
            removed.add(verdict.removedIndices());
        }
        Set<String> newEvidence = recent.remember(inputs, removed);
        synchronized (revisits) {
            newEvidence.forEach(url -> revisits.putIfAbsent(url, 0));
        }
        return out;
    }

    /**
     * Judges again, against the index and the remembered lines, the stored articles some later batch gave
     * new evidence against (a long line they carry turned up in another story's article, or as another
     * story's headline or lede), and returns those that lose a line for it: the line read as repeated text,
     * a known title or a known lede, removed with its reason, score and signals.
     * Only such lines go; every other line stays as first judged, so a stored copy does not change with the
     * statistics of the moment. An article not stored yet (its poll is still running) is looked for again at
     * the next call, a few times at most. Call after the batches' articles are committed.
     */
    public List<StoredArticle> revisit(ArticleIndex index) throws IOException {
        Map<String, Integer> due;
        synchronized (revisits) {
            due = new LinkedHashMap<>(revisits);
            revisits.clear();
        }
        List<StoredArticle> stored = new ArrayList<>();
        for (Map.Entry<String, Integer> e : due.entrySet()) {
            Optional<StoredArticle> a = index.get(e.getKey());
            if (a.isPresent()) {
                stored.add(a.get());
            } else if (e.getValue() + 1 < MAX_REVISIT_TRIES) {
                synchronized (revisits) {
                    revisits.merge(e.getKey(), e.getValue() + 1, Math::max);
                }
            }
        }
        if (stored.isEmpty()) {
            return List.of();
        }
        // Judged together, as a batch: one look-up of the index's statistics for all of them, and articles
        // sharing the line know each other.
        List<FilterInput> inputs = stored.stream()
                .map(a -> new FilterInput(a.url(), a.title(), linesBeforeFilter(a), a.lang(), List.of())).toList();
        CorpusStats stats = stats(index.corpusStats(), inputs);
        List<StoredArticle> changed = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            rejudged(stored.get(i), inputs.get(i), stats).ifPresent(changed::add);
        }
        return changed;
    }

    private static boolean hasLateEvidence(Removal r) {
        return LATE_EVIDENCE.stream().anyMatch(signal -> r.signals().getOrDefault(signal, 0.0) > 0);
    }

    /**
     * A stored article's body as the filter met it: the kept lines with the filter's removals put back at
     * their places (extraction's removals stay out, as they never reached the filter).
     */
    public static List<String> linesBeforeFilter(StoredArticle a) {
        List<String> lines = new ArrayList<>(a.paragraphs());
        filterRemovals(a).forEach(r -> lines.add(Math.min(r.index(), lines.size()), r.text()));
        return lines;
    }

    private static List<Removal> filterRemovals(StoredArticle a) {
        return a.removed().stream().filter(r -> r.stage().equals(OffTopicFilter.STAGE) && r.index() >= 0)
                .sorted(Comparator.comparingInt(Removal::index)).toList();
    }

    /**
     * The article without the lines it now loses to late evidence, or empty when it loses none; the lines it
     * loses are no longer counted as carried by it ({@link RecentLines#dropped}).
     */
    private Optional<StoredArticle> rejudged(StoredArticle a, FilterInput in, CorpusStats stats) {
        List<Removal> before = filterRemovals(a);
        Set<Integer> removedBefore = new HashSet<>();
        before.forEach(r -> removedBefore.add(r.index()));
        List<Removal> added = filter.filter(in, stats).removals().stream()
                .filter(r -> !removedBefore.contains(r.index()) && hasLateEvidence(r))
                .toList();
        if (added.isEmpty()) {
            return Optional.empty();
        }
        recent.dropped(a.url(), added.stream().map(Removal::text).toList());
        List<Removal> filtered = new ArrayList<>(before);
        filtered.addAll(added);
        List<String> kept = new FilterResult(a.lang(), filtered).kept(in.paragraphs());
        List<Removal> removed = new ArrayList<>(a.removed());
        removed.addAll(added);
        return Optional.of(new StoredArticle(a.url(), a.guid(), a.feedUrl(), a.title(), a.authors(), a.published(),
                a.fetched(), a.lang(), a.site(), a.description(), kept, removed,
                ArticleAssembler.contentHash(a.title(), kept)));
    }

    /**
     * Every line's verdict, kept or removed, per article of the batch: judged as {@link #clean} judges (a
     * batch already cleaned by this stage is not evidence against itself: its own URLs and copies never count).
     */
    public List<List<LineVerdict>> assess(List<Candidate> batch, CorpusStats indexStats) {
        List<FilterInput> inputs = inputs(batch);
        CorpusStats stats = stats(indexStats, inputs);
        return inputs.stream().map(in -> filter.assess(in, stats)).toList();
    }

    private CorpusStats stats(CorpusStats indexStats, List<FilterInput> inputs) {
        return BatchCorpusStats.of(recent.over(indexStats, inputs), inputs);
    }

    private static List<FilterInput> inputs(List<Candidate> batch) {
        List<String> titles = batch.stream().map(Candidate::title).toList();
        List<FilterInput> inputs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Candidate c = batch.get(i);
            List<String> siblings = new ArrayList<>(titles);
            siblings.remove(i);
            inputs.add(new FilterInput(c.url(), c.title(), ArticleAssembler.bodyLines(c.extracted()),
                    ArticleAssembler.declaredLanguage(c), siblings,
                    c.extracted().blocks().stream().map(Block::type).toList()));
        }
        return inputs;
    }
}
