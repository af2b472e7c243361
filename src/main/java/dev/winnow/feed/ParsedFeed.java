package dev.winnow.feed;

import java.time.Duration;
import java.util.List;

/**
 * A feed document read from bytes.
 *
 * @param format the detected format, e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json_1.1}
 * @param ttl    the feed's own refresh hint (RSS ttl, sy:updatePeriod), or null
 */
public record ParsedFeed(String format, String title, String link, String lang, Duration ttl, List<FeedItem> items) {
    public ParsedFeed {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
