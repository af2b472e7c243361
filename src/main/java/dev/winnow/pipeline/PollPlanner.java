package dev.winnow.pipeline;

import dev.winnow.feed.FeedSource;
import dev.winnow.feed.PollIntervals;
import dev.winnow.state.FeedState;
import java.time.Duration;
import java.time.Instant;

/**
 * Plans a feed's next poll: the feed's own interval (OPML) or the configured default, adapted to how
 * often the feed publishes, never sooner than its TTL or HTTP freshness allow, backed off after failures
 * and after a Retry-After, and clamped to the configured bounds (see {@link PollIntervals}).
 */
public final class PollPlanner {
    private final ScheduleSettings settings;

    public PollPlanner(ScheduleSettings settings) {
        this.settings = settings;
    }

    public Instant nextPoll(FeedSource source, FeedState state, PollHints hints, Instant now) {
        Duration base = source.interval() != null ? source.interval() : settings.defaultInterval();
        PollIntervals.Policy policy = new PollIntervals.Policy(base, settings.minInterval(), settings.maxInterval(),
                settings.maxBackoff());
        PollIntervals.Signals signals = new PollIntervals.Signals(hints.feedTtl(), hints.maxAge(), hints.retryAfter(),
                state.consecutiveFailures(), hints.itemDates(), now);
        return now.plus(PollIntervals.next(policy, signals));
    }
}
