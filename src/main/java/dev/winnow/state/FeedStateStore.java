package dev.winnow.state;

import java.util.List;
import java.util.Optional;

/**
 * Where per-feed state lives. The embedded implementation keeps it inside the Lucene index so that a
 * feed's state and the articles it produced are committed together; a shared store (JDBC) can take
 * its place when several daemons share one schedule.
 */
public interface FeedStateStore {
    Optional<FeedState> get(String feedUrl);

    List<FeedState> all();

    /** Stages the state; it becomes durable with the next commit of the owning store. */
    void put(FeedState state);
}
