package dev.winnow.pipeline;

import dev.winnow.feed.FeedSource;
import dev.winnow.feed.PollIntervals;
import dev.winnow.state.FeedState;
import java.time.Duration;
import java.time.Instant;

/**
 * Plans a feed's next poll: the feed's own interval (OPML) or the configured default, adapted to how
 * often the feed publishes, never sooner than its TTL or HTTP freshness allow, and clamped to the
 * configured bounds (see {@link PollIntervals}). A failing feed is retried soon and then less and less
 * often — {@code daemon.failure-retry} doubled after each failure, up to {@code daemon.max-backoff} — so
 * a network that comes back is noticed within minutes, not hours; a Retry-After is always honoured.
 */
public final class PollPlanner {
    private final ScheduleSettings settings;

    public PollPlanner(ScheduleSettings settings) {
        this.settings = settings;
    }

    public Instant nextPoll(FeedSource source, FeedState state, PollHints hints, Instant now) {
        if (state.consecutiveFailures() > 0) {
            return now.plus(failureRetry(state.consecutiveFailures(), hints.retryAfter()));
        }
        Duration base = source.interval() != null ? source.interval() : settings.defaultInterval();
        PollIntervals.Policy policy = new PollIntervals.Policy(base, settings.minInterval(), settings.maxInterval(),
                settings.maxBackoff());
        PollIntervals.Signals signals = new PollIntervals.Signals(hints.feedTtl(), hints.maxAge(), hints.retryAfter(),
                state.consecutiveFailures(), hints.itemDates(), now);
        return now.plus(PollIntervals.next(policy, signals));
    }

    private Duration failureRetry(int failures, Duration retryAfter) {
        Duration wait = settings.failureRetry().multipliedBy(1L << Math.min(failures - 1, 30));
        if (wait.compareTo(settings.maxBackoff()) > 0 || wait.isNegative()) {
            wait = settings.maxBackoff();
        }
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(settings.maxInterval()) > 0 ? settings.maxInterval() : retryAfter;
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        return wait;
    }
}
