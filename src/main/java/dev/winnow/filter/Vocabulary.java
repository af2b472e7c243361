package dev.winnow.filter;

import dev.winnow.lang.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The distinct words and analysed terms of one language in a batch, each with an id; each term's document
 * frequency in the batch and, once {@link #seal sealed}, its IDF over the base corpus plus the batch.
 *
 * <p>Words are the lower-cased standard tokens of the batch's text. The language's chain analyses each
 * distinct word once ({@link #analyseNewWords}), not every occurrence: its filters work on one token at a
 * time ({@link LanguageAnalyzers#forWords}), so a word's term does not depend on its context.
 *
 * <p>Filled by one thread while the batch is built, read-only afterwards.
 */
final class Vocabulary {
    private static final String FIELD = "body";
    /** The most words the tables are first sized for (the expected count of a batch of a few hundred pages). */
    private static final int MAX_EXPECTED_WORDS = 1 << 16;
    /** Lucene's ASCII folding of each character below U+0250 (Latin up to Extended-B). */
    private static final String[] FOLDED = new String[0x250];

    static {
        char[] out = new char[8];
        for (char c = 0; c < FOLDED.length; c++) {
            int n = ASCIIFoldingFilter.foldToASCII(new char[] {c}, 0, out, 0, 1);
            FOLDED[c] = new String(out, 0, n);
        }
    }

    private final String code;
    /** Keyed by characters, so a token's buffer is looked up without making a string of it. */
    private final CharIds ids;
    private final List<String> terms = new ArrayList<>();
    private final CharIds words;
    /** Word id → the id of its term, -1 for a word without one; filled by {@link #analyseNewWords}. */
    private int[] termOfWord;
    /** Words not analysed yet, each followed by a space: analysed together in one pass of the chain. */
    private final StringBuilder newWords = new StringBuilder();
    /** Where each word not analysed yet starts in {@link #newWords}, in word id order. */
    private int[] newWordStarts = new int[64];
    private int analysedWords;
    private int[] docFreq = new int[256];
    private int docs;
    private double[] idf;

    /**
     * The terms of the language {@code code} (an analysis chain's, {@link LanguageAnalyzers#effectiveLanguage});
     * {@code expectedWords} sizes the tables, so that filling them does not keep growing them.
     */
    Vocabulary(String code, int expectedWords) {
        this.code = code;
        // Sized for the batch up to a bound: a big batch's distinct words grow far slower than its text, and
        // the tables still grow past it when needed.
        int expected = Math.min(MAX_EXPECTED_WORDS, Math.max(1, expectedWords));
        int capacity = Math.max(256, Integer.highestOneBit(expected) * 4);
        this.ids = new CharIds(capacity);
        this.words = new CharIds(capacity);
        this.termOfWord = new int[capacity / 2];
    }

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
     * The id of a word (a lower-cased standard token) in {@code buffer[0..length)}: words have an id space
     * of their own, apart from the terms'. A new word's term is known after {@link #analyseNewWords}.
     * {@code rawHash} is the characters' hash ({@code h = 31 * h + c}), which the caller sums while reading them.
     */
    int wordId(char[] buffer, int length, int rawHash) {
        int known = words.size();
        int id = words.idOf(buffer, length, rawHash);
        if (id == known) {
            int pending = id - analysedWords;
            if (pending == newWordStarts.length) {
                newWordStarts = Arrays.copyOf(newWordStarts, pending * 2);
            }
            newWordStarts[pending] = newWords.length();
            appendFolded(buffer, length);
            newWords.append(' ');
        }
        return id;
    }

    /**
     * Appends a word for the chain with its Latin letters already accent-folded, as the chain's
     * {@code ASCIIFoldingFilter} would fold them (character by character, so folding some of them first
     * changes nothing): the filter then meets plain ASCII, which it passes over, instead of looking up
     * each accented letter. A word with an apostrophe goes as it is, since elision ("l'", "qu'") runs
     * before folding and must meet "ç'" unfolded.
     */
    private void appendFolded(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (buffer[i] == '\'' || buffer[i] == '\u2019') {
                newWords.append(buffer, 0, length);
                return;
            }
        }
        for (int i = 0; i < length; i++) {
            char c = buffer[i];
            if (c < 0x80 || c >= FOLDED.length) {
                newWords.append(c);
            } else {
                newWords.append(FOLDED[c]);
            }
        }
    }

    /**
     * Works out the terms of the words met since the last call, in one pass of the language's filters over
     * them all (one analysis per word would cost several times more).
     */
    void analyseNewWords() {
        int first = analysedWords;
        int count = words.size() - first;
        if (count == 0) {
            return;
        }
        if (termOfWord.length < words.size()) {
            termOfWord = Arrays.copyOf(termOfWord, Math.max(words.size(), termOfWord.length * 2));
        }
        // A word the chain drops (a stop word) has no token in the output: no term.
        Arrays.fill(termOfWord, first, first + count, -1);
        try (TokenStream ts = LanguageAnalyzers.forWords(code).tokenStream(FIELD, newWords.toString())) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int k = 0;
            while (ts.incrementToken()) {
                while (k < count && newWordStarts[k] < offset.startOffset()) {
                    k++;
                }
                if (k == count || newWordStarts[k] != offset.startOffset()) {
                    // The chains' filters keep each token's offsets (LanguageAnalyzers#forWords), so this
                    // would be a chain that splits or moves tokens.
                    throw new IllegalStateException("the " + code + " chain does not keep one token per word");
                }
                termOfWord[first + k] = term.length() > 1 ? id(term.buffer(), term.length()) : -1;
                k++;
            }
            ts.end();
        } catch (IOException e) {
            // Analysis of an in-memory string cannot do I/O; keep the checked exception out of callers.
            throw new UncheckedIOException(e);
        }
        analysedWords = words.size();
        newWords.setLength(0);
    }

    /**
     * The term id of word {@code wordId} (terms of one character dropped, as initials and stray letters carry
     * no topic); -1 when it has none. Only for words {@link #analyseNewWords analysed} already.
     */
    int termOfWord(int wordId) {
        return termOfWord[wordId];
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
        long[] baseFreqs = base.docFreqs(lang, terms);
        idf = new double[terms.size()];
        for (int id = 0; id < idf.length; id++) {
            idf[id] = ArticleTerms.idf(n, baseFreqs[id] + docFreq[id]);
        }
    }

    /** The term with this id. */
    String term(int id) {
        return terms.get(id);
    }

    double idf(int id) {
        return idf[id];
    }

    int size() {
        return terms.size();
    }

    /** Number of distinct words ({@link #wordId}). */
    int words() {
        return words.size();
    }
}
