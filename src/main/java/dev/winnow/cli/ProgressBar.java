package dev.winnow.cli;

import dev.winnow.pipeline.ItemReport;
import dev.winnow.pipeline.ProgressListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/** A one-line progress bar on the terminal's stderr; a no-op when output is not a terminal. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final AtomicInteger planned = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();

    private ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** A bar when stdout and stderr are a terminal, else {@link ProgressListener#NONE}. */
    static ProgressListener forTerminal() {
        return System.console() != null ? new ProgressBar(System.err) : ProgressListener.NONE;
    }

    @Override
    public void itemsPlanned(String feedUrl, int count) {
        planned.addAndGet(count);
        draw();
    }

    @Override
    public void itemDone(String feedUrl, ItemReport report) {
        done.incrementAndGet();
        draw();
    }

    private synchronized void draw() {
        int total = Math.max(planned.get(), 1);
        int d = Math.min(done.get(), total);
        int filled = d * WIDTH / total;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + d + "/" + planned.get()
                + " items");
        out.flush();
    }

    void finish() {
        out.print("\r" + " ".repeat(WIDTH + 30) + "\r");
        out.flush();
    }

    static void finish(ProgressListener p) {
        if (p instanceof ProgressBar bar) {
            bar.finish();
        }
    }
}
