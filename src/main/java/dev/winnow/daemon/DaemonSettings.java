package dev.winnow.daemon;

import dev.winnow.config.Config;
import dev.winnow.pipeline.ScheduleSettings;
import java.time.Duration;

/**
 * How the daemon runs: worker threads, how often it re-reads the feed list, the poll schedule, and how
 * long polls in flight may take to end when it is stopped.
 */
public record DaemonSettings(int threads, Duration opmlCheck, ScheduleSettings schedule, Duration stopTimeout) {
    public static DaemonSettings from(Config c) {
        return new DaemonSettings(c.integer("daemon.threads", 1, 64), c.duration("daemon.opml-check"),
                ScheduleSettings.from(c), c.duration("daemon.stop-timeout"));
    }
}
