package dev.winnow.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;

/**
 * The analysed terms of one article (title and lines) weighted by corpus IDF, and the topical
 * comparisons the filter makes between a line and the rest of the article.
 *
 * <p>IDF is the BM25 form {@code ln(1 + (N - df + 0.5) / (df + 0.5))}: always positive, and uniform when
 * the corpus is empty, so a first run still compares words, only without weighting them.
 */
final class ArticleTerms {
    private final List<Map<String, Integer>> lines = new ArrayList<>();
    private final Map<String, Integer> title;
    /** Title (weighted) plus every line: the "whole article" a line is compared against, minus itself. */
    private final Map<String, Double> whole = new HashMap<>();
    private final Map<String, Double> idf = new HashMap<>();
    private final CorpusStats stats;
    private final String lang;
    private double wholeNormSq = -1;

    ArticleTerms(Analyzer analyzer, String lang, String titleText, List<String> paragraphs, CorpusStats stats,
                 double titleWeight) {
        this.stats = stats;
        this.lang = lang;
        this.title = terms(analyzer, titleText);
        title.forEach((t, n) -> whole.merge(t, n * titleWeight, Double::sum));
        for (String p : paragraphs) {
            Map<String, Integer> terms = terms(analyzer, p);
            lines.add(terms);
            terms.forEach((t, n) -> whole.merge(t, (double) n, Double::sum));
        }
    }

    /** A line's terms: as the batch statistics already counted them, else analysed now. */
    private Map<String, Integer> terms(Analyzer analyzer, String text) {
        return stats instanceof BatchCorpusStats batch ? batch.termsOf(analyzer, lang, text)
                : TermCounter.count(analyzer, text);
    }

    /** Cosine of the line with the rest of the article (title weighted, the line itself left out). */
    double similarityToRest(int line) {
        // The rest differs from the whole article only in the line's own terms, so its norm and the dot
        // product are corrections of the whole's, in time proportional to the line, not the article.
        Map<String, Integer> own = lines.get(line);
        double restNormSq = wholeNormSq();
        double dot = 0;
        double ownNormSq = 0;
        for (Map.Entry<String, Integer> e : own.entrySet()) {
            String t = e.getKey();
            double w = weight(e.getValue(), t);
            double full = weight(whole.get(t), t);
            double left = whole.get(t) - e.getValue();
            double rest = left > 1e-9 ? weight(left, t) : 0;
            restNormSq += rest * rest - full * full;
            dot += w * rest;
            ownNormSq += w * w;
        }
        return dot <= 0 || restNormSq <= 0 ? 0 : dot / Math.sqrt(ownNormSq * restNormSq);
    }

    /** IDF-weighted share of the line's distinct terms found anywhere else in the article. */
    double coverageByRest(int line) {
        Map<String, Integer> own = lines.get(line);
        return coverage(own, t -> whole.get(t) - own.get(t) > 1e-9);
    }

    /** IDF-weighted share of the line's terms that appear in the title. */
    double coverageByTitle(int line) {
        return coverage(lines.get(line), title::containsKey);
    }

    /** IDF-weighted share of the line's terms found in the lines just before and after (title for the first). */
    double coverageByNeighbours(int line) {
        Map<String, Double> around = neighbours(line);
        return coverage(lines.get(line), around::containsKey);
    }

    /** Cosine of the line before with the line after: high when the text flows around this line. */
    double bridge(int line) {
        Map<String, Double> before = new HashMap<>();
        if (line == 0) {
            title.forEach((t, n) -> before.put(t, (double) n));
        } else {
            lines.get(line - 1).forEach((t, n) -> before.put(t, (double) n));
        }
        if (line + 1 >= lines.size()) {
            return 0;
        }
        Map<String, Double> after = new HashMap<>();
        lines.get(line + 1).forEach((t, n) -> after.put(t, (double) n));
        return cosine(weigh(before), weigh(after));
    }

    private Map<String, Double> neighbours(int line) {
        Map<String, Double> out = new HashMap<>();
        if (line == 0) {
            title.forEach((t, n) -> out.merge(t, (double) n, Double::sum));
        } else {
            lines.get(line - 1).forEach((t, n) -> out.merge(t, (double) n, Double::sum));
        }
        if (line + 1 < lines.size()) {
            lines.get(line + 1).forEach((t, n) -> out.merge(t, (double) n, Double::sum));
        }
        return out;
    }

    private double wholeNormSq() {
        if (wholeNormSq < 0) {
            double sum = 0;
            for (Map.Entry<String, Double> e : whole.entrySet()) {
                double w = weight(e.getValue(), e.getKey());
                sum += w * w;
            }
            wholeNormSq = sum;
        }
        return wholeNormSq;
    }

    private double weight(double tf, String term) {
        return (1 + Math.log(Math.max(tf, 1))) * idf(term);
    }

    private double coverage(Map<String, Integer> terms, java.util.function.Predicate<String> present) {
        double all = 0;
        double found = 0;
        for (String t : terms.keySet()) {
            double w = idf(t);
            all += w;
            if (present.test(t)) {
                found += w;
            }
        }
        return all == 0 ? 0 : found / all;
    }

    private Map<String, Double> weigh(Map<String, ? extends Number> counts) {
        Map<String, Double> v = new HashMap<>();
        counts.forEach((t, n) -> {
            double tf = n.doubleValue();
            if (tf > 0) {
                v.put(t, weight(tf, t));
            }
        });
        return v;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.size() > b.size()) {
            Map<String, Double> x = a;
            a = b;
            b = x;
        }
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double o = b.get(e.getKey());
            if (o != null) {
                dot += e.getValue() * o;
            }
        }
        return dot == 0 ? 0 : dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> v) {
        double s = 0;
        for (double x : v.values()) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    double idf(String term) {
        return idf.computeIfAbsent(term, t -> idf(stats.docCount(lang), stats.docFreq(lang, t)));
    }

    /** BM25's IDF: always positive, and uniform over an empty corpus. */
    static double idf(double docCount, double docFreq) {
        double df = Math.min(docFreq, docCount);
        return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    }

    /** The analysed terms of a line. */
    Map<String, Integer> termsOf(int line) {
        return lines.get(line);
    }
}
