package dev.winnow.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct analysed terms of one language in a batch, each with an id, its document frequency in the
 * batch and, once {@link #seal sealed}, its IDF over the base corpus plus the batch.
 *
 * <p>Filled by one thread while the batch is built, read-only afterwards.
 */
final class Vocabulary {
    /** Keyed by characters, so a token's term buffer is looked up without making a string of it. */
    private final CharIds ids = new CharIds();
    private final List<String> terms = new ArrayList<>();
    private final CharIds words = new CharIds();
    private int[] docFreq = new int[256];
    private int docs;
    private double[] idf;

    /** The id of the term in {@code buffer[0..length)}, as a token stream hands it over. */
    int id(char[] buffer, int length) {
        int id = ids.idOf(buffer, length);
        if (id == terms.size()) {
            terms.add(new String(buffer, 0, length));
            if (id == docFreq.length) {
                docFreq = Arrays.copyOf(docFreq, id * 2);
            }
        }
        return id;
    }

    /**
     * The id of a surface word (lower case, not analysed) in {@code buffer[0..length)}: words have an id
     * space of their own, apart from the terms'.
     */
    int wordId(char[] buffer, int length) {
        return words.idOf(buffer, length);
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
        int id = ids.find(term);
        return id < 0 ? 0 : docFreq[id];
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

    /** Number of distinct surface words ({@link #wordId}). */
    int words() {
        return words.size();
    }
}
