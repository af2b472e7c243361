package dev.winnow.filter;

import dev.winnow.article.TitleKeys;
import dev.winnow.lang.LanguageAnalyzers;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;

/**
 * Corpus statistics of a base (the index's) plus a batch of articles being processed: their document
 * frequencies, their titles as known titles, their lines for repetition. So a first run on an empty index
 * still weighs words by how common they are, and the articles of one batch know each other's titles.
 *
 * <p>Languages are reduced to the analysis chain's code ({@link LanguageAnalyzers#effectiveLanguage}),
 * also when asking the base, so {@code es-ES} and {@code es} count together and languages without a chain
 * count as {@code und}.
 *
 * <p>Articles are told apart by their URL (the batch cleaner passes the input id); one without a URL
 * counts only as an anonymous document. Immutable once built apart from thread-safe memos, so safe to
 * share between threads.
 */
public final class BatchCorpusStats implements CorpusStats {
    /** Share of lines two articles must have in common to count as copies of one story. */
    private static final double COPY_SHARE = 0.3;

    private final CorpusStats base;
    private final Map<String, Long> docCounts = new HashMap<>();
    private final Map<String, Map<String, Long>> docFreqs = new HashMap<>();
    private final Map<String, List<String>> titleOwners = new HashMap<>();
    private final Map<String, List<String>> lineOwners = new HashMap<>();
    /** Owner → the keys of its lines, to tell boilerplate from a second copy of the same article. */
    private final Map<String, Set<String>> linesOfOwner = new HashMap<>();
    /** Language → line text → its analysed terms, kept so judging a line does not analyse it again. */
    private final Map<String, Map<String, Map<String, Integer>>> analysed = new HashMap<>();
    /** Language → the batch's articles as vectors, for {@link #closestOtherStory}. */
    private final Map<String, OtherStories> stories = new HashMap<>();
    /** Language and article → documents of the batch that are not other stories to it (filled on demand). */
    private final Map<String, BitSet> excluded = new ConcurrentHashMap<>();

    private BatchCorpusStats(CorpusStats base, List<FilterInput> batch) {
        this.base = base;
        // Filled in the constructor, so the final fields publish complete maps to every thread.
        for (int i = 0; i < batch.size(); i++) {
            add(batch.get(i), i);
        }
        stories.forEach((lang, s) -> s.seal(t -> idf(lang, t)));
    }

    /** Statistics of {@code base} plus the articles of {@code batch}. */
    public static BatchCorpusStats of(CorpusStats base, List<FilterInput> batch) {
        return new BatchCorpusStats(base == null ? CorpusStats.EMPTY : base, batch);
    }

    private void add(FilterInput in, int position) {
        String owner = in.url() == null ? "\u0000#" + position : in.url();
        String lang = LanguageAnalyzers.effectiveLanguage(OffTopicFilter.languageOf(in));
        Map<String, Map<String, Integer>> memo = analysed.computeIfAbsent(lang, k -> new HashMap<>());
        Analyzer analyzer = LanguageAnalyzers.forLanguage(lang);
        Map<String, Integer> counts = new HashMap<>(remember(memo, analyzer, in.title()));
        Set<String> lines = new HashSet<>();
        for (String p : in.paragraphs()) {
            remember(memo, analyzer, p).forEach((t, n) -> counts.merge(t, n, Integer::sum));
            String key = TitleKeys.of(p);
            if (!key.isEmpty()) {
                lines.add(key);
            }
        }
        docCounts.merge(lang, 1L, Long::sum);
        Map<String, Long> df = docFreqs.computeIfAbsent(lang, k -> new HashMap<>());
        counts.keySet().forEach(t -> df.merge(t, 1L, Long::sum));
        stories.computeIfAbsent(lang, k -> new OtherStories()).add(owner, counts);
        lines.forEach(k -> lineOwners.computeIfAbsent(k, x -> new ArrayList<>(1)).add(owner));
        linesOfOwner.merge(owner, lines, (a, b) -> {
            Set<String> both = new HashSet<>(a);
            both.addAll(b);
            return both;
        });
        String titleKey = TitleKeys.of(in.title());
        if (!titleKey.isEmpty()) {
            titleOwners.computeIfAbsent(titleKey, x -> new ArrayList<>(1)).add(owner);
        }
    }

