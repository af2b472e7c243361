package dev.winnow.index;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (a running daemon or fetch) holds the index's write lock. */
public class IndexLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    public IndexLockedException(Path dir, Throwable cause) {
        super("the index at " + dir + " is locked: a daemon or fetch is already writing to it"
                + " (stop it first; search, show, export and status work while it runs)", cause);
    }
}
