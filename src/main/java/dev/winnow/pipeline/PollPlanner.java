package dev.winnow.pipeline;

import dev.winnow.feed.FeedSource;
import dev.winnow.state.FeedState;
import java.time.Duration;
import java.time.Instant;

/**
 * Plans a feed's next poll from its configured interval, the poll's outcome and what the server and the
 * feed said about freshness.
 */
public final class PollPlanner {
    private final ScheduleSettings settings;

    public PollPlanner(ScheduleSettings settings) {
        this.settings = settings;
    }

    public Instant nextPoll(FeedSource source, FeedState state, PollHints hints, Instant now) {
        Duration base = source.interval() != null ? source.interval() : settings.defaultInterval();
        Duration interval = base;
        if (state.consecutiveFailures() > 0) {
            int doublings = Math.min(state.consecutiveFailures(), 20);
            interval = min(base.multipliedBy(1L << doublings), settings.maxBackoff());
        }
        interval = clamp(interval);
        if (hints.retryAfter() != null && hints.retryAfter().compareTo(interval) > 0) {
            interval = hints.retryAfter();
        }
        return now.plus(interval);
    }

    private Duration clamp(Duration d) {
        return max(settings.minInterval(), min(d, settings.maxInterval()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
