package dev.winnow.pipeline;

import dev.winnow.config.Config;

/**
 * Limits of one feed poll.
 *
 * @param maxArticlesPerPoll new or changed articles fetched per feed per poll, newest first
 * @param articleThreads     article pages fetched in parallel within one poll
 */
public record PipelineSettings(int maxArticlesPerPoll, int articleThreads) {
    public static PipelineSettings from(Config c) {
        return new PipelineSettings(
                c.integer("pipeline.max-articles-per-poll", 1, 10_000),
                c.integer("pipeline.article-threads", 1, 64));
    }

    public static PipelineSettings defaults() {
        return from(Config.defaults());
    }
}
