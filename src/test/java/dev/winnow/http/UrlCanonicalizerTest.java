package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {
    @Test
    void dropsTrackingParametersFragmentAndDefaultPort() {
        assertEquals("https://news.example/a/b?id=7",
                UrlCanonicalizer.canonicalize("HTTPS://News.Example:443/a/b?utm_source=rss&id=7&fbclid=XYZ&utm_medium=feed#comments"));
    }

    @Test
    void sortsRemainingParametersStably() {
        assertEquals("http://x.example/p?a=1&b=2&b=1&c",
                UrlCanonicalizer.canonicalize("http://x.example/p?c&b=2&a=1&b=1"));
    }

    @Test
    void sameArticleBehindDifferentLinksGetsOneForm() {
        assertEquals(UrlCanonicalizer.canonicalize("http://x.example/story?id=1&gclid=a"),
                UrlCanonicalizer.canonicalize("http://X.example:80/story?mc_cid=b&id=1#top"));
    }

    @Test
    void leavesNonHttpInputAlone() {
        assertEquals("mailto:a@b.example", UrlCanonicalizer.canonicalize(" mailto:a@b.example "));
    }

    @Test
    void emptyQueryAndPathAreNormalised() {
        assertEquals("http://x.example/", UrlCanonicalizer.canonicalize("http://x.example?utm_campaign=z"));
    }
}
