package dev.winnow.cli;

import dev.winnow.http.PoliteFetcher;
import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.ItemReport;
import dev.winnow.pipeline.ItemStatus;
import dev.winnow.pipeline.ProgressListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Progress of a fetch on the terminal's stderr: one line per finished feed, above a bar with an ETA and,
 * when a fetch sleeps for its host's turn, what it waits for.
 *
 * <p>The bar measures feeds, each finished feed counting one and a feed in progress the share of its items
 * done, so it never moves backwards when another feed's item list becomes known; it is also kept from
 * ever drawing less than it drew before.
 */
final class ProgressBar implements ProgressListener, PoliteFetcher.HostWaits {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final Clock clock;
    private final Instant start;
    private final int feeds;
    private final Map<String, int[]> inProgress = new HashMap<>(); // feed -> {planned, done}
    private final Map<String, Instant> waits = new LinkedHashMap<>(); // host -> end of its delay
    private int feedsDone;
    private int itemsDone;
    private double shown;
    private int lastWidth;

    ProgressBar(PrintStream out, Clock clock, int feeds) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
        this.feeds = Math.max(feeds, 1);
    }

    /** A bar for that many feeds when stderr is a terminal, else null. */
    static ProgressBar forTerminal(int feeds) {
        return System.console() != null ? new ProgressBar(System.err, Clock.systemUTC(), feeds) : null;
    }

    @Override
    public synchronized void itemsPlanned(String feedUrl, int count) {
        inProgress.put(feedUrl, new int[] {count, 0});
        draw();
    }

    @Override
    public synchronized void itemDone(String feedUrl, ItemReport report) {
        int[] counts = inProgress.get(feedUrl);
        if (counts != null) {
            counts[1]++;
        }
        itemsDone++;
        draw();
    }

    /** A feed is finished: its line goes above the bar. */
    synchronized void feedDone(FeedReport r) {
        inProgress.remove(r.url());
        feedsDone++;
        clear();
        out.printf("%-12s %s  (%d items: %d new, %d updated, %d failed)%s%n",
                r.status().label().toUpperCase(Locale.ROOT), r.url(), r.items().size(), r.count(ItemStatus.NEW),
                r.count(ItemStatus.UPDATED), r.count(ItemStatus.FAILED), r.reason() == null ? "" : "  " + r.reason());
        draw();
    }

    @Override
    public synchronized void waiting(String host, Instant until) {
        waits.put(host, until);
        draw();
    }

    @Override
    public synchronized void waited(String host) {
        waits.remove(host);
        draw();
    }

    /** Share of the work done, from 0 to 1, never less than before. */
    synchronized double fraction() {
        double units = feedsDone;
        for (int[] c : inProgress.values()) {
            units += c[0] == 0 ? 0 : Math.min(1.0, (double) c[1] / c[0]);
        }
        shown = Math.max(shown, Math.min(1.0, units / feeds));
        return shown;
    }

    /** The line the bar shows now (without the carriage return). */
    synchronized String line() {
        double f = fraction();
        int filled = (int) (f * WIDTH);
        StringBuilder b = new StringBuilder(100);
        b.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                .append(feedsDone).append('/').append(feeds).append(" feeds, ").append(itemsDone).append(" items");
        Duration elapsed = Duration.between(start, clock.instant());
        if (f > 0 && f < 1 && elapsed.toMillis() >= 1000) {
            b.append("  ETA ").append(format(Duration.ofMillis((long) (elapsed.toMillis() * (1 - f) / f))));
        }
        Map.Entry<String, Instant> wait = waits.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
        if (wait != null) {
            Duration left = Duration.between(clock.instant(), wait.getValue());
            if (!left.isNegative()) {
                b.append(String.format(Locale.ROOT, "  waiting %.1fs: host delay of %s",
                        left.toMillis() / 1000.0, wait.getKey()));
            }
        }
        return b.toString();
    }

    private void draw() {
        String line = line();
        out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        lastWidth = line.length();
        out.flush();
    }

    private void clear() {
        out.print("\r" + " ".repeat(lastWidth) + "\r");
        lastWidth = 0;
    }

    /** Removes the bar, leaving the feed lines. */
    synchronized void finish() {
        clear();
        out.flush();
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
