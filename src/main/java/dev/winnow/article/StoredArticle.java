package dev.winnow.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The clean copy of one article as it is stored and searched: metadata, the kept paragraphs and the
 * lines removed from it with their reasons. Identified by its canonical URL.
 *
 * @param url         canonical URL (tracking parameters stripped); the identity of the article
 * @param guid        the feed item's GUID, or null
 * @param feedUrl     the feed it came from, or null when cleaned outside a feed
 * @param paragraphs  the kept body lines in reading order
 * @param removed     every line removed by extraction or filtering, with its reason
 * @param contentHash hash of the clean text, used to tell an unchanged re-fetch from an update
 */
public record StoredArticle(
        String url,
        String guid,
        String feedUrl,
        String title,
        List<String> authors,
        Instant published,
        Instant fetched,
        String lang,
        String site,
        String description,
        List<String> paragraphs,
        List<Removal> removed,
        String contentHash) {

    public StoredArticle {
        Objects.requireNonNull(url, "url");
        title = title == null ? "" : title;
        authors = authors == null ? List.of() : List.copyOf(authors);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }

    /** The clean body as plain text, paragraphs separated by blank lines. */
    public String text() {
        return String.join("\n\n", paragraphs);
    }
}
