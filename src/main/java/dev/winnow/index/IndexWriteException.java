package dev.winnow.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A write to the index failed (disk full, I/O error, out of memory while indexing). Everything
 * committed before is intact; the writes staged since the last commit are discarded, and the feeds
 * they belonged to are polled again once the index can be written.
 */
public class IndexWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean noSpace;

    public IndexWriteException(Path dir, Throwable cause) {
        super(describe(dir, cause), cause);
        this.noSpace = isNoSpace(cause);
    }

    /** Whether the cause is a full disk. */
    public boolean noSpace() {
        return noSpace;
    }

    private static String describe(Path dir, Throwable cause) {
        if (isNoSpace(cause)) {
            return "no space left on " + dir + ": the index cannot be written (what was committed before is kept;"
                    + " free some space and run again)";
        }
        return "cannot write the index at " + dir + ": " + rootMessage(cause)
                + " (what was committed before is kept)";
    }

    /** Whether the failure, or any of its causes, is the operating system's "no space left on device". */
    static boolean isNoSpace(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("not enough space") || lower.contains("disk full")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
