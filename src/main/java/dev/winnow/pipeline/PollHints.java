package dev.winnow.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one poll learned about when the feed should be polled again.
 *
 * @param feedTtl    the feed's own refresh hint, or null
 * @param maxAge     the HTTP freshness lifetime, or null
 * @param retryAfter how long the server asked us to wait (429/503), or null
 * @param itemDates  publication dates of the feed's items, for the adaptive interval
 */
public record PollHints(Duration feedTtl, Duration maxAge, Duration retryAfter, List<Instant> itemDates) {
    public PollHints {
        itemDates = itemDates == null ? List.of() : List.copyOf(itemDates);
    }

    public static PollHints none() {
        return new PollHints(null, null, null, List.of());
    }
}
