package dev.winnow.filter;

import dev.winnow.article.BlockType;
import dev.winnow.article.Removal;
import dev.winnow.lang.LanguageDetector;
import dev.winnow.lang.Languages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the lines of an article body that belong to another story — a related headline, another story's
 * lede, a newsletter or advertising prompt — and says why each one goes.
 *
 * <p>Each line gets several signals ({@link LineSignals}, measured by {@link SignalMeter}): its topical similarity to the rest of the
 * article and to its neighbours (IDF-weighted with the corpus statistics), its shape, a "related" lead-in,
 * promo vocabulary, repetition across articles, a language differing from the article's, and a match with
 * another article's title. They are combined into one logistic score. Guards then keep what must stay: the
 * title, lines of short articles unless the evidence is strong, long lines whose only evidence is low
 * similarity, and anything beyond a bounded share of the article.
 *
 * <p>Thread-safe: holds only immutable settings.
 */
public final class OffTopicFilter {
    /** The stage the filter's removals are recorded under ({@link dev.winnow.article.Removal#stage}). */
    public static final String STAGE = "filter";
    /** Roles that make a line part of the article's own structure ({@link #isStructural}). */
    private static final Set<BlockType> STRUCTURAL = EnumSet.of(BlockType.LIST_ITEM, BlockType.HEADING,
            BlockType.QUOTE, BlockType.CAPTION);
    private static final LanguageDetector DETECTOR = new LanguageDetector();

    private final FilterSettings settings;
    private final LineScorer scorer;

    public OffTopicFilter(FilterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scorer = new LineScorer(settings);
    }

    /** The lines to remove, each with reason, score and signals. */
    public FilterResult filter(FilterInput in, CorpusStats stats) {
        SignalMeter meter = meter(in, stats);
        List<Removal> removals = new ArrayList<>();
        for (LineVerdict v : assess(in, meter)) {
            if (v.removed()) {
                removals.add(new Removal(v.text(), STAGE, v.reason(), v.score(), v.signals(), v.index()));
            }
        }
        return new FilterResult(meter.language(), removals);
    }

    /** Every line's verdict, kept or removed, for explanation and evaluation. */
    public List<LineVerdict> assess(FilterInput in, CorpusStats stats) {
        return assess(in, meter(in, stats));
    }

    private SignalMeter meter(FilterInput in, CorpusStats stats) {
        // Batch statistics hold each article's analysis; an article judged against other statistics is
        // analysed as a batch of its own on top of them.
        BatchCorpusStats batch = BatchCorpusStats.holding(stats == null ? CorpusStats.EMPTY : stats, in);
        return new SignalMeter(in, batch, settings);
    }

