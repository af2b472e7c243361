package dev.winnow.pipeline;

import dev.winnow.extract.ExtractedArticle;
import dev.winnow.feed.FeedItem;
import java.util.Objects;

/**
 * An extracted page waiting to be filtered and stored.
 *
 * @param url          canonical URL of the article (the page's rel=canonical when it has one)
 * @param item         the feed item that pointed to it, or null for pages cleaned outside a feed
 * @param fallbackLang the language the feed or OPML declares, used when the page declares none; or null
 */
public record Candidate(String url, FeedItem item, ExtractedArticle extracted, String fallbackLang) {
    public Candidate {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(extracted, "extracted");
    }

    /** The headline: the page's own, else the feed item's. */
    public String title() {
        String t = extracted.title();
        if ((t == null || t.isBlank()) && item != null) {
            t = item.title();
        }
        return t == null ? "" : t.strip();
    }
}
