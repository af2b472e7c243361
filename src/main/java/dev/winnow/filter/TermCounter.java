package dev.winnow.filter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into analysed term counts with the language's Lucene chain, so that the filter counts the
 * same terms the index stores document frequencies for.
 */
final class TermCounter {
    private static final String FIELD = "body";

    private TermCounter() {
    }

    /** Term → occurrences; one-character terms are dropped (initials, stray letters carry no topic). */
    static Map<String, Integer> count(Analyzer analyzer, String text) {
        Map<String, Integer> out = new HashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 1) {
                    out.merge(term.toString(), 1, Integer::sum);
                }
            }
            ts.end();
        } catch (IOException e) {
            // Analysis of an in-memory string cannot do I/O; keep the checked exception out of callers.
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
