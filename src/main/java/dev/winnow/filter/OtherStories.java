package dev.winnow.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The articles of a corpus as TF-IDF vectors in one language, answering how well a line fits the best
 * other article: a line that belongs to another story is usually closer to some other article of the
 * corpus (on the same beat as that story) than to its own, while the article's own background lines have
 * nowhere better to go.
 *
 * <p>Built once, then read-only: safe to share between threads.
 */
final class OtherStories {
    private final Map<String, List<int[]>> postings = new HashMap<>();
    private final List<String> owners = new ArrayList<>();
    private final List<Map<String, Integer>> documents = new ArrayList<>();
    private final Map<String, List<Integer>> docsOfOwner = new HashMap<>();
    private double[] norms;

    /** Adds one article (its title and lines counted together) owned by {@code owner}. */
    void add(String owner, Map<String, Integer> terms) {
        int doc = owners.size();
        owners.add(owner);
        documents.add(terms);
        docsOfOwner.computeIfAbsent(owner, k -> new ArrayList<>(1)).add(doc);
        terms.forEach((t, n) -> postings.computeIfAbsent(t, k -> new ArrayList<>()).add(new int[] {doc, n}));
    }

    /** Fixes the document norms under the corpus's term weights; no article may be added afterwards. */
    void seal(Idf idf) {
        norms = new double[documents.size()];
        for (int d = 0; d < documents.size(); d++) {
            double sum = 0;
            for (Map.Entry<String, Integer> e : documents.get(d).entrySet()) {
                double w = weight(e.getValue(), idf.of(e.getKey()));
                sum += w * w;
            }
            norms[d] = Math.sqrt(sum);
        }
    }

    String owner(int doc) {
        return owners.get(doc);
    }

    int size() {
        return owners.size();
    }

    /** The documents added by {@code owner}. */
    List<Integer> docsOf(String owner) {
        return docsOfOwner.getOrDefault(owner, List.of());
    }

    /**
     * The highest cosine between the line's terms and an article for which {@code skip} is false, 0 when
     * no such article shares a term with it.
     */
    double bestMatch(Map<String, Integer> line, Idf idf, IntPredicate skip) {
        double[] dots = new double[owners.size()];
        double lineNormSq = 0;
        for (Map.Entry<String, Integer> e : line.entrySet()) {
            double termIdf = idf.of(e.getKey());
            double w = weight(e.getValue(), termIdf);
            lineNormSq += w * w;
            List<int[]> list = postings.get(e.getKey());
            if (list != null) {
                for (int[] p : list) {
                    dots[p[0]] += w * weight(p[1], termIdf);
                }
            }
        }
        double best = 0;
        for (int d = 0; d < dots.length; d++) {
            if (dots[d] > 0 && norms[d] > 0 && !skip.test(d)) {
                best = Math.max(best, dots[d] / norms[d]);
            }
        }
        return lineNormSq == 0 ? 0 : best / Math.sqrt(lineNormSq);
    }

    private static double weight(double tf, double idf) {
        return (1 + Math.log(Math.max(tf, 1))) * idf;
    }

    /** Term weights of the corpus. */
    interface Idf {
        double of(String term);
    }
}
