package dev.winnow.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Combines a line's signals into one score: a logistic model whose terms are the signals themselves, the
 * similarities taken on a log scale (the difference between 0.001 and 0.02 matters far more than between
 * 0.3 and 0.4), two length interactions (a short line shares few words even with its own article), and
 * a second weight for some signals on headline-shaped lines ({@link #SHAPED}).
 */
final class LineScorer {
    /** Floor added before taking logarithms of similarity and coverage values. */
    static final double SIMILARITY_FLOOR = 0.005;
    static final double COVERAGE_FLOOR = 0.02;
    private static final String BY_NO_STOP = "-by-no-stop";

    /** Signals whose weight differs for headline-shaped lines: each also enters as "<signal>-by-no-stop". */
    static final List<String> SHAPED = List.of(LineSignals.SIMILARITY, LineSignals.RELATIVE, LineSignals.NOVEL_NAMES,
            LineSignals.EARLY_NAME, LineSignals.BRIDGE, LineSignals.NEIGHBOURS, LineSignals.LENGTH);

    /** Model terms; each has a weight {@code filter.weight.<term>}. */
    static final List<String> TERMS = Stream.concat(Stream.of(
            LineSignals.SIMILARITY, LineSignals.COVERAGE, LineSignals.NOVEL_NAMES, LineSignals.EARLY_NAME,
            LineSignals.NEW_NAMES, LineSignals.SHARED_NAMES, LineSignals.NEIGHBOURS, LineSignals.TITLE,
            LineSignals.RELATIVE, "similarity-by-length", "coverage-by-length", LineSignals.BRIDGE,
            LineSignals.LENGTH, LineSignals.NO_STOP, LineSignals.CAPITALS, LineSignals.PREFIX, LineSignals.LABEL,
            LineSignals.PROMO, LineSignals.PROMO_LABEL, LineSignals.REPEATED, LineSignals.LANGUAGE,
            LineSignals.KNOWN_TITLE, LineSignals.CONNECTIVE, LineSignals.QUOTE, LineSignals.DATELINE,
            LineSignals.LAST), SHAPED.stream().map(LineScorer::byNoStop)).toList();

    private LineScorer() {
    }

    private static String byNoStop(String signal) {
        return signal + BY_NO_STOP;
    }

    static double logSimilarity(double similarity) {
        return Math.log(similarity + SIMILARITY_FLOOR);
    }

    /** The value of every model term for these signals. */
    static Map<String, Double> terms(Map<String, Double> s) {
        Map<String, Double> t = new LinkedHashMap<>();
        double lsim = logSimilarity(s.get(LineSignals.SIMILARITY));
        double lcov = Math.log(s.get(LineSignals.COVERAGE) + COVERAGE_FLOOR);
        double length = s.get(LineSignals.LENGTH);
        t.put(LineSignals.SIMILARITY, lsim);
        t.put(LineSignals.COVERAGE, lcov);
        t.put(LineSignals.NEIGHBOURS, Math.log(s.get(LineSignals.NEIGHBOURS) + COVERAGE_FLOOR));
        t.put("similarity-by-length", lsim * length);
        t.put("coverage-by-length", lcov * length);
        for (String name : TERMS) {
            if (!name.endsWith(BY_NO_STOP)) {
                t.putIfAbsent(name, s.get(name));
            }
        }
        // A headline and a sentence carry the same signals with different weight: a subheading shares
        // few words with its article, and sits between paragraphs that need not flow into each other.
        double noStop = s.get(LineSignals.NO_STOP);
        for (String name : SHAPED) {
            t.put(byNoStop(name), t.get(name) * noStop);
        }
        return t;
    }

    /** The score, 0..1. */
    static double score(Map<String, Double> signals, FilterSettings settings) {
        double z = settings.bias();
        for (Map.Entry<String, Double> e : terms(signals).entrySet()) {
            z += settings.weight(e.getKey()) * e.getValue();
        }
        return 1 / (1 + Math.exp(-z));
    }
}
