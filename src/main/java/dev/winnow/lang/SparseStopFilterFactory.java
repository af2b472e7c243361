package dev.winnow.lang;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.util.ResourceLoader;

/**
 * The stop filter with the same words in a table sixteen times their number: most words asked about are
 * no stop word, and Lucene's own table, up to four-fifths full, makes each of those probe several slots
 * before an empty one says so.
 */
public final class SparseStopFilterFactory extends StopFilterFactory {
    private CharArraySet sparse;

    public SparseStopFilterFactory(Map<String, String> args) {
        super(args);
    }

    @Override
    public void inform(ResourceLoader loader) throws IOException {
        super.inform(loader);
        CharArraySet words = getStopWords();
        sparse = new CharArraySet(Math.max(64, words.size() * 16), isIgnoreCase());
        sparse.addAll(words);
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new StopFilter(input, sparse);
    }
}
