package dev.winnow.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A feed item whose article could not be fetched or stored, remembered so that later polls retry it
 * whatever the feed's validators say.
 *
 * @param url      the article's canonical URL
 * @param reason   why the last attempt failed
 * @param attempts failed attempts so far
 * @param retryAt  the earliest time of the next attempt (backed off after each failure)
 */
public record FailedItem(String url, String reason, int attempts, Instant retryAt) {
    public FailedItem {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(retryAt, "retryAt");
    }
}
