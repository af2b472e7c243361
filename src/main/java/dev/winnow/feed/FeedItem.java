package dev.winnow.feed;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a feed, as the feed describes it. Links are absolute (resolved against xml:base and
 * the feed URL); text fields are plain text.
 *
 * @param contentHtml the full content the feed carries (content:encoded, atom:content), or null
 */
public record FeedItem(
        String guid,
        String link,
        String title,
        List<String> authors,
        Instant published,
        String summary,
        String contentHtml,
        List<String> categories) {

    public FeedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Whether the item says anything a reader could use: a link, title, id, summary or content. */
    boolean isNews() {
        return link != null || title != null || guid != null || summary != null || contentHtml != null;
    }
}
