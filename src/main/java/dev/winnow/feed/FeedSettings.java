package dev.winnow.feed;

import dev.winnow.config.Config;

/**
 * Limits of feed parsing, from the {@code feed.*} section of the configuration.
 *
 * @param maxItems     items kept from one feed document, first ones in document order
 * @param maxBodyBytes cap on a feed body after un-gzipping a gzip file served as-is (the HTTP layer caps
 *                     the transfer; this caps the inflated copy), taken from {@code http.max-feed-bytes}
 */
public record FeedSettings(int maxItems, long maxBodyBytes) {
    public static FeedSettings from(Config c) {
        return new FeedSettings(c.integer("feed.max-items", 1, 100_000), c.bytes("http.max-feed-bytes"));
    }

    public static FeedSettings defaults() {
        return from(Config.defaults());
    }
}
