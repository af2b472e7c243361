package dev.winnow.daemon;

import dev.winnow.pipeline.FeedReport;
import java.time.Duration;

/** Told of every poll the daemon makes, e.g. to count them for a metrics endpoint. Called from poll threads. */
public interface PollObserver {
    /** A poll of one feed ended with this report after {@code took}. */
    void polled(FeedReport report, Duration took);

    PollObserver NONE = (report, took) -> {
    };
}
