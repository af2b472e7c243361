package dev.winnow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArticlePagesIdentityTest {
    @Test
    void sameSiteCanonicalBecomesTheIdentity() {
        assertEquals("https://news.example/a/story",
                ArticlePages.identity("https://news.example/a/story?x=1", "https://www.news.example/a/story?x=1",
                        "https://news.example/a/story"));
    }

    @Test
    void canonicalPointingToAnotherSiteIsIgnored() {
        // A page must not be able to overwrite another site's article by claiming its URL.
        assertEquals("https://news.example/a/story",
                ArticlePages.identity("https://news.example/a/story", "https://news.example/a/story",
                        "https://victim.example/their-story"));
    }

    @Test
    void missingCanonicalKeepsTheItemLink() {
        assertEquals("https://news.example/a", ArticlePages.identity("https://news.example/a", "https://news.example/a", null));
    }
}
