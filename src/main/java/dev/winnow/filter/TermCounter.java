package dev.winnow.filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into analysed terms with the language's Lucene chain, so that the filter counts the same
 * terms the index stores document frequencies for; and reads the same text's surface words, among them
 * the words written with a capital after the first (names, mostly).
 */
final class TermCounter {
    private static final String FIELD = "body";
    /** A capitalised word shorter than this ("El", "US") is not taken for a name. */
    private static final int MIN_NAME_LENGTH = 3;

    private TermCounter() {
    }

    /**
     * The text's terms as vocabulary ids (one-character terms dropped: initials and stray letters carry no
     * topic), its distinct surface words, and its names: words that start with a capital, are
     * {@value #MIN_NAME_LENGTH}+ characters long and are not the text's first word, each once, with the word
     * position where it first occurs.
     */
    static LineAnalysis analyse(Analyzer analyzer, String text, Vocabulary vocabulary) {
        if (text == null || text.isBlank()) {
            return LineAnalysis.EMPTY;
        }
        return new Words(text, vocabulary).analysis(terms(analyzer, text, vocabulary));
    }

    private static TermBag terms(Analyzer analyzer, String text, Vocabulary vocabulary) {
        int[] ids = new int[16];
        int n = 0;
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 1) {
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = vocabulary.id(term.buffer(), term.length());
                }
            }
            ts.end();
        } catch (IOException e) {
            // Analysis of an in-memory string cannot do I/O; keep the checked exception out of callers.
            throw new UncheckedIOException(e);
        }
        return TermBag.ofIds(ids, n);
    }

    /**
     * The surface words of a text: a word is a letter followed by letters, digits, apostrophes and
     * hyphens, lower-cased; scanned by hand, since the filter reads every line.
     */
    private static final class Words {
        private int[] words = new int[16];
        private int count;
        private int[] names = new int[4];
        private int[] positions = new int[4];
        private int nameCount;

        Words(String text, Vocabulary vocabulary) {
            // New words get ids up to the vocabulary's size plus the words of this text. The scratch marks the
            // words seen (1) and named (2) so far, so each is taken once per line.
            Scratch seen = Scratch.forIds(vocabulary.words() + text.length() / 2 + 1);
            char[] lower = new char[32];
            int position = 0;
            int n = text.length();
            for (int i = 0; i < n; ) {
                char c = text.charAt(i);
                if (c < 0x80 ? !isAsciiLetter(c) : !Character.isLetter(text.codePointAt(i))) {
                    i += c < 0x80 ? 1 : Character.charCount(text.codePointAt(i));
                    continue;
                }
                int start = i;
                int first = text.codePointAt(i);
                int length = 0;
                while (i < n) {
                    c = text.charAt(i);
                    if (c < 0x80) {
                        if (!isAsciiWordPart(c)) {
                            break;
                        }
                        char l = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
                        if (length == lower.length) {
                            lower = Arrays.copyOf(lower, length * 2);
                        }
                        lower[length++] = l;
                        i++;
                        continue;
                    }
                    int cp = text.codePointAt(i);
                    if (cp != '\u2019' && !Character.isLetterOrDigit(cp)) {
                        break;
                    }
                    if (length + 2 > lower.length) {
                        lower = Arrays.copyOf(lower, lower.length * 2);
                    }
                    length += Character.toChars(Character.toLowerCase(cp), lower, length);
                    i += Character.charCount(cp);
                }
                int id = vocabulary.wordId(lower, length);
                int marks = seen.has(id) ? seen.get(id) : 0;
                if (marks == 0) {
                    add(id);
                }
                boolean name = position > 0 && i - start >= MIN_NAME_LENGTH && Character.isUpperCase(first);
                if (name && (marks & 2) == 0) {
                    addName(id, position);
                }
                seen.put(id, marks | 1 | (name ? 2 : 0));
                position++;
            }
        }

        private void add(int id) {
            if (count == words.length) {
                words = Arrays.copyOf(words, count * 2);
            }
            words[count++] = id;
        }

        private void addName(int id, int position) {
            if (nameCount == names.length) {
                names = Arrays.copyOf(names, nameCount * 2);
                positions = Arrays.copyOf(positions, nameCount * 2);
            }
            names[nameCount] = id;
            positions[nameCount++] = position;
        }

        LineAnalysis analysis(TermBag terms) {
            return new LineAnalysis(terms, Arrays.copyOf(words, count), Arrays.copyOf(names, nameCount),
                    Arrays.copyOf(positions, nameCount));
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiWordPart(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '\'' || c == '-';
    }
}
