package dev.winnow.index;

import java.time.Instant;

/**
 * One result: the article's identity and metadata, its score and a snippet of clean text.
 *
 * @param snippet    a passage of clean text with matches between {@code \u0001} and {@code \u0002}
 *                   markers, which the caller turns into colour or plain text
 * @param duplicates how many near-duplicate copies of this story exist besides this one
 * @param partial    true when the article holds only some of the query's words (a near miss listed after
 *                   the full matches, or a hit of a query no article matched in full)
 */
public record SearchHit(String url, String title, String feed, String site, Instant published, String lang,
                        float score, String snippet, int duplicates, boolean partial) {
    public static final char MATCH_START = '\u0001';
    public static final char MATCH_END = '\u0002';

    /** A hit that holds every word of the query. */
    public SearchHit(String url, String title, String feed, String site, Instant published, String lang,
                     float score, String snippet, int duplicates) {
        this(url, title, feed, site, published, lang, score, snippet, duplicates, false);
    }

    /** This hit marked as holding only some of the query's words. */
    public SearchHit asPartial() {
        return new SearchHit(url, title, feed, site, published, lang, score, snippet, duplicates, true);
    }
}
