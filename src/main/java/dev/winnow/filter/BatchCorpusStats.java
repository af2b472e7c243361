package dev.winnow.filter;

import dev.winnow.article.TitleKeys;
import dev.winnow.lang.LanguageAnalyzers;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Lines held by more articles than this are not counted as evidence that two articles are copies. */
    private static final int MAX_COPY_EVIDENCE_OWNERS = 1000;
    /**
     * Characters of text per distinct word a batch is expected to hold at most (about six per word, a third
     * of them or more distinct), to size its vocabularies once.
     */
    private static final int CHARS_PER_WORD = 10;

    private final CorpusStats base;
    private final Map<String, List<String>> titleOwners = new HashMap<>();
    private final Map<String, List<String>> lineOwners = new HashMap<>();
    /** Lede opening ({@link Ledes}) → the owners whose article opens so, with their title keys. */
    private final Map<String, List<String[]>> ledeOwners = new HashMap<>();
    /** Owner → the keys of its lines, to tell boilerplate from a second copy of the same article. */
    private final Map<String, Set<String>> linesOfOwner = new HashMap<>();
    /** Language → its terms in the batch. */
    private final Map<String, Vocabulary> vocabularies = new HashMap<>();
    /** Language → the batch's articles as vectors, for {@link #closestOtherStory}. */
    private final Map<String, OtherStories> stories = new HashMap<>();
    /** Each input of the batch (by identity) → its analysis. */
    private final Map<FilterInput, Analysed> inputs = new IdentityHashMap<>();
    /** Owner → the owners of copies of its article (filled on demand). */
    private final Map<String, Set<String>> copies = new ConcurrentHashMap<>();
    /** Owner → documents of the batch that are not other stories to its article (filled on demand). */
    private final Map<String, BitSet> excluded = new ConcurrentHashMap<>();

    /**
     * One input as the batch analysed it: its language (declared or detected) and the analysis chain's
     * code for it, its title's terms and {@link TitleKeys key}, each line's terms and key, all its terms
     * together, and the owner it is told apart by.
     */
    record Analysed(String lang, String code, LineAnalysis title, String titleKey, List<LineAnalysis> lines,
                    List<String> keys, TermBag whole, String owner) {
    }

    private BatchCorpusStats(CorpusStats base, List<FilterInput> batch) {
        this.base = base;
        // Filled in the constructor, so the final fields publish complete maps to every thread.
        String[] langs = new String[batch.size()];
        Map<String, Integer> charsPerCode = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            FilterInput in = batch.get(i);
            langs[i] = OffTopicFilter.languageOf(in);
            charsPerCode.merge(LanguageAnalyzers.effectiveLanguage(langs[i]), characters(in), Integer::sum);
        }
        charsPerCode.forEach((code, chars) -> vocabularies.put(code, new Vocabulary(code, chars / CHARS_PER_WORD)));
        // Every text is read first, so that each language's new words are analysed in one pass.
        Map<String, Map<String, TermCounter.Tokens>> read = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            FilterInput in = batch.get(i);
            String code = LanguageAnalyzers.effectiveLanguage(langs[i]);
            Vocabulary vocabulary = vocabularies.get(code);
            Map<String, TermCounter.Tokens> texts = read.computeIfAbsent(code, k -> new HashMap<>());
            read(texts, vocabulary, in.title());
            for (String p : in.paragraphs()) {
                read(texts, vocabulary, p);
            }
        }
        vocabularies.values().forEach(Vocabulary::analyseNewWords);
        for (int i = 0; i < batch.size(); i++) {
            add(batch.get(i), i, langs[i], read);
        }
        vocabularies.forEach((code, v) -> v.seal(base, code));
        stories.forEach((code, s) -> s.seal(vocabularies.get(code)));
        List<String> lineKeys = new ArrayList<>();
        inputs.values().forEach(a -> lineKeys.addAll(a.keys()));
        base.prepareTitleChecks(lineKeys);
    }

    private static void read(Map<String, TermCounter.Tokens> texts, Vocabulary vocabulary, String text) {
        texts.computeIfAbsent(text == null ? "" : text, t -> TermCounter.read(t, vocabulary));
    }

    private static int characters(FilterInput in) {
        int n = in.title() == null ? 0 : in.title().length();
        for (String p : in.paragraphs()) {
            n += p.length();
        }
        return n;
    }

    /** Statistics of {@code base} plus the articles of {@code batch}. */
    public static BatchCorpusStats of(CorpusStats base, List<FilterInput> batch) {
        return new BatchCorpusStats(base == null ? CorpusStats.EMPTY : base, batch);
    }

    /**
     * Statistics the filter can judge {@code in} with: {@code stats} itself when it is a batch holding
     * {@code in}, else {@code stats} plus a batch of that one article.
     */
    static BatchCorpusStats holding(CorpusStats stats, FilterInput in) {
        if (stats instanceof BatchCorpusStats batch && batch.inputs.containsKey(in)) {
            return batch;
        }
        return of(stats, List.of(in));
    }

    private void add(FilterInput in, int position, String lang, Map<String, Map<String, TermCounter.Tokens>> read) {
        if (inputs.containsKey(in)) {
            return;
        }
        String owner = in.url() == null ? "\u0000#" + position : in.url();
        String code = LanguageAnalyzers.effectiveLanguage(lang);
        Vocabulary vocabulary = vocabularies.get(code);
        Map<String, TermCounter.Tokens> texts = read.get(code);
        LineAnalysis title = analyse(vocabulary, texts, in.title());
        String titleKey = TitleKeys.of(in.title());
        List<LineAnalysis> lineAnalyses = new ArrayList<>(in.paragraphs().size());
        List<TermBag> lineBags = new ArrayList<>(in.paragraphs().size());
        List<String> keys = new ArrayList<>(in.paragraphs().size());
        Set<String> lines = new HashSet<>();
        for (String p : in.paragraphs()) {
            LineAnalysis line = analyse(vocabulary, texts, p);
            lineAnalyses.add(line);
            lineBags.add(line.terms());
            String key = TitleKeys.of(p);
            keys.add(key);
            if (!key.isEmpty()) {
                lines.add(key);
            }
        }
        TermBag whole = TermBag.sum(title.terms(), lineBags, vocabulary.size());
        vocabulary.countDocument(whole.ids);
        stories.computeIfAbsent(code, k -> new OtherStories()).add(owner, whole);
        inputs.put(in, new Analysed(lang, code, title, titleKey, List.copyOf(lineAnalyses), List.copyOf(keys),
                whole, owner));
        lines.forEach(k -> lineOwners.computeIfAbsent(k, x -> new ArrayList<>(1)).add(owner));
        linesOfOwner.merge(owner, lines, (a, b) -> {
            Set<String> both = new HashSet<>(a);
            both.addAll(b);
            return both;
        });
        String lede = Ledes.ofArticle(titleKey, keys);
        if (!lede.isEmpty()) {
            ledeOwners.computeIfAbsent(lede, x -> new ArrayList<>(1)).add(new String[] {owner, titleKey});
        }
        if (!titleKey.isEmpty()) {
            titleOwners.computeIfAbsent(titleKey, x -> new ArrayList<>(1)).add(owner);
        }
    }

    /** The analysis of a text read for the batch; a text repeated across articles is analysed once. */
    private static LineAnalysis analyse(Vocabulary vocabulary, Map<String, TermCounter.Tokens> texts, String text) {
        return texts.get(text == null ? "" : text).analysis(vocabulary);
    }

    /** How the batch analysed one of its inputs; {@code null} for an input not in the batch. */
    Analysed analysed(FilterInput in) {
        return inputs.get(in);
    }

    /** The batch's terms of a language code ({@link LanguageAnalyzers#effectiveLanguage}). */
    Vocabulary vocabulary(String code) {
        return vocabularies.get(code);
    }

    @Override
    public long docCount(String lang) {
        String code = LanguageAnalyzers.effectiveLanguage(lang);
        Vocabulary v = vocabularies.get(code);
        return base.docCount(code) + (v == null ? 0 : v.documents());
    }

    @Override
    public long docFreq(String lang, String term) {
        String code = LanguageAnalyzers.effectiveLanguage(lang);
        Vocabulary v = vocabularies.get(code);
        return base.docFreq(code, term) + (v == null ? 0 : v.docFreq(term));
    }

    @Override
    public boolean isKnownTitle(String titleKey, String excludeUrl) {
        return othersThan(titleOwners.get(titleKey), excludeUrl) > 0 || base.isKnownTitle(titleKey, excludeUrl);
    }

    @Override
    public void prepareTitleChecks(List<String> titleKeys) {
        base.prepareTitleChecks(titleKeys);
    }

    @Override
    public boolean isKnownLede(String opening, String excludeUrl, String ownTitleKey) {
        List<String[]> owners = ledeOwners.get(opening);
        if (owners != null) {
            Set<String> copies = copiesOf(excludeUrl);
            for (String[] o : owners) {
                if (!Objects.equals(o[0], excludeUrl) && !copies.contains(o[0])
                        && (ownTitleKey.isEmpty() || !o[1].equals(ownTitleKey))) {
                    return true;
                }
            }
        }
        return base.isKnownLede(opening, excludeUrl, ownTitleKey);
    }

    /**
     * Other articles of the batch holding this line, not counting copies of the asking article: a story
     * listed twice, or syndicated into the same batch, repeats all its lines, and they are not boilerplate.
     */
    @Override
    public long lineDocFreq(String lineKey, String excludeUrl) {
        return otherHolders(lineKey, excludeUrl, Long.MAX_VALUE) + base.lineDocFreq(lineKey, excludeUrl);
    }

    @Override
    public boolean isRepeatedLine(String lineKey, String excludeUrl) {
        return otherHolders(lineKey, excludeUrl, 1) > 0 || base.isRepeatedLine(lineKey, excludeUrl);
    }

    /**
     * Articles of the batch holding the line, other than {@code excludeUrl} and its copies; counted up to
     * {@code max}.
     */
    private long otherHolders(String lineKey, String excludeUrl, long max) {
        List<String> owners = lineOwners.get(lineKey);
        long others = 0;
        if (owners != null) {
            Set<String> copies = copiesOf(excludeUrl);
            for (int i = 0; i < owners.size() && others < max; i++) {
                String o = owners.get(i);
                if (!Objects.equals(o, excludeUrl) && !copies.contains(o)) {
                    others++;
                }
            }
        }
        return others;
    }

    /**
     * The highest cosine (TF-IDF, weights of these statistics) between line {@code line} of an article of
     * the batch and another article of the batch in the same language. The line's own article, copies of
     * it, and any article holding the same line are not "other".
     */
    double closestOtherStory(Analysed article, int line) {
        OtherStories s = stories.get(article.code());
        TermBag terms = article.lines().get(line).terms();
        if (s == null || terms.isEmpty()) {
            return 0;
        }
        BitSet notOther = notOtherStories(article, s);
        List<String> holders = lineOwners.get(article.keys().get(line));
        if (holders != null && holders.size() > 1) {
            notOther = (BitSet) notOther.clone();
            for (String o : holders) {
                s.docsOf(o).forEach(notOther::set);
            }
        }
        return s.bestMatch(terms, vocabularies.get(article.code()), notOther);
    }

    /** The documents that are the article itself or copies of it, worked out once per article. */
    private BitSet notOtherStories(Analysed article, OtherStories s) {
        return excluded.computeIfAbsent(article.owner(), owner -> {
            BitSet out = new BitSet();
            s.docsOf(owner).forEach(out::set);
            for (String copy : copiesOf(owner)) {
                s.docsOf(copy).forEach(out::set);
            }
            return out;
        });
    }

    /**
     * The other owners whose articles share so many lines with this owner's that they are copies of one
     * story (worked out once per owner): a story listed twice, or syndicated into the same batch.
     */
    private Set<String> copiesOf(String owner) {
        Set<String> own = owner == null ? null : linesOfOwner.get(owner);
        if (own == null || own.isEmpty()) {
            return Set.of();
        }
        return copies.computeIfAbsent(owner, k -> {
            // Count, per other owner, the lines it shares with this article. A line held by very many
            // articles is boilerplate, not a sign of copying, and would make this quadratic in the batch.
            Map<String, Integer> shared = new HashMap<>();
            for (String key : own) {
                List<String> holders = lineOwners.getOrDefault(key, List.of());
                if (holders.size() <= MAX_COPY_EVIDENCE_OWNERS) {
                    for (String o : holders) {
                        shared.merge(o, 1, Integer::sum);
                    }
                }
            }
            Set<String> out = new HashSet<>();
            shared.forEach((o, n) -> {
                if (!o.equals(owner) && isCopyShare(n, own.size(), linesOfOwner.get(o).size())) {
                    out.add(o);
                }
            });
            return out;
        });
    }

    private static boolean isCopyShare(long shared, int linesOfOne, int linesOfOther) {
        return shared >= 2 && shared >= COPY_SHARE * Math.min(linesOfOne, linesOfOther);
    }

    private static long othersThan(List<String> owners, String excludeUrl) {
        if (owners == null) {
            return 0;
        }
        return owners.stream().filter(o -> !Objects.equals(o, excludeUrl)).count();
    }
}
