package dev.winnow.filter;

import dev.winnow.filter.LineSignals.At;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Combines a line's signals into one score: a logistic model whose terms are the signals themselves, the
 * similarities taken on a log scale (the difference between 0.001 and 0.02 matters far more than between
 * 0.3 and 0.4), two length interactions (a short line shares few words even with its own article), and
 * a second weight for some signals on headline-shaped lines ({@link #SHAPED}: no final stop, at most
 * {@value #HEADLINE_MAX_WORDS} words).
 */
final class LineScorer {
    /** Floor added before taking logarithms of similarity and coverage values. */
    static final double SIMILARITY_FLOOR = 0.005;
    static final double COVERAGE_FLOOR = 0.02;
    private static final String BY_NO_STOP = "-by-no-stop";
    /**
     * A line without a final stop has a headline's shape only up to this many words: a longer one is a
     * paragraph whose end was lost (or a list entry), not a headline, and scores as a sentence.
     */
    static final int HEADLINE_MAX_WORDS = 20;
    private static final double HEADLINE_MAX_LENGTH = Math.log1p(HEADLINE_MAX_WORDS);

    /** Signals whose weight differs for headline-shaped lines: each also enters as "<signal>-by-no-stop". */
    static final List<String> SHAPED = List.of(LineSignals.SIMILARITY, LineSignals.RELATIVE, LineSignals.NOVEL_NAMES,
            LineSignals.EARLY_NAME, LineSignals.BRIDGE, LineSignals.NEIGHBOURS, LineSignals.LENGTH);

    /** Model terms; each has a weight {@code filter.weight.<term>}. */
    static final List<String> TERMS = Stream.concat(Stream.of(
            LineSignals.SIMILARITY, LineSignals.COVERAGE, LineSignals.PLAIN, LineSignals.NOVEL_NAMES,
            LineSignals.EARLY_NAME, LineSignals.NEW_NAMES, LineSignals.SHARED_NAMES, LineSignals.NEIGHBOURS,
            LineSignals.TITLE, LineSignals.RELATIVE, "similarity-by-length", "coverage-by-length", LineSignals.BRIDGE,
            LineSignals.LENGTH, LineSignals.NO_STOP, LineSignals.CAPITALS, LineSignals.PREFIX, LineSignals.LABEL,
            LineSignals.PROMO, LineSignals.PROMO_LABEL, LineSignals.CREDIT, LineSignals.LIST_ITEM,
            LineSignals.REPEATED, LineSignals.REPEATED_TEXT, LineSignals.LANGUAGE,
            LineSignals.KNOWN_TITLE, LineSignals.KNOWN_LEDE, LineSignals.LEDE_SHAPE, LineSignals.CONNECTIVE, LineSignals.QUOTE, LineSignals.DATELINE,
            LineSignals.LAST), SHAPED.stream().map(LineScorer::byNoStop)).toList();

    /** Per model term ({@link #TERMS} order), the signal it is read from; -1 for the derived terms. */
    private static final int[] SOURCE = TERMS.stream().mapToInt(name -> LineSignals.NAMES.contains(name)
            ? SignalValues.indexOf(name) : -1).toArray();
    private static final int T_SIMILARITY = TERMS.indexOf(LineSignals.SIMILARITY);
    private static final int T_COVERAGE = TERMS.indexOf(LineSignals.COVERAGE);
    private static final int T_NEIGHBOURS = TERMS.indexOf(LineSignals.NEIGHBOURS);
    private static final int T_NO_STOP = TERMS.indexOf(LineSignals.NO_STOP);
    private static final int T_SIMILARITY_BY_LENGTH = TERMS.indexOf("similarity-by-length");
    private static final int T_COVERAGE_BY_LENGTH = TERMS.indexOf("coverage-by-length");
    private static final int[] SHAPED_TERM = SHAPED.stream().mapToInt(TERMS::indexOf).toArray();
    private static final int[] SHAPED_BY_NO_STOP = SHAPED.stream().mapToInt(n -> TERMS.indexOf(byNoStop(n))).toArray();

    private final double bias;
    /** The settings' weights in {@link #TERMS} order. */
    private final double[] weights;

    LineScorer(FilterSettings settings) {
        this.bias = settings.bias();
        this.weights = TERMS.stream().mapToDouble(settings::weight).toArray();
    }

    /** The score, 0..1. */
    double score(SignalValues signals) {
        double[] t = termValues(signals);
        double[] w = weights;
        double z = bias;
        for (int k = 0; k < t.length; k++) {
            z += w[k] * t[k];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static String byNoStop(String signal) {
        return signal + BY_NO_STOP;
    }

    static double logSimilarity(double similarity) {
        return Math.log(similarity + SIMILARITY_FLOOR);
    }

    /** The value of every model term for these signals. */
    static Map<String, Double> terms(Map<String, Double> s) {
        SignalValues values = s instanceof SignalValues v ? v : copy(s);
        double[] t = termValues(values);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < TERMS.size(); k++) {
            out.put(TERMS.get(k), t[k]);
        }
        return out;
    }

    private static SignalValues copy(Map<String, Double> s) {
        SignalValues v = new SignalValues();
        s.forEach(v::set);
        return v;
    }

    /** The model terms' values, in {@link #TERMS} order. */
    private static double[] termValues(SignalValues s) {
        double[] t = new double[TERMS.size()];
        for (int k = 0; k < t.length; k++) {
            if (SOURCE[k] >= 0) {
                t[k] = s.value(SOURCE[k]);
            }
        }
        double lsim = logSimilarity(s.value(At.SIMILARITY));
        double lcov = Math.log(s.value(At.COVERAGE) + COVERAGE_FLOOR);
        double length = s.value(At.LENGTH);
        t[T_SIMILARITY] = lsim;
        t[T_COVERAGE] = lcov;
        t[T_NEIGHBOURS] = Math.log(s.value(At.NEIGHBOURS) + COVERAGE_FLOOR);
        t[T_SIMILARITY_BY_LENGTH] = lsim * length;
        t[T_COVERAGE_BY_LENGTH] = lcov * length;
        // A headline and a sentence carry the same signals with different weight: a subheading shares
        // few words with its article, and sits between paragraphs that need not flow into each other.
        double noStop = length <= HEADLINE_MAX_LENGTH + 1e-9 ? s.value(At.NO_STOP) : 0;
        t[T_NO_STOP] = noStop;
        for (int k = 0; k < SHAPED_TERM.length; k++) {
            t[SHAPED_BY_NO_STOP[k]] = t[SHAPED_TERM[k]] * noStop;
        }
        return t;
    }
}
