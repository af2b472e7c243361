package dev.winnow.lang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;

/**
 * Serves Lucene's stop lists accent-folded, for chains that fold accents before dropping stop words:
 * "também" in the list must meet the token "tambem". Comments are folded along with the words, which
 * changes nothing the stop filter reads.
 */
final class FoldedStopLists implements ResourceLoader {
    static final FoldedStopLists LOADER = new FoldedStopLists();

    private final ResourceLoader classpath = new ClasspathResourceLoader(FoldedStopLists.class.getClassLoader());

    private FoldedStopLists() {
    }

    @Override
    public InputStream openResource(String resource) throws IOException {
        String text;
        try (InputStream in = classpath.openResource(resource)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new ByteArrayInputStream(fold(text).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
        return classpath.findClass(cname, expectedType);
    }

    static String fold(String text) {
        char[] in = text.toCharArray();
        char[] out = new char[in.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        return new String(out, 0, n);
    }
}
