package dev.winnow.daemon;

import dev.winnow.feed.FeedSource;
import java.util.List;

/** Where the daemon's list of feeds comes from (the OPML file); re-read on every check for changes. */
@FunctionalInterface
public interface FeedListSource {
    /** The current feeds; throws with a clear message when the list cannot be read. */
    List<FeedSource> load() throws Exception;
}
