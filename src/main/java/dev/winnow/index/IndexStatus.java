package dev.winnow.index;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Size and freshness of the index, for {@code winnow status}.
 *
 * @param articles   articles stored as of the last commit (a writer also counts its refreshed writes)
 * @param sizeBytes  bytes the index takes on disk
 * @param lastCommit when the last commit was made, or null when unknown
 * @param feeds      feeds with stored state
 * @param exists     false when there is no index yet at {@code location}
 * @param location   the index folder
 */
public record IndexStatus(long articles, long sizeBytes, Instant lastCommit, long feeds, boolean exists,
                          String location) {

    public IndexStatus(long articles, long sizeBytes, Instant lastCommit) {
        this(articles, sizeBytes, lastCommit, 0, true, null);
    }

    static IndexStatus missing(Path dir) {
        return new IndexStatus(0, 0, null, 0, false, dir.toString());
    }

    /** One line for people: the size and age of the index, or that there is none yet. */
    public String describe() {
        if (!exists) {
            return "no index at " + location + " yet: run `winnow fetch` or `winnow daemon` to create it";
        }
        return articles + " articles, " + feeds + " feeds, " + (sizeBytes / 1024) + " KiB"
                + (lastCommit == null ? "" : ", last commit " + lastCommit);
    }
}
