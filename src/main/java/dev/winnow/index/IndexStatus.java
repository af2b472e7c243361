package dev.winnow.index;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Size and freshness of the index, for {@code winnow status}.
 *
 * @param articles   articles stored as of the last commit (a writer also counts its refreshed writes)
 * @param sizeBytes  bytes the index takes on disk, or {@link #SIZE_UNKNOWN} when another engine keeps it
 * @param lastCommit when the last commit was made, or null when unknown
 * @param feeds      feeds with stored state
 * @param exists     false when there is no index yet at {@code location}
 * @param location   the index folder
 */
public record IndexStatus(long articles, long sizeBytes, Instant lastCommit, long feeds, boolean exists,
                          String location) {

    /** Size of an index kept by another engine (SolrCloud), which winnow cannot see on disk. */
    public static final long SIZE_UNKNOWN = -1;

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
        return articles + " articles, " + feeds + " feeds, " + sizeText()
                + (lastCommit == null ? "" : ", last commit " + lastCommit);
    }

    /** The size for people: KiB on disk, or who keeps it when winnow cannot measure it. */
    public String sizeText() {
        return sizeKnown() ? (sizeBytes / 1024) + " KiB" : "size kept by the search engine";
    }

    public boolean sizeKnown() {
        return sizeBytes != SIZE_UNKNOWN;
    }
}
