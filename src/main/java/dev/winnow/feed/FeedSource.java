package dev.winnow.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * One subscription from the OPML file.
 *
 * @param interval the feed's own poll interval (OPML attribute), or null for the configured default
 * @param lang     the language the OPML declares for the feed, or null
 */
public record FeedSource(String url, String title, Duration interval, String lang) {
    public FeedSource {
        Objects.requireNonNull(url, "url");
    }

    public static FeedSource of(String url) {
        return new FeedSource(url, null, null, null);
    }
}
