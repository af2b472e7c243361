package dev.winnow.filter;

import dev.winnow.article.Removal;
import dev.winnow.article.TitleKeys;
import dev.winnow.lang.LanguageAnalyzers;
import dev.winnow.lang.LanguageDetector;
import dev.winnow.lang.Languages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the lines of an article body that belong to another story — a related headline, another story's
 * lede, a newsletter or advertising prompt — and says why each one goes.
 *
 * <p>Each line gets several signals ({@link LineSignals}): its topical similarity to the rest of the
 * article and to its neighbours (IDF-weighted with the corpus statistics), its shape, a "related" lead-in,
 * promo vocabulary, repetition across articles, a language differing from the article's, and a match with
 * another article's title. They are combined into one logistic score. Guards then keep what must stay: the
 * title, lines of short articles unless the evidence is strong, long lines whose only evidence is low
 * similarity, and anything beyond a bounded share of the article.
 *
 * <p>Thread-safe: holds only immutable settings.
 */
public final class OffTopicFilter {
    static final String STAGE = "filter";
    private static final LanguageDetector DETECTOR = new LanguageDetector();
    private static final double LANGUAGE_MAX_COVERAGE = 0.25;

    private final FilterSettings settings;

    public OffTopicFilter(FilterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The lines to remove, each with reason, score and signals. */
    public FilterResult filter(FilterInput in, CorpusStats stats) {
        String lang = languageOf(in);
        List<Removal> removals = new ArrayList<>();
        for (LineVerdict v : assess(in, stats, lang)) {
            if (v.removed()) {
                removals.add(new Removal(v.text(), STAGE, v.reason(), v.score(), v.signals(), v.index()));
            }
        }
        return new FilterResult(lang, removals);
    }

    /** Every line's verdict, kept or removed, for explanation and evaluation. */
    public List<LineVerdict> assess(FilterInput in, CorpusStats stats) {
        return assess(in, stats, languageOf(in));
    }

    private List<LineVerdict> assess(FilterInput in, CorpusStats stats, String lang) {
        List<String> lines = in.paragraphs();
        ArticleTerms terms = new ArticleTerms(LanguageAnalyzers.forLanguage(lang),
                LanguageAnalyzers.effectiveLanguage(lang), in.title(), lines,
                stats == null ? CorpusStats.EMPTY : stats, settings.titleWeight());
        TitleMatcher titles = new TitleMatcher(in, stats == null ? CorpusStats.EMPTY : stats);
        ArticleNames names = new ArticleNames(in.title(), lines);
        double[] similarity = new double[lines.size()];
        double[] logSimilarity = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            similarity[i] = terms.similarityToRest(i);
            logSimilarity[i] = LineScorer.logSimilarity(similarity[i]);
        }
        List<LineVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            verdicts.add(judge(i, lines, terms, names, similarity, logSimilarity, titles, stats, in.url(), lang));
        }
        return applyGuards(verdicts);
    }

    private LineVerdict judge(int i, List<String> lines, ArticleTerms terms, ArticleNames names, double[] similarity,
                              double[] logSimilarity,
                              TitleMatcher titles, CorpusStats stats, String url, String lang) {
        String text = lines.get(i);
        Map<String, Double> s = LineSignals.empty();
        if (!LineShape.hasText(text)) {
            return new LineVerdict(i, text, 0, s, "off-topic", false, null);
        }
        String key = TitleKeys.of(text);
        if (titles.isOwnTitle(key)) {
            return new LineVerdict(i, text, 0, s, "off-topic", false, "title");
        }
        RelatedPrefixes.Match prefix = RelatedPrefixes.find(text);
        int words = LineShape.words(text);
        s.put(LineSignals.SIMILARITY, similarity[i]);
        s.put(LineSignals.COVERAGE, terms.coverageByRest(i));
        s.put(LineSignals.NEW_NAMES, Math.log1p(names.newNames(i)));
        s.put(LineSignals.SHARED_NAMES, Math.log1p(names.sharedNames(i)));
        s.put(LineSignals.TITLE, terms.coverageByTitle(i));
        s.put(LineSignals.NEIGHBOURS, terms.coverageByNeighbours(i));
        s.put(LineSignals.RELATIVE, logSimilarity[i] - medianOfOthers(logSimilarity, i));
        s.put(LineSignals.BRIDGE, terms.bridge(i));
        s.put(LineSignals.LENGTH, Math.log1p(words));
        s.put(LineSignals.NO_STOP, LineShape.endsWithStop(text) ? 0.0 : 1.0);
        s.put(LineSignals.CAPITALS, LineShape.capitalised(text));
        s.put(LineSignals.PREFIX, prefix != null && prefix.known() ? 1.0 : 0.0);
        s.put(LineSignals.LABEL, prefix != null && !prefix.known() ? 1.0 : 0.0);
        s.put(LineSignals.PROMO, PromoCues.scoreKey(key));
        s.put(LineSignals.PROMO_LABEL, PromoCues.isLabelKey(key) ? 1.0 : 0.0);
        s.put(LineSignals.REPEATED, stats != null && stats.lineDocFreq(key, url) > 0 ? 1.0 : 0.0);
        s.put(LineSignals.LANGUAGE, languageDiffers(text, words, lang, s.get(LineSignals.COVERAGE)) ? 1.0 : 0.0);
        s.put(LineSignals.KNOWN_TITLE, titles.isOtherTitle(key)
                || (prefix != null && titles.isOtherTitle(TitleKeys.of(prefix.rest()))) ? 1.0 : 0.0);
        // A lead-in such as "Also read:" is not a continuation of the article, whatever its first word.
        s.put(LineSignals.CONNECTIVE, prefix == null && Continuations.keyOpensWithConnective(key, lang) ? 1.0 : 0.0);
        s.put(LineSignals.QUOTE, Continuations.opensWithQuote(text) ? 1.0 : 0.0);
        s.put(LineSignals.DATELINE, i > 0 && Datelines.opens(text) ? 1.0 : 0.0);
        s.put(LineSignals.LAST, i == lines.size() - 1 ? 1.0 : 0.0);
        double score = LineScorer.score(s, settings);
        return new LineVerdict(i, text, score, s, reasonFor(s), score >= settings.threshold(), null);
    }

    private static double medianOfOthers(double[] values, int skip) {
        if (values.length < 2) {
            return values.length == 1 ? values[0] : 0;
        }
        double[] others = new double[values.length - 1];
        for (int i = 0, k = 0; i < values.length; i++) {
            if (i != skip) {
                others[k++] = values[i];
            }
        }
        java.util.Arrays.sort(others);
        int m = others.length / 2;
        return others.length % 2 == 1 ? others[m] : (others[m - 1] + others[m]) / 2;
    }

    private boolean languageDiffers(String text, int words, String lang, double coverage) {
        // A line in another language shares (almost) no terms with the article; sparing the detector on
        // lines that do keeps the filter cheap.
        if (words < settings.languageMinWords() || !Languages.isKnown(lang) || coverage > LANGUAGE_MAX_COVERAGE) {
            return false;
        }
        String detected = DETECTOR.detect(text);
        return Languages.isKnown(detected) && !detected.equals(lang);
    }

    /** The reason code: the most specific non-topical evidence present, else plain off-topic. */
    private static String reasonFor(Map<String, Double> s) {
        if (s.get(LineSignals.KNOWN_TITLE) > 0) {
            return "known-title";
        }
        if (s.get(LineSignals.PREFIX) >= 1) {
            return "related-prefix";
        }
        if (s.get(LineSignals.PROMO) >= 0.5) {
            return "promo";
        }
        if (s.get(LineSignals.REPEATED) > 0) {
            return "boilerplate";
        }
        if (s.get(LineSignals.LANGUAGE) > 0) {
            return "language-mismatch";
        }
        return "off-topic";
    }

    private List<LineVerdict> applyGuards(List<LineVerdict> verdicts) {
        List<LineVerdict> out = new ArrayList<>(verdicts);
        List<LineVerdict> candidates = new ArrayList<>();
        boolean shortArticle = verdicts.size() < settings.shortArticleLines();
        for (LineVerdict v : verdicts) {
            if (!v.removed()) {
                continue;
            }
            if (shortArticle && !hasNonTopicalEvidence(v.signals())) {
                // Too little text to judge topic against: only evidence that does not depend on it counts.
                out.set(v.index(), v.keptBy("short-article"));
            } else if (isLongWithoutCorroboration(v)) {
                out.set(v.index(), v.keptBy("long-line"));
            } else {
                candidates.add(v);
            }
        }
        int cap = Math.max(1, (int) Math.floor(settings.maxShare() * verdicts.size()));
        candidates.sort(Comparator.comparingDouble(LineVerdict::score).reversed());
        for (int k = cap; k < candidates.size(); k++) {
            LineVerdict v = candidates.get(k);
            out.set(v.index(), v.keptBy("share-cap"));
        }
        return out;
    }

    /**
     * A long line is real prose more often than not; low similarity alone may just mean a digression. It
     * goes only with non-topical evidence (lead-in, promo, repetition, language, known title) or when
     * neither the article nor its neighbours share its vocabulary.
     */
    private boolean isLongWithoutCorroboration(LineVerdict v) {
        Map<String, Double> s = v.signals();
        if (Math.expm1(s.get(LineSignals.LENGTH)) <= settings.longLineWords()) {
            return false;
        }
        double max = settings.longLineMaxCoverage();
        return !hasNonTopicalEvidence(s) && (s.get(LineSignals.COVERAGE) > max || s.get(LineSignals.NEIGHBOURS) > max);
    }

    /** Evidence that does not rest on topic: lead-in, promo, repetition, language, another article's title. */
    private static boolean hasNonTopicalEvidence(Map<String, Double> s) {
        return s.get(LineSignals.KNOWN_TITLE) > 0 || s.get(LineSignals.PREFIX) >= 1
                || s.get(LineSignals.PROMO) >= 0.5 || s.get(LineSignals.REPEATED) > 0
                || s.get(LineSignals.LANGUAGE) > 0;
    }

    /** The declared language, or the one detected from title and body when none is declared. */
    static String languageOf(FilterInput in) {
        String declared = Languages.normalize(in.lang());
        if (Languages.isKnown(declared)) {
            return declared;
        }
        return DETECTOR.detect(in.title() + "\n" + String.join("\n", in.paragraphs()));
    }

    /** Compares line keys ({@link TitleKeys}) with the article's own title and with other articles' titles. */
    private static final class TitleMatcher {
        private final String ownKey;
        private final Set<String> siblings = new HashSet<>();
        private final CorpusStats stats;
        private final String url;

        TitleMatcher(FilterInput in, CorpusStats stats) {
            this.ownKey = TitleKeys.of(in.title());
            this.stats = stats;
            this.url = in.url();
            for (String t : in.siblingTitles()) {
                String k = TitleKeys.of(t);
                if (!k.isEmpty() && !k.equals(ownKey)) {
                    siblings.add(k);
                }
            }
        }

        boolean isOwnTitle(String key) {
            return !ownKey.isEmpty() && key.equals(ownKey);
        }

        boolean isOtherTitle(String k) {
            // One- or two-word keys ("Video", "Sources") are too common to be another article's title.
            if (k.isEmpty() || k.equals(ownKey) || k.indexOf(' ') < 0 || k.indexOf(' ') == k.lastIndexOf(' ')) {
                return false;
            }
            return siblings.contains(k) || stats.isKnownTitle(k, url);
        }
    }
}
