package dev.winnow.pipeline;

import dev.winnow.config.Config;
import java.time.Duration;

/**
 * Limits of one feed poll.
 *
 * @param maxArticlesPerPoll new or changed articles fetched per feed per poll, newest first
 * @param articleThreads     article pages fetched in parallel within one poll
 * @param itemRetryDelay     wait before a failed article is tried again; doubles with each failure
 * @param itemRetries        failed attempts after which an article is given up until the feed lists it anew
 */
public record PipelineSettings(int maxArticlesPerPoll, int articleThreads, Duration itemRetryDelay, int itemRetries) {
    /** The longest wait between two attempts, as a multiple of {@code itemRetryDelay}. */
    static final int MAX_RETRY_DOUBLINGS = 6;

    /** Settings with the default retry policy. */
    public PipelineSettings(int maxArticlesPerPoll, int articleThreads) {
        this(maxArticlesPerPoll, articleThreads, Duration.ofMinutes(5), 8);
    }

    public static PipelineSettings from(Config c) {
        return new PipelineSettings(
                c.integer("pipeline.max-articles-per-poll", 1, 10_000),
                c.integer("pipeline.article-threads", 1, 64),
                c.duration("pipeline.item-retry-delay"),
                c.integer("pipeline.item-retries", 1, 1_000));
    }

    public static PipelineSettings defaults() {
        return from(Config.defaults());
    }

    /** How long to wait after the {@code attempts}-th failure of an article. */
    Duration retryDelay(int attempts) {
        return itemRetryDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), MAX_RETRY_DOUBLINGS));
    }
}
