package dev.winnow.filter;

import dev.winnow.lang.LanguageAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Reads a text's standard tokens (the tokenizer of every {@link dev.winnow.lang.LanguageAnalyzers chain},
 * split by {@link AlphabetTokens} when the text allows it, which is much cheaper) once, and gets from them both
 * its analysed terms, so that the filter counts the same terms the index stores document frequencies for,
 * and its surface words, among them the words written with a capital after the first (names, mostly).
 *
 * <p>The chains' filters work on one token at a time, so a token's term depends on the token alone: it is
 * worked out once per distinct word of the batch ({@link Vocabulary#analyseNewWords}), not at every
 * occurrence. So a text is read in two steps: {@link #read} its tokens, then, once the batch's new words are
 * analysed, {@link Tokens#analysis} turns them into terms.
 */
final class TermCounter {
    /** A capitalised word shorter than this ("El", "US") is not taken for a name. */
    private static final int MIN_NAME_LENGTH = 3;

    /** Standard tokenisation alone; reused per thread, as analyzers do. */
    private static final Analyzer TOKENS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
        }
    };

    /** {@link Character#toLowerCase(char)} of the characters below U+0500 (Latin up to Extended-B, Greek, Cyrillic). */
    private static final char[] LOWER = new char[0x500];

    static {
        for (char c = 0; c < LOWER.length; c++) {
            LOWER[c] = Character.toLowerCase(c);
        }
    }

    private TermCounter() {
    }

    /** The text's tokens as word ids, for {@link Tokens#analysis} once their terms are known. */
    static Tokens read(String text, Vocabulary vocabulary) {
        if (text == null || text.isBlank()) {
            return Tokens.NONE;
        }
        // The scratch marks the words seen (1) and named (2) so far, so each is taken once per line.
        Reader reader = new Reader(vocabulary, Scratch.forIds(vocabulary.words() + text.length() / 2 + 1));
        if (!splitAlphabetic(text, reader)) {
            // Text the fast path leaves alone may be decomposed ("fu\u0308r"): composed first, as the index
            // composes what it stores, so that its words are the index's and the other pages' ("für").
            String composed = LanguageAnalyzers.nfc(text);
            if (composed == text || !splitAlphabetic(composed, reader)) {
                readWithLucene(composed, reader);
            }
        }
        return reader.line.done();
    }

    private static boolean splitAlphabetic(String text, Reader reader) {
        char[] chars = text.toCharArray();
        return AlphabetTokens.split(chars, chars.length, reader);
    }

    private static void readWithLucene(String text, Reader reader) {
        try (TokenStream ts = TOKENS.tokenStream("body", text)) {
            CharTermAttribute token = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                reader.token(token.buffer(), 0, token.length());
            }
            ts.end();
        } catch (IOException e) {
            // Analysis of an in-memory string cannot do I/O; keep the checked exception out of callers.
            throw new UncheckedIOException(e);
        }
    }

    /** Takes one text's tokens, whichever tokenizer hands them over. */
    private static final class Reader implements AlphabetTokens.Sink {
        private final Vocabulary vocabulary;
        private final Scratch seen;
        private final Tokens line = new Tokens();
        private char[] lower = new char[32];
        /** The hash of the characters {@link #lowerCase} wrote last. */
        private int hash;

        Reader(Vocabulary vocabulary, Scratch seen) {
            this.vocabulary = vocabulary;
            this.seen = seen;
        }

        @Override
        public void token(char[] text, int from, int to) {
            int length = to - from;
            if (lower.length < length) {
                lower = new char[length * 2];
            }
            int written = lowerCase(text, from, length, lower);
            int initial = LineShape.initial(text, from, to);
            line.add(seen, vocabulary.wordId(lower, written, hash), initial != LineShape.NOT_LETTER,
                    initial == LineShape.CAPITAL && written >= MIN_NAME_LENGTH);
        }

        /**
         * Lower-cases like Lucene's LowerCaseFilter (code point by code point, each keeping its length) and leaves
         * out soft hyphens, as the chains do ({@link dev.winnow.lang.LanguageAnalyzers}): a word a page hyphenates
         * with them is the same word. Returns how many characters it wrote; {@link #hash} is their hash
         * ({@code h = 31 * h + c}), summed on the way for the word's look-up.
         */
        private int lowerCase(char[] buffer, int from, int length, char[] out) {
            int h = 0;
            int o = 0;
            for (int i = 0; i < length; ) {
                char c = buffer[from + i];
                if (c == LanguageAnalyzers.SOFT_HYPHEN) {
                    i++;
                    continue;
                }
                if (c < LOWER.length) {
                    // Latin, Greek and Cyrillic letters (what most news is written in) through a table: each maps
                    // to one character.
                    char lower = LOWER[c];
                    out[o++] = lower;
                    h = 31 * h + lower;
                    i++;
                    continue;
                }
                int cp = Character.codePointAt(buffer, from + i, from + length);
                int lowerCp = Character.toLowerCase(cp);
                int at = o;
                o += Character.toChars(Character.charCount(lowerCp) == Character.charCount(cp) ? lowerCp : cp, out, o);
                i += Character.charCount(cp);
                for (int k = at; k < o; k++) {
                    h = 31 * h + out[k];
                }
            }
            hash = h;
            return o;
        }
    }

    /** One text read: every token's word id, its distinct words, and its names with their positions. */
    static final class Tokens {
        static final Tokens NONE = new Tokens();

        private int[] tokens = new int[16];
        private int tokenCount;
        private int[] words = new int[16];
        private int wordCount;
        private int[] names = new int[4];
        private int[] positions = new int[4];
        private int nameCount;
        private int position;
        /** Made on first need, so that a text repeated in the batch is turned into terms once. */
        private LineAnalysis analysis;

        private void add(Scratch seen, int word, boolean isWord, boolean capitalised) {
            if (tokenCount == tokens.length) {
                tokens = Arrays.copyOf(tokens, tokenCount * 2);
            }
            tokens[tokenCount++] = word;
            if (!isWord) {
                // Numbers are terms, not words: they neither count as names nor move the word position.
                return;
            }
            int marks = seen.has(word) ? seen.get(word) : 0;
            if (marks == 0) {
                if (wordCount == words.length) {
                    words = Arrays.copyOf(words, wordCount * 2);
                }
                words[wordCount++] = word;
            }
            boolean name = position > 0 && capitalised;
            if (name && (marks & 2) == 0) {
                if (nameCount == names.length) {
                    names = Arrays.copyOf(names, nameCount * 2);
                    positions = Arrays.copyOf(positions, nameCount * 2);
                }
                names[nameCount] = word;
                positions[nameCount++] = position;
            }
            seen.put(word, marks | 1 | (name ? 2 : 0));
            position++;
        }

        private Tokens done() {
            words = Arrays.copyOf(words, wordCount);
            names = Arrays.copyOf(names, nameCount);
            positions = Arrays.copyOf(positions, nameCount);
            return this;
        }

        /**
         * The text's terms as vocabulary ids (one-character terms dropped), its distinct words (tokens that
         * start with a letter), and its names: words that start with a capital, are
         * {@value TermCounter#MIN_NAME_LENGTH}+ characters long and are not the text's first word, each once,
         * with the word position where it first occurs. Only once the vocabulary has analysed its new words.
         */
        LineAnalysis analysis(Vocabulary vocabulary) {
            if (this == NONE) {
                return LineAnalysis.EMPTY;
            }
            if (analysis == null) {
                analysis = termsOf(vocabulary);
            }
            return analysis;
        }

        private LineAnalysis termsOf(Vocabulary vocabulary) {
            int[] terms = new int[tokenCount];
            int n = 0;
            for (int i = 0; i < tokenCount; i++) {
                int term = vocabulary.termOfWord(tokens[i]);
                if (term >= 0) {
                    terms[n++] = term;
                }
            }
            return new LineAnalysis(TermBag.ofIds(terms, n), words, names, positions);
        }
    }
}
