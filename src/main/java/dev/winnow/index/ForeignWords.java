package dev.winnow.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * The weight of a word in one language's reading of a query, when the word belongs more to the other
 * languages: "the" is an English stop word, but in the few Spanish articles that quote an English title it
 * is a rare term, and BM25 would let it outweigh every Spanish word of "the city". Its clause is scaled by
 * {@code min(1, idf among the other languages / idf in this one)}, and only when the word is commoner
 * (by share of articles) among the other languages than in this one, so a language's own words keep
 * their weight. Frequencies are of the surface forms (words as written, stop words kept), which every
 * language indexes alike. One instance serves one query: it remembers what it counted.
 */
final class ForeignWords {
    private final Analyzer analyzer;
    private final Collection<String> languages;
    private final ArticleQueryParser.DocFreqs docFreqs;
    private final Map<String, Long> docCounts = new HashMap<>();
    private final Map<String, Long> docFreqsByFieldAndWord = new HashMap<>();
    private final Map<String, Float> weights = new HashMap<>();

    /**
     * @param languages the languages the query is read in: the others, for each of them
     * @param docFreqs  the index's term statistics
     */
    ForeignWords(Analyzer analyzer, Collection<String> languages, ArticleQueryParser.DocFreqs docFreqs) {
        this.analyzer = analyzer;
        this.languages = languages;
        this.docFreqs = docFreqs;
    }

    /**
     * Counts the words in every language's field at once, one request per field, so that weighing them word
     * by word, reading by reading, asks the index nothing more (a Solr collection answers each request over
     * the network).
     */
    void prefetch(Collection<String> words) {
        if (docFreqs == null || languages.size() < 2 || words.isEmpty()) {
            return;
        }
        Set<String> fields = new LinkedHashSet<>();
        languages.forEach(lang -> fields.add(IndexFields.surfaceTextField(lang)));
        for (String field : fields) {
            Map<String, String> termOfWord = new LinkedHashMap<>();
            for (String word : words) {
                String key = field + '\u0000' + word;
                if (docFreqsByFieldAndWord.containsKey(key)) {
                    continue;
                }
                List<String> terms = ArticleQueryParser.terms(analyzer, field, word);
                if (terms.size() == 1) {
                    termOfWord.put(word, terms.get(0));
                } else {
                    docFreqsByFieldAndWord.put(key, 0L);
                }
            }
            if (termOfWord.isEmpty()) {
                continue;
            }
            Map<String, Long> counted;
            try {
                counted = docFreqs.of(field, new LinkedHashSet<>(termOfWord.values()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            termOfWord.forEach((word, term) ->
                    docFreqsByFieldAndWord.put(field + '\u0000' + word, counted.getOrDefault(term, 0L)));
        }
    }

    /** The word's clause in {@code lang}'s reading, scaled down when the word is foreign to it. */
    Query scaled(Query clause, String lang, String word) {
        float w = weight(lang, word);
        return w < 1f ? new BoostQuery(clause, w) : clause;
    }

    /** The mean of the words' factors in {@code lang}'s reading: what a passage of them weighs there. */
    float meanWeight(String lang, List<String> words) {
        if (words.isEmpty()) {
            return 1f;
        }
        float sum = 0;
        for (String word : words) {
            sum += weight(lang, word);
        }
        return sum / words.size();
    }

    /** The factor for one word in one language's reading: 1 unless the word is commoner elsewhere. */
    float weight(String lang, String word) {
        if (docFreqs == null || languages.size() < 2) {
            return 1f;
        }
        // Each word is weighed once per reading, then again for the passage its query ranks by.
        return weights.computeIfAbsent(lang + '\u0000' + word, k -> computeWeight(lang, word));
    }

    private float computeWeight(String lang, String word) {
        String own = IndexFields.surfaceTextField(lang);
        long n = docCount(own);
        long df = docFreq(own, word);
        if (n == 0 || df == 0) {
            return 1f; // the clause matches nothing here, or the index cannot tell
        }
        long otherN = 0;
        long otherDf = 0;
        for (String other : languages) {
            String field = IndexFields.surfaceTextField(other);
            if (field.equals(own)) {
                continue;
            }
            otherN += docCount(field);
            otherDf += docFreq(field, word);
        }
        // Commoner elsewhere: a larger share of the other languages' articles hold it.
        if (otherN == 0 || otherDf * n <= df * otherN) {
            return 1f;
        }
        return (float) Math.min(1.0, idf(otherDf, otherN) / idf(df, n));
    }

    /** BM25's inverse document frequency, as Lucene's similarity computes it. */
    static double idf(long df, long n) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private long docCount(String field) {
        return docCounts.computeIfAbsent(field, f -> {
            try {
                return docFreqs.docCount(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** How many articles hold the word as {@code field} writes it (0 unless it is one term there). */
    private long docFreq(String field, String word) {
        String key = field + '\u0000' + word;
        Long known = docFreqsByFieldAndWord.get(key);
        if (known != null) {
            return known;
        }
        List<String> terms = ArticleQueryParser.terms(analyzer, field, word);
        long df = 0;
        if (terms.size() == 1) {
            String term = terms.get(0);
            try {
                df = docFreqs.of(field, List.of(term)).getOrDefault(term, 0L);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        docFreqsByFieldAndWord.put(key, df);
        return df;
    }
}
