package dev.winnow.ops;

import dev.winnow.daemon.PollObserver;
import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.FeedStatus;
import dev.winnow.pipeline.ItemReport;
import dev.winnow.pipeline.ItemStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * The daemon's counters, kept in a Prometheus registry: feed polls by outcome, articles indexed (new or
 * updated), off-topic lines removed, poll latency, feeds scheduled, and the time of the last poll.
 */
public final class DaemonMetrics implements PollObserver {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Clock clock;
    private final Instant started;
    private final Counter polls;
    private final Counter articles;
    private final Counter linesRemoved;
    private final Histogram latency;
    private volatile Instant lastPoll;
    private volatile Instant lastSuccess;
    private volatile long failedInARow;

    /** @param scheduledFeeds how many feeds the daemon polls now */
    public DaemonMetrics(IntSupplier scheduledFeeds, Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
        polls = Counter.builder().name("winnow_feed_polls_total")
                .help("Feed polls by outcome (ok, not modified, failed)").labelNames("outcome").register(registry);
        articles = Counter.builder().name("winnow_articles_indexed_total")
                .help("Articles written to the index, new or updated").register(registry);
        linesRemoved = Counter.builder().name("winnow_lines_removed_total")
                .help("Off-topic lines removed from indexed articles").register(registry);
        latency = Histogram.builder().name("winnow_poll_duration_seconds")
                .help("Time one feed poll took, articles included").classicOnly()
                .classicUpperBounds(0.1, 0.5, 1, 2, 5, 10, 30, 60, 300).register(registry);
        GaugeWithCallback.builder().name("winnow_feeds_scheduled").help("Feeds the daemon polls")
                .callback(cb -> cb.call(scheduledFeeds.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("winnow_last_poll_timestamp_seconds")
                .help("When the last poll ended (Unix time), 0 before the first")
                .callback(cb -> cb.call(lastPoll == null ? 0 : lastPoll.toEpochMilli() / 1000.0)).register(registry);
    }

    @Override
    public void polled(FeedReport report, Duration took) {
        polls.labelValues(report.status().label()).inc();
        long written = 0;
        long removed = 0;
        for (ItemReport item : report.items()) {
            if (item.status() == ItemStatus.NEW || item.status() == ItemStatus.UPDATED) {
                written++;
                removed += item.removedLines();
            }
        }
        articles.inc(written);
        linesRemoved.inc(removed);
        latency.observe(took.toNanos() / 1e9);
        Instant now = clock.instant();
        lastPoll = now;
        if (report.status() == FeedStatus.FAILED) {
            failedInARow++;
        } else {
            lastSuccess = now;
            failedInARow = 0;
        }
    }

    PrometheusRegistry registry() {
        return registry;
    }

    /** A one-object summary for {@code /health}: uptime, last poll, last successful poll, failures since. */
    String healthJson() {
        Instant now = clock.instant();
        return "{\"status\":\"ok\",\"uptime_seconds\":" + Duration.between(started, now).toSeconds()
                + ",\"last_poll\":" + quoted(lastPoll) + ",\"last_success\":" + quoted(lastSuccess)
                + ",\"failed_polls_since_success\":" + failedInARow + "}";
    }

    private static String quoted(Instant i) {
        return i == null ? "null" : "\"" + i + "\"";
    }
}
