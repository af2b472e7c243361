package dev.winnow.index;

import java.time.Instant;

/**
 * One result: the article's identity and metadata, its score and a snippet of clean text.
 *
 * @param snippet    a passage of clean text with matches between {@code \u0001} and {@code \u0002}
 *                   markers, which the caller turns into colour or plain text
 * @param duplicates how many near-duplicate copies of this story exist besides this one
 */
public record SearchHit(String url, String title, String feed, String site, Instant published, String lang,
                        float score, String snippet, int duplicates) {
    public static final char MATCH_START = '\u0001';
    public static final char MATCH_END = '\u0002';
}
