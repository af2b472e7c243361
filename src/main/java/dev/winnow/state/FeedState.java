package dev.winnow.state;

import java.time.Instant;
import java.util.Objects;

/**
 * What winnow remembers about one feed between polls: validators for conditional GET, the outcome of
 * the last poll, when the next one is due and how many polls in a row have failed.
 *
 * @param lastOutcome         {@code ok}, {@code not-modified}, {@code failed}, or null before the first poll
 * @param articlesIndexed     articles from this feed currently in the index
 * @param consecutiveFailures failed polls since the last success; drives backoff
 */
public record FeedState(
        String feedUrl,
        String etag,
        String lastModified,
        Instant lastPoll,
        String lastOutcome,
        String lastReason,
        Instant nextPoll,
        long articlesIndexed,
        int consecutiveFailures) {

    public FeedState {
        Objects.requireNonNull(feedUrl, "feedUrl");
    }

    public static FeedState initial(String feedUrl) {
        return new FeedState(feedUrl, null, null, null, null, null, null, 0, 0);
    }
}
