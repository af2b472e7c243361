package dev.winnow.index;

import java.time.Instant;

/** Size and freshness of the index, for {@code winnow status}. */
public record IndexStatus(long articles, long sizeBytes, Instant lastCommit) {
}
