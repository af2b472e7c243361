package dev.winnow.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What winnow remembers about one feed between polls: validators for conditional GET, the outcome of
 * the last poll, when the next one is due and how many polls in a row have failed.
 *
 * @param lastOutcome         {@code ok}, {@code not-modified}, {@code failed}, or null before the first poll
 * @param articlesIndexed     articles from this feed currently in the index
 * @param consecutiveFailures failed polls since the last success; drives backoff
 * @param failedItems         items of the feed whose articles failed, awaiting a retry
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
        int consecutiveFailures,
        List<FailedItem> failedItems) {

    public FeedState {
        Objects.requireNonNull(feedUrl, "feedUrl");
        failedItems = failedItems == null ? List.of() : List.copyOf(failedItems);
    }

    /** A state with no failed items awaiting a retry. */
    public FeedState(String feedUrl, String etag, String lastModified, Instant lastPoll, String lastOutcome,
                     String lastReason, Instant nextPoll, long articlesIndexed, int consecutiveFailures) {
        this(feedUrl, etag, lastModified, lastPoll, lastOutcome, lastReason, nextPoll, articlesIndexed,
                consecutiveFailures, List.of());
    }

    /** This state with other failed items. */
    public FeedState withFailedItems(List<FailedItem> items) {
        return new FeedState(feedUrl, etag, lastModified, lastPoll, lastOutcome, lastReason, nextPoll, articlesIndexed,
                consecutiveFailures, items);
    }

    /** This state with its next poll planned for {@code next}. */
    public FeedState withNextPoll(Instant next) {
        return new FeedState(feedUrl, etag, lastModified, lastPoll, lastOutcome, lastReason, next, articlesIndexed,
                consecutiveFailures, failedItems);
    }

    public static FeedState initial(String feedUrl) {
        return new FeedState(feedUrl, null, null, null, null, null, null, 0, 0);
    }
}
