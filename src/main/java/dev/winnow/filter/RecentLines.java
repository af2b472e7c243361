package dev.winnow.filter;

import dev.winnow.article.TitleKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The long lines of the articles a long-running process cleaned most recently, so that a line repeated
 * across polls counts as repeated ({@link CorpusStats#lineDocFreq}) and not only within one batch: an
 * outlet's "related stories" box carries the same other story's headline or lede into many of its
 * articles over hours, one feed poll at a time.
 *
 * <p>Only lines of at least {@value #MIN_WORDS} words are kept: a shorter one (a place opening the story,
 * a section label) recurs in an outlet's own articles as part of each (see
 * {@link LineSignals#REPEATED_TEXT}). Copies of the asking article never count: its own earlier copy (same
 * URL), one under the same title, or one sharing a good part of its long lines (a syndicated or re-listed
 * story). Thread-safe.
 */
public final class RecentLines {
    /** Words from which a line is remembered. */
    static final int MIN_WORDS = SignalMeter.REPEATED_TEXT_MIN_WORDS;
    /** Share of long lines two articles must have in common to count as copies of one story. */
    private static final double COPY_SHARE = 0.3;

    private final int capacity;
    /** URL → the article's title key and long lines' fingerprints, oldest first. */
    private final LinkedHashMap<String, Remembered> articles = new LinkedHashMap<>();
    /** Line fingerprint → URLs of the remembered articles holding it. */
    private final Map<Long, List<String>> holders = new HashMap<>();
    /**
     * Fingerprint of a line's opening ({@link Ledes#opening}, lines after the first) → URLs of the remembered
     * articles holding such a line: where a later article's lede may already stand.
     */
    private final Map<Long, List<String>> openingHolders = new HashMap<>();

    /**
     * An article as remembered: lines are kept as 64-bit fingerprints of their keys, not as text, so the
     * memory costs a few hundred bytes per line (one chance in about 10^9 of a false match among 10^5 lines).
     */
    private record Remembered(String titleKey, Set<Long> lines, Set<Long> dropped, long[] openings) {
        /** Whether the article still carries the line: it holds it, and neither cleaning nor a revisit removed it. */
        boolean carries(Long line) {
            return lines.contains(line) && !dropped.contains(line);
        }
    }

    /** Remembers the last {@code capacity} articles (0 remembers none). */
    public RecentLines(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Remembers a cleaned batch's articles (those with a URL), replacing earlier copies under the same URL.
     * Returns the articles the batch gives new evidence against: each remembered article (not a copy) that
     * holds a long line of the batch, and each article of the batch holding such a line. The earlier one was
     * judged without the batch's copy of the line, and a batch cleaned at the same time as another (two feeds
     * polled at once) without the other's, so both may now read the line as repeated. So is each remembered
     * article holding a line that is the headline of an article of the batch, or that opens as its lede:
     * another story's title or lede, not known when it was judged. Lines shared within the batch are left out:
     * the batch's own statistics counted them.
     */
    public synchronized Set<String> remember(List<FilterInput> batch) {
        return remember(batch, batch.stream().map(in -> Set.<Integer>of()).toList());
    }

    /**
     * {@link #remember(List)} for a batch whose articles lost the lines at {@code removed.get(i)} (indices into
     * article {@code i}'s paragraphs): an article is named only for a shared line it still carries.
     */
    public synchronized Set<String> remember(List<FilterInput> batch, List<Set<Integer>> removed) {
        if (capacity == 0) {
            return Set.of();
        }
        Set<String> inBatch = new HashSet<>();
        batch.forEach(in -> inBatch.add(in.url()));
        Set<String> newEvidence = new LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            FilterInput in = batch.get(i);
            if (in.url() == null) {
                continue;
            }
            forget(in.url());
            Remembered r = read(in, removed.get(i), true);
            for (Long k : r.lines()) {
                for (String other : holders.getOrDefault(k, List.of())) {
                    Remembered earlier = articles.get(other);
                    if (!inBatch.contains(other) && !isCopy(r, earlier)) {
                        if (earlier.carries(k)) {
                            newEvidence.add(other);
                        }
                        if (r.carries(k)) {
                            newEvidence.add(in.url());
                        }
                    }
                }
            }
            // An earlier article carrying this one's headline as a line of its own: another story's title now.
            if (!r.titleKey().isEmpty()) {
                Long title = fingerprint(r.titleKey());
                for (String other : holders.getOrDefault(title, List.of())) {
                    Remembered earlier = articles.get(other);
                    if (!inBatch.contains(other) && !isCopy(r, earlier) && earlier.carries(title)) {
                        newEvidence.add(other);
                    }
                }
            }
            // An earlier article holding a line that opens as this one's lede: another story's lede now.
            String lede = Ledes.ofArticle(r.titleKey(), () -> in.paragraphs().stream().map(TitleKeys::of).iterator());
            if (!lede.isEmpty()) {
                for (String other : openingHolders.getOrDefault(fingerprint(lede), List.of())) {
                    if (!inBatch.contains(other) && !isCopy(r, articles.get(other))) {
                        newEvidence.add(other);
                    }
                }
            }
            articles.put(in.url(), r);
            r.lines().forEach(k -> holders.computeIfAbsent(k, x -> new ArrayList<>(1)).add(in.url()));
            for (long k : r.openings()) {
                openingHolders.computeIfAbsent(k, x -> new ArrayList<>(1)).add(in.url());
            }
        }
        for (Iterator<Map.Entry<String, Remembered>> it = articles.entrySet().iterator();
             articles.size() > capacity && it.hasNext(); ) {
            Map.Entry<String, Remembered> oldest = it.next();
            it.remove();
            unlink(oldest.getKey(), oldest.getValue());
        }
        return newEvidence;
    }

    /** {@code base} plus the remembered lines, for judging the articles of {@code batch}. */
    public CorpusStats over(CorpusStats base, List<FilterInput> batch) {
        if (capacity == 0) {
            // Nothing is ever remembered (a one-off clean): no need to fingerprint the batch's lines.
            return base == null ? CorpusStats.EMPTY : base;
        }
        Map<String, Remembered> asking = new HashMap<>();
        for (FilterInput in : batch) {
            if (in.url() != null) {
                asking.put(in.url(), read(in, Set.of(), false));
            }
        }
        return new View(base == null ? CorpusStats.EMPTY : base, asking);
    }

    /** Number of remembered articles. */
    public synchronized int size() {
        return articles.size();
    }

    private void forget(String url) {
        Remembered old = articles.remove(url);
        if (old != null) {
            unlink(url, old);
        }
    }

    /** Drops {@code url} from the holders of its lines and openings. */
    private void unlink(String url, Remembered known) {
        known.lines().forEach(k -> unlink(url, k, holders));
        for (long k : known.openings()) {
            unlink(url, k, openingHolders);
        }
    }

    private static void unlink(String url, Long key, Map<Long, List<String>> holders) {
        List<String> urls = holders.get(key);
        if (urls != null && urls.remove(url) && urls.isEmpty()) {
            holders.remove(key);
        }
    }

    /** Remembered articles holding the line that are not the asking article or a copy of it, up to {@code max}. */
    private synchronized long othersHolding(String lineKey, String askingUrl, Remembered asking, long max) {
        List<String> urls = holders.get(fingerprint(lineKey));
        long n = 0;
        for (int i = 0; urls != null && i < urls.size() && n < max; i++) {
            String url = urls.get(i);
            if (!Objects.equals(url, askingUrl) && !isCopy(asking, articles.get(url))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isCopy(Remembered asking, Remembered other) {
        if (asking == null || other == null) {
            return false;
        }
        if (!asking.titleKey().isEmpty() && asking.titleKey().equals(other.titleKey())) {
            return true;
        }
        int shared = 0;
        for (Long k : asking.lines()) {
            shared += other.lines().contains(k) ? 1 : 0;
        }
        return shared >= 2 && shared >= COPY_SHARE * Math.min(asking.lines().size(), other.lines().size());
    }

    /** Records that a remembered article no longer carries these lines (a later look removed them). */
    public synchronized void dropped(String url, List<String> lines) {
        Remembered r = articles.get(url);
        if (r != null) {
            lines.forEach(line -> r.dropped().add(fingerprint(TitleKeys.of(line))));
        }
    }

    /**
     * An article as remembered, each long line's key worked out once: the fingerprints of its long lines, of
     * those it lost ({@code removed}: indices into its paragraphs), and, {@code withOpenings}, of the openings
     * of its long lines after the first.
     */
    private static Remembered read(FilterInput in, Set<Integer> removed, boolean withOpenings) {
        Set<Long> lines = new HashSet<>();
        Set<Long> carried = new HashSet<>();
        Set<Long> openings = new HashSet<>();
        List<String> paragraphs = in.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            String key = LineShape.count(p).words() >= MIN_WORDS ? TitleKeys.of(p) : "";
            if (key.isEmpty()) {
                continue;
            }
            long k = fingerprint(key);
            lines.add(k);
            if (!removed.contains(i)) {
                carried.add(k);
            }
            String opening = withOpenings && i > 0 ? Ledes.opening(key) : "";
            if (!opening.isEmpty()) {
                openings.add(fingerprint(opening));
            }
        }
        Set<Long> dropped = new HashSet<>(0);
        if (carried.size() < lines.size()) {
            lines.stream().filter(k -> !carried.contains(k)).forEach(dropped::add);
        }
        return new Remembered(TitleKeys.of(in.title()), lines, dropped,
                openings.stream().mapToLong(Long::longValue).toArray());
    }

    /** FNV-1a, 64 bits, over the key's characters. */
    static long fingerprint(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The base statistics with the remembered lines added to its repeated lines. */
    private final class View implements CorpusStats {
        private final CorpusStats base;
        private final Map<String, Remembered> asking;

        View(CorpusStats base, Map<String, Remembered> asking) {
            this.base = base;
            this.asking = asking;
        }

        @Override
        public long docCount(String lang) {
            return base.docCount(lang);
        }

        @Override
        public long docFreq(String lang, String term) {
            return base.docFreq(lang, term);
        }

        @Override
        public long[] docFreqs(String lang, List<String> terms) {
            return base.docFreqs(lang, terms);
        }

        @Override
        public boolean isKnownTitle(String titleKey, String excludeUrl) {
            return base.isKnownTitle(titleKey, excludeUrl);
        }

        @Override
        public void prepareTitleChecks(List<String> titleKeys) {
            base.prepareTitleChecks(titleKeys);
        }

        @Override
        public boolean isKnownLede(String opening, String excludeUrl, String ownTitleKey) {
            return base.isKnownLede(opening, excludeUrl, ownTitleKey);
        }

        @Override
        public long lineDocFreq(String lineKey, String excludeUrl) {
            return base.lineDocFreq(lineKey, excludeUrl)
                    + othersHolding(lineKey, excludeUrl, asking.get(excludeUrl), Long.MAX_VALUE);
        }

        @Override
        public boolean isRepeatedLine(String lineKey, String excludeUrl) {
            return base.isRepeatedLine(lineKey, excludeUrl)
                    || othersHolding(lineKey, excludeUrl, asking.get(excludeUrl), 1) > 0;
        }
    }
}
