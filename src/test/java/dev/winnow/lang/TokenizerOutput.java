package dev.winnow.lang;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** A tokenizer's tokens of a text as {@code term@startOffset}, the form tokenizer tests compare. */
public final class TokenizerOutput {
    private TokenizerOutput() {
    }

    /** The tokens {@code tokenizer} gives {@code text}; the tokenizer is closed afterwards. */
    public static List<String> of(Tokenizer tokenizer, String text) throws IOException {
        try (Tokenizer t = tokenizer) {
            t.setReader(new StringReader(text));
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = t.addAttribute(OffsetAttribute.class);
            t.reset();
            List<String> out = new ArrayList<>();
            while (t.incrementToken()) {
                out.add(term + "@" + offset.startOffset());
            }
            t.end();
            return out;
        }
    }
}
