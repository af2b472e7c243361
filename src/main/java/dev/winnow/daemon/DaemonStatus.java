package dev.winnow.daemon;

import java.time.Instant;
import java.util.Optional;

/**
 * What a running daemon tells {@code winnow status}: who it is, what it polls, and whether it can
 * write the index.
 *
 * @param pid             the daemon's process id
 * @param started         when it started
 * @param opml            the feed list it polls
 * @param feeds           feeds it currently schedules
 * @param indexError      why the index could not be written at the last attempt, or null when it can
 * @param indexErrorSince when writes started failing, or null
 * @param unreachable     feeds whose last poll failed
 */
public record DaemonStatus(long pid, Instant started, String opml, int feeds, String indexError,
                           Instant indexErrorSince, int unreachable) {

    /** Whether the process that wrote this status is still running (and is not a later process with its pid). */
    public boolean running() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> since = process.get().info().startInstant();
        return since.isEmpty() || !since.get().isAfter(started.plusSeconds(5));
    }

    public boolean indexWritable() {
        return indexError == null;
    }
}
