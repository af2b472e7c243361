package dev.winnow.pipeline;

/** What happened to one feed item during a poll. */
public enum ItemStatus {
    /** Fetched, cleaned and stored for the first time. */
    NEW,
    /** Already stored; its clean copy was replaced because the article changed. */
    UPDATED,
    /** Already stored and unchanged (not re-fetched, or re-fetched with the same content). */
    UNCHANGED,
    /** The page holds no article (list page, empty, script-only); nothing stored. */
    SKIPPED,
    /** Fetching or extracting failed; retried at the next poll. */
    FAILED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
