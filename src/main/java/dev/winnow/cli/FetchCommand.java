package dev.winnow.cli;

import dev.winnow.config.Config;
import dev.winnow.feed.FeedSource;
import dev.winnow.index.ArticleIndex;
import dev.winnow.pipeline.FeedPoller;
import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.FeedStatus;
import dev.winnow.pipeline.ProgressListener;
import dev.winnow.index.IndexWriteException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code winnow fetch}: one poll cycle now for the given feeds, then a summary. */
@Command(name = "fetch", description = "Fetch, extract, clean and index the given feeds once, then print a summary.")
final class FetchCommand extends WinnowCommand {

    @Mixin
    FeedSelection selection;

    @Option(names = "--dry-run", description = "Do everything but write the index.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    /** The first failed write to the index: once the index cannot be written, no further feed is fetched. */
    private final AtomicReference<IndexWriteException> writeFailure = new AtomicReference<>();

    @Override
    public Integer call() throws Exception {
        Config config = config();
        Components components = new Components(config);
        List<FeedSource> feeds = selection.resolve(config);
        feeds.forEach(f -> requireHttp(f.url()));
        List<FeedReport> reports = new ArrayList<>();
        ProgressBar bar = json ? null : ProgressBar.forTerminal(feeds.size());
        if (bar != null) {
            components.politeFetcher().observeWaits(bar);
        }
        try (ArticleIndex index = dryRun ? components.openReadOnly(dataDir())
                : components.openForWriting(dataDir())) {
            FeedPoller poller = components.poller(index);
            reports.addAll(pollAll(poller, feeds, config.integer("daemon.threads", 1, 64), bar));
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        PrintWriter out = out();
        if (json) {
            out.println(Json.line(FeedReports.toJson(reports)));
        } else {
            FeedReports.printText(reports, out);
        }
        out.flush();
        if (writeFailure.get() != null) {
            throw writeFailure.get(); // one clear line on stderr and exit code 5, after the summary
        }
        return FeedReports.anyFailure(reports) ? Main.PARTIAL_FAILURE : Main.OK;
    }

    /** Only http(s) feeds are fetched; anything else is refused before the index is opened, so no state is saved. */
    private static void requireHttp(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new UsageException("'" + url + "' is not an http(s) URL: winnow fetches feeds over http and https only");
        }
    }

    /** Polls the feeds on a few threads (per-host politeness lives in the shared fetcher); reports keep input order. */
    private List<FeedReport> pollAll(FeedPoller poller, List<FeedSource> feeds, int threads, ProgressBar bar)
            throws InterruptedException {
        ProgressListener progress = bar == null ? ProgressListener.NONE : bar;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, feeds.size())));
        try {
            List<Future<FeedReport>> futures = new ArrayList<>();
            for (FeedSource feed : feeds) {
                futures.add(pool.submit(() -> {
                    FeedReport report = pollContained(poller, feed, progress);
                    if (bar != null) {
                        bar.feedDone(report);
                    }
                    return report;
                }));
            }
            List<FeedReport> out = new ArrayList<>();
            for (int i = 0; i < feeds.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    out.add(new FeedReport(feeds.get(i).url(), FeedStatus.FAILED, "internal-error: " + e.getCause(), List.of()));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private FeedReport pollContained(FeedPoller poller, FeedSource feed, ProgressListener progress) {
        if (writeFailure.get() != null) {
            return new FeedReport(feed.url(), FeedStatus.FAILED, "not-fetched: the index cannot be written", List.of());
        }
        try {
            return poller.poll(feed, dryRun, progress);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof IndexWriteException w) {
                writeFailure.compareAndSet(null, w);
                return new FeedReport(feed.url(), FeedStatus.FAILED, "not-stored: " + w.getMessage(), List.of());
            }
            return new FeedReport(feed.url(), FeedStatus.FAILED, "internal-error: " + e, List.of());
        } catch (RuntimeException e) {
            // One feed's unexpected failure is that feed's failure, not the cycle's.
            return new FeedReport(feed.url(), FeedStatus.FAILED, "internal-error: " + e, List.of());
        }
    }
}
