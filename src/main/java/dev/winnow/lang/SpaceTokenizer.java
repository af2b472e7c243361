package dev.winnow.lang;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Splits a text at single ASCII spaces and nowhere else: for input that is a list of words the caller has
 * already tokenised ({@link LanguageAnalyzers#forWords}), where the whitespace tokenizer's Unicode test of
 * every character is work spent on nothing.
 */
public final class SpaceTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private char[] text = new char[256];
    private int length;
    private int position;

    SpaceTokenizer(AttributeFactory factory) {
        super(factory);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        position = 0;
        for (int read; (read = input.read(text, length, text.length - length)) != -1; ) {
            length += read;
            if (length == text.length) {
                text = Arrays.copyOf(text, text.length * 2);
            }
        }
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (position < length && text[position] == ' ') {
            position++;
        }
        if (position == length) {
            return false;
        }
        int start = position;
        while (position < length && text[position] != ' ') {
            position++;
        }
        term.copyBuffer(text, start, position - start);
        offset.setOffset(correctOffset(start), correctOffset(position));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int end = correctOffset(length);
        offset.setOffset(end, end);
    }

    /** The factory a {@link org.apache.lucene.analysis.custom.CustomAnalyzer} builds it with. */
    public static final class Factory extends TokenizerFactory {
        public Factory(Map<String, String> args) {
            super(args);
        }

        @Override
        public Tokenizer create(AttributeFactory factory) {
            return new SpaceTokenizer(factory);
        }
    }
}
