package dev.winnow.filter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The articles of a batch in one language as TF-IDF vectors, answering how well a line fits the best
 * other article: a line that belongs to another story is usually closer to some other article of the
 * corpus (on the same beat as that story) than to its own, while the article's own background lines have
 * nowhere better to go.
 *
 * <p>Holds at most {@value #MAX_DOCUMENTS} articles (the first ones added): comparing a line costs time in
 * proportion to the articles sharing its terms, and a batch of a hundred thousand articles (a large
 * {@code clean --jsonl} file) must not make every line that slow. A sample of that size is plenty to find
 * the story a lede belongs to.
 *
 * <p>Filled by one thread, then {@link #seal sealed} and read-only: safe to share between threads.
 */
final class OtherStories {
    static final int MAX_DOCUMENTS = 500;
    /** {@code 1 + ln(n)} for the counts {@code n} below its length. */
    private static final double[] ONE_PLUS_LOG = new double[256];

    static {
        for (int n = 1; n < ONE_PLUS_LOG.length; n++) {
            ONE_PLUS_LOG[n] = 1 + Math.log(n);
        }
    }

    private final List<String> owners = new ArrayList<>();
    private final List<TermBag> documents = new ArrayList<>();
    private final Map<String, List<Integer>> docsOfOwner = new HashMap<>();
    /**
     * Postings of every term id, one after another: term {@code t}'s documents are
     * {@code postingDocs[postingStart[t] .. postingStart[t + 1])}, with its weight in each (already divided by
     * the document's norm) at the same positions of {@code postingWeights}.
     */
    private int[] postingStart;
    private int[] postingDocs;
    private float[] postingWeights;

    /** Adds one article (its title and lines counted together) owned by {@code owner}, if there is room. */
    void add(String owner, TermBag terms) {
        if (owners.size() >= MAX_DOCUMENTS) {
            return;
        }
        int doc = owners.size();
        owners.add(owner);
        documents.add(terms);
        docsOfOwner.computeIfAbsent(owner, k -> new ArrayList<>(1)).add(doc);
    }

    /** Builds the weighted postings under the vocabulary's (sealed) IDF; nothing may be added afterwards. */
    void seal(Vocabulary vocabulary) {
        int terms = vocabulary.size();
        postingStart = new int[terms + 1];
        for (TermBag d : documents) {
            for (int id : d.ids) {
                postingStart[id + 1]++;
            }
        }
        for (int t = 0; t < terms; t++) {
            postingStart[t + 1] += postingStart[t];
        }
        postingDocs = new int[postingStart[terms]];
        postingWeights = new float[postingStart[terms]];
        int[] filled = postingStart.clone();
        for (int doc = 0; doc < documents.size(); doc++) {
            TermBag d = documents.get(doc);
            double normSq = 0;
            for (int k = 0; k < d.size(); k++) {
                double w = weight(d.counts[k], vocabulary.idf(d.ids[k]));
                normSq += w * w;
            }
            double norm = Math.sqrt(normSq);
            for (int k = 0; k < d.size(); k++) {
                int id = d.ids[k];
                postingDocs[filled[id]] = doc;
                postingWeights[filled[id]++] = (float) (weight(d.counts[k], vocabulary.idf(id)) / norm);
            }
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
     * The highest cosine between the line's terms and a document not in {@code skip}, 0 when no such
     * document shares a term with it.
     */
    double bestMatch(TermBag line, Vocabulary vocabulary, BitSet skip) {
        double[] dots = new double[owners.size()];
        double lineNormSq = 0;
        for (int k = 0; k < line.size(); k++) {
            int id = line.ids[k];
            double w = weight(line.counts[k], vocabulary.idf(id));
            lineNormSq += w * w;
            for (int p = postingStart[id], end = postingStart[id + 1]; p < end; p++) {
                dots[postingDocs[p]] += w * postingWeights[p];
            }
        }
        double best = 0;
        for (int d = 0; d < dots.length; d++) {
            if (dots[d] > best && !skip.get(d)) {
                best = dots[d];
            }
        }
        return lineNormSq == 0 ? 0 : best / Math.sqrt(lineNormSq);
    }

    static double weight(double tf, double idf) {
        // Term counts are mostly small whole numbers: their logarithms are read from a table.
        int n = (int) tf;
        if (n == tf && n >= 1 && n < ONE_PLUS_LOG.length) {
            return ONE_PLUS_LOG[n] * idf;
        }
        return (1 + Math.log(Math.max(tf, 1))) * idf;
    }
}
