package dev.winnow.pipeline;

import dev.winnow.config.Config;
import java.time.Duration;

/**
 * When feeds are polled: the default interval, the bounds every interval is clamped to, the first retry
 * and the backoff cap for failing feeds, and the start-up jitter.
 */
public record ScheduleSettings(Duration defaultInterval, Duration minInterval, Duration maxInterval,
                               Duration maxBackoff, Duration startupJitter, Duration failureRetry) {
    /** Settings whose failing feeds are first retried after a minute. */
    public ScheduleSettings(Duration defaultInterval, Duration minInterval, Duration maxInterval, Duration maxBackoff,
                            Duration startupJitter) {
        this(defaultInterval, minInterval, maxInterval, maxBackoff, startupJitter, Duration.ofMinutes(1));
    }

    public static ScheduleSettings from(Config c) {
        ScheduleSettings s = new ScheduleSettings(
                c.duration("daemon.default-interval"),
                c.duration("daemon.min-interval"),
                c.duration("daemon.max-interval"),
                c.duration("daemon.max-backoff"),
                c.duration("daemon.startup-jitter"),
                c.duration("daemon.failure-retry"));
        if (s.minInterval.compareTo(s.maxInterval) > 0) {
            throw new dev.winnow.config.ConfigException(
                    "config key 'daemon.min-interval' must not exceed 'daemon.max-interval'");
        }
        return s;
    }
}