    private static Map<String, Integer> remember(Map<String, Map<String, Integer>> memo, Analyzer analyzer,
                                                 String text) {
        return memo.computeIfAbsent(text == null ? "" : text,
                t -> Collections.unmodifiableMap(TermCounter.count(analyzer, t)));
    }

    /**
     * The analysed terms of a text of the batch, as counted when the batch was added; analysed now when the
     * text or the analyzer is not the batch's.
     */
    Map<String, Integer> termsOf(Analyzer analyzer, String lang, String text) {
        String code = LanguageAnalyzers.effectiveLanguage(lang);
        Map<String, Map<String, Integer>> memo = analysed.get(code);
        Map<String, Integer> known = memo == null || LanguageAnalyzers.forLanguage(code) != analyzer ? null
                : memo.get(text == null ? "" : text);
        return known != null ? known : TermCounter.count(analyzer, text);
    }

    @Override
    public long docCount(String lang) {
        String code = LanguageAnalyzers.effectiveLanguage(lang);
        return base.docCount(code) + docCounts.getOrDefault(code, 0L);
    }

    @Override
    public long docFreq(String lang, String term) {
        String code = LanguageAnalyzers.effectiveLanguage(lang);
        Map<String, Long> df = docFreqs.get(code);
        return base.docFreq(code, term) + (df == null ? 0 : df.getOrDefault(term, 0L));
    }

    @Override
    public boolean isKnownTitle(String titleKey, String excludeUrl) {
        return othersThan(titleOwners.get(titleKey), excludeUrl) > 0 || base.isKnownTitle(titleKey, excludeUrl);
    }

    /**
     * Other articles of the batch holding this line, not counting copies of the asking article: a story
     * listed twice, or syndicated into the same batch, repeats all its lines, and they are not boilerplate.
     */
    @Override
    public long lineDocFreq(String lineKey, String excludeUrl) {
        List<String> owners = lineOwners.get(lineKey);
        long others = 0;
        if (owners != null) {
            Set<String> own = excludeUrl == null ? null : linesOfOwner.get(excludeUrl);
            for (String o : owners) {
                if (!Objects.equals(o, excludeUrl) && !sameStory(own, linesOfOwner.get(o))) {
                    others++;
                }
            }
        }
        return others + base.lineDocFreq(lineKey, excludeUrl);
    }

    /**
     * The highest cosine (TF-IDF, weights of these statistics) between a line's terms and another article
     * of the batch in the same language. The line's own article, copies of it, and any article holding
     * the same line are not "other".
     */
    @Override
    public double closestOtherStory(String lang, Map<String, Integer> lineTerms, String lineKey, String excludeUrl) {
        String code = LanguageAnalyzers.effectiveLanguage(lang);
        OtherStories s = stories.get(code);
        if (s == null || lineTerms.isEmpty()) {
            return 0;
        }
        BitSet notOther = (BitSet) notOtherStories(code, s, excludeUrl).clone();
        List<String> holders = lineOwners.get(lineKey);
        if (holders != null) {
            holders.forEach(o -> s.docsOf(o).forEach(notOther::set));
        }
        return s.bestMatch(lineTerms, t -> idf(code, t), notOther::get);
    }

    /** The documents that are the article itself or copies of it, worked out once per article. */
    private BitSet notOtherStories(String code, OtherStories s, String excludeUrl) {
        return excluded.computeIfAbsent(code + '\u0000' + excludeUrl, k -> {
            BitSet out = new BitSet();
            Set<String> own = excludeUrl == null ? null : linesOfOwner.get(excludeUrl);
            for (int d = 0; d < s.size(); d++) {
                String o = s.owner(d);
                if (Objects.equals(o, excludeUrl) || sameStory(own, linesOfOwner.get(o))) {
                    out.set(d);
                }
            }
            return out;
        });
    }

    /** The BM25 form of IDF under these statistics, as {@link ArticleTerms} weighs terms. */
    double idf(String lang, String term) {
        return ArticleTerms.idf(docCount(lang), docFreq(lang, term));
    }

    /** Whether two articles share so many lines that they are copies of one story. */
    private static boolean sameStory(Set<String> a, Set<String> b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        long shared = small.stream().filter(large::contains).count();
        return shared >= COPY_SHARE * small.size() && shared >= 2;
    }

    private static long othersThan(List<String> owners, String excludeUrl) {
        if (owners == null) {
            return 0;
        }
        return owners.stream().filter(o -> !Objects.equals(o, excludeUrl)).count();
    }
}
