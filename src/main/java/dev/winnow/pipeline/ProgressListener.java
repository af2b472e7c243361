package dev.winnow.pipeline;

/** Receives progress of a poll, for a progress bar on a terminal. Called from worker threads. */
public interface ProgressListener {
    /** A feed's item list is known: this many items will be processed. */
    default void itemsPlanned(String feedUrl, int count) {
    }

    /** One item finished, whatever its outcome. */
    default void itemDone(String feedUrl, ItemReport report) {
    }

    ProgressListener NONE = new ProgressListener() {
    };
}