    private List<LineVerdict> assess(FilterInput in, SignalMeter meter) {
        List<LineVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < in.paragraphs().size(); i++) {
            verdicts.add(judge(i, in.paragraphs().get(i), meter));
        }
        return applyGuards(verdicts, meter, in);
    }

    private LineVerdict judge(int i, String text, SignalMeter meter) {
        if (!LineShape.hasText(text)) {
            return new LineVerdict(i, text, 0, LineSignals.empty(), "off-topic", false, null);
        }
        if (meter.isOwnTitle(meter.key(i))) {
            return new LineVerdict(i, text, 0, LineSignals.empty(), "off-topic", false, "title");
        }
        SignalValues s = meter.measure(i);
        double score = scorer.score(s);
        return new LineVerdict(i, text, score, s, reasonFor(s), score >= settings.threshold(), null);
    }

    /** The reason code: the most specific non-topical evidence present, else plain off-topic. */
    private static String reasonFor(Map<String, Double> s) {
        if (s.get(LineSignals.KNOWN_TITLE) > 0) {
            return "known-title";
        }
        if (s.get(LineSignals.KNOWN_LEDE) > 0) {
            return "known-lede";
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

    private List<LineVerdict> applyGuards(List<LineVerdict> verdicts, SignalMeter meter, FilterInput in) {
        List<LineVerdict> out = new ArrayList<>(verdicts);
        List<LineVerdict> candidates = new ArrayList<>();
        boolean shortArticle = verdicts.size() < settings.shortArticleLines();
        int opening = openingLine(verdicts);
        for (LineVerdict v : verdicts) {
            if (!v.removed()) {
                continue;
            }
            if (isStructural(in.role(v.index()), v) && !hasNonTopicalEvidence(v.signals())) {
                // A list item, subheading, quote, caption or interview turn is part of how the article is
                // built: it goes only on evidence that it is someone else's line, never on topic alone.
                out.set(v.index(), v.keptBy("structure"));
            } else if (v.index() == opening && !hasNonTopicalEvidence(v.signals())) {
                // The opening line sets the article's topic (a lede, a dateline, a review's particulars):
                // that the rest does not repeat its words says nothing about whose line it is.
                out.set(v.index(), v.keptBy("opening"));
            } else if (isTooShortToJudge(v)) {
                // Two or three words share nothing with any text, their own article's included: an
                // outlet's name, a byline, a place. Another story's headline is longer, a prompt is promo.
                out.set(v.index(), v.keptBy("short-line"));
            } else if (shortArticle && !hasNonTopicalEvidence(v.signals())) {
                // Too little text to judge topic against: only evidence that does not depend on it counts.
                out.set(v.index(), v.keptBy("short-article"));
            } else if (isLongWithoutCorroboration(v, meter)) {
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
     * Whether the page marked the line as part of the article's structure, or it opens as a list item or
     * an interview turn, or it is a quotation from end to end (an epigraph, a pull quote).
     */
    private static boolean isStructural(BlockType role, LineVerdict v) {
        return STRUCTURAL.contains(role) || v.signals().get(LineSignals.LIST_ITEM) > 0
                || Continuations.opensWithInterviewLabel(v.text()) || Continuations.isWhollyQuoted(v.text());
    }

    /** Whether the line has at most {@code filter.short-line.words} words and no evidence beyond topic. */
    private boolean isTooShortToJudge(LineVerdict v) {
        Map<String, Double> s = v.signals();
        return Math.round(Math.expm1(s.get(LineSignals.LENGTH))) <= settings.shortLineWords()
                && !hasNonTopicalEvidence(s) && s.get(LineSignals.PROMO_LABEL) == 0 && s.get(LineSignals.LABEL) == 0;
    }

    /** The index of the article's first line with text that does not repeat its title, or -1. */
    private static int openingLine(List<LineVerdict> verdicts) {
        for (LineVerdict v : verdicts) {
            if (LineShape.hasText(v.text()) && !"title".equals(v.guard())) {
                return v.index();
            }
        }
        return -1;
    }

    /**
     * A long line is real prose more often than not: a paragraph can share no word with the rest of the
     * article (a background paragraph, a quote, an answer) and still belong to it. Low similarity alone
     * therefore never removes it; it goes only with evidence that does not rest on shared vocabulary: the
     * non-topical evidence of {@link #hasNonTopicalEvidence}, or names the article never mentions
     * elsewhere (another story brings its own people, places and organisations; a paragraph of the
     * article reuses the article's names or has none), or a much closer fit with another article of the
     * corpus than with its own (a lede has a story it belongs to; a background paragraph has none).
     */
    private boolean isLongWithoutCorroboration(LineVerdict v, SignalMeter meter) {
        Map<String, Double> s = v.signals();
        if (Math.expm1(s.get(LineSignals.LENGTH)) <= settings.longLineWords()) {
            return false;
        }
        long newNames = Math.round(Math.expm1(s.get(LineSignals.NEW_NAMES)));
        if (hasNonTopicalEvidence(s) || newNames >= settings.longLineMinNewNames()) {
            return false;
        }
        // Measured only here, where it decides, and kept with the line's signals to explain the decision.
        ((SignalValues) s).set(LineSignals.ELSEWHERE, meter.elsewhere(v.index()));
        return !fitsElsewhere(s);
    }

    /** Whether the line is clearly closer to another article of the corpus than to its own. */
    private boolean fitsElsewhere(Map<String, Double> s) {
        double floor = LineScorer.SIMILARITY_FLOOR;
        double elsewhere = s.get(LineSignals.ELSEWHERE);
        return elsewhere >= settings.longLineElsewhereMin() && (elsewhere + floor)
                >= settings.longLineElsewhereRatio() * (s.get(LineSignals.SIMILARITY) + floor);
    }

    /**
     * Evidence that does not rest on topic: lead-in, promo, repetition, language, another article's title
     * or lede, a dateline that is not the article's own.
     */
    private static boolean hasNonTopicalEvidence(Map<String, Double> s) {
        return s.get(LineSignals.KNOWN_TITLE) > 0 || s.get(LineSignals.KNOWN_LEDE) > 0 || s.get(LineSignals.PREFIX) >= 1
                || s.get(LineSignals.PROMO) >= 0.5 || s.get(LineSignals.REPEATED) > 0
                || s.get(LineSignals.LANGUAGE) > 0 || s.get(LineSignals.DATELINE) > 0;
    }

    /** The names of the signals a line's verdict may carry, in a fixed order. */
    public static List<String> signalNames() {
        return LineSignals.NAMES;
    }

    /** The names of the score's model terms, each weighted by {@code filter.weight.<term>}. */
    public static List<String> modelTerms() {
        return LineScorer.TERMS;
    }

    /**
     * The value of every model term for a line's signals ({@link LineVerdict#signals()}), exactly as the
     * score combines them: what a weight fit ({@code dev.winnow.bench.OffTopicFit}) must fit on.
     */
    public static Map<String, Double> modelTermValues(Map<String, Double> signals) {
        return LineScorer.terms(signals);
    }

    /** The declared language, or the one detected from title and body when none is declared. */
    static String languageOf(FilterInput in) {
        String declared = Languages.normalize(in.lang());
        if (Languages.isKnown(declared)) {
            return declared;
        }
        return DETECTOR.detect(in.title() + "\n" + String.join("\n", in.paragraphs()));
    }
}
