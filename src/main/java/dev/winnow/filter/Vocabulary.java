package dev.winnow.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct analysed terms of one language in a batch, each with an id, its document frequency in the
 * batch and, once {@link #seal sealed}, its IDF over the base corpus plus the batch.
 *
 * <p>Filled by one thread while the batch is built, read-only afterwards.
 */
final class Vocabulary {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> terms = new ArrayList<>();
    private int[] docFreq = new int[256];
    private int docs;
    private double[] idf;

    int id(String term) {
        Integer known = ids.get(term);
        if (known != null) {
            return known;
        }
        int id = terms.size();
        ids.put(term, id);
        terms.add(term);
        if (id == docFreq.length) {
            docFreq = Arrays.copyOf(docFreq, id * 2);
        }
        return id;
    }

    /** Counts one more document of the batch holding each of these (distinct) term ids. */
    void countDocument(int[] distinctIds) {
        docs++;
        for (int id : distinctIds) {
            docFreq[id]++;
        }
    }

    int documents() {
        return docs;
    }

    /** The batch's document frequency of a term, 0 when the batch does not hold it. */
    int docFreq(String term) {
        Integer id = ids.get(term);
        return id == null ? 0 : docFreq[id];
    }

    /** Fixes every term's IDF: BM25's form over the base's documents plus the batch's. */
    void seal(CorpusStats base, String lang) {
        double n = base.docCount(lang) + docs;
        idf = new double[terms.size()];
        for (int id = 0; id < idf.length; id++) {
            idf[id] = ArticleTerms.idf(n, base.docFreq(lang, terms.get(id)) + docFreq[id]);
        }
    }

    double idf(int id) {
        return idf[id];
    }

    int size() {
        return terms.size();
    }
}
