package dev.winnow.pipeline;

/** The outcome of one feed poll as a whole. */
public enum FeedStatus {
    /** Fetched and parsed; items were processed (some may have failed individually). */
    OK,
    /** The server answered 304: nothing to do. */
    NOT_MODIFIED,
    /** The feed could not be fetched or parsed. */
    FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
