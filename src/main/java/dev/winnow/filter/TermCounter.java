package dev.winnow.filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Turns text into analysed terms with the language's Lucene chain, so that the filter counts the same
 * terms the index stores document frequencies for — and, in the same pass, notes which terms were
 * written with a capital after the first word (names, mostly).
 */
final class TermCounter {
    private static final String FIELD = "body";
    /** A capitalised word shorter than this ("El", "US") is not taken for a name. */
    private static final int MIN_NAME_LENGTH = 3;

    private TermCounter() {
    }

    /**
     * The text's terms as vocabulary ids (one-character terms dropped: initials and stray letters carry no
     * topic) and its names: terms whose word starts with a capital, is {@value #MIN_NAME_LENGTH}+
     * characters long and is not the text's first word, each once, with the word position where it first
     * occurs (stop words count as positions).
     */
    static LineAnalysis analyse(Analyzer analyzer, String text, Vocabulary vocabulary) {
        if (text == null || text.isBlank()) {
            return LineAnalysis.EMPTY;
        }
        int[] ids = new int[16];
        int[] names = new int[4];
        int[] positions = new int[4];
        int terms = 0;
        int nameCount = 0;
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += increment.getPositionIncrement();
                if (term.length() <= 1) {
                    continue;
                }
                int id = vocabulary.id(term.toString());
                if (terms == ids.length) {
                    ids = Arrays.copyOf(ids, terms * 2);
                }
                ids[terms++] = id;
                if (position > 0 && isCapitalised(text, offset) && !contains(names, nameCount, id)) {
                    if (nameCount == names.length) {
                        names = Arrays.copyOf(names, nameCount * 2);
                        positions = Arrays.copyOf(positions, nameCount * 2);
                    }
                    names[nameCount] = id;
                    positions[nameCount++] = position;
                }
            }
            ts.end();
        } catch (IOException e) {
            // Analysis of an in-memory string cannot do I/O; keep the checked exception out of callers.
            throw new UncheckedIOException(e);
        }
        return new LineAnalysis(TermBag.ofIds(ids, terms), Arrays.copyOf(names, nameCount),
                Arrays.copyOf(positions, nameCount));
    }

    private static boolean isCapitalised(String text, OffsetAttribute offset) {
        int start = offset.startOffset();
        return offset.endOffset() - start >= MIN_NAME_LENGTH && start < text.length()
                && Character.isUpperCase(text.codePointAt(start));
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }
}
