package dev.winnow.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The folder holds index files that cannot be read: a missing or unreadable commit point
 * ({@code segments_N}), or damaged segment files. winnow then refuses to read or write it rather than
 * start a fresh index over it; {@code winnow index check} says what is wrong, {@code winnow index
 * repair} recovers what can be read.
 */
public class IndexDamagedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path dir;

    public IndexDamagedException(Path dir, String what, Throwable cause) {
        super("the index at " + dir + " is damaged: " + what + ". Nothing was changed. Run `winnow index check --data "
                + dir + "` for details and `winnow index repair --data " + dir
                + "` to keep what can be read (the damaged files are moved aside, not deleted)", cause);
        this.dir = dir;
    }

    /** The index folder. */
    public Path directory() {
        return dir;
    }
}
