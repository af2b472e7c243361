package dev.winnow.cli;

import dev.winnow.config.Config;
import dev.winnow.feed.FeedSource;
import dev.winnow.index.ArticleIndex;
import dev.winnow.pipeline.FeedPoller;
import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.ProgressListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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

    @Override
    public Integer call() throws Exception {
        Config config = config();
        Components components = new Components(config);
        List<FeedSource> feeds = selection.resolve(config);
        List<FeedReport> reports = new ArrayList<>();
        ProgressListener progress = json ? ProgressListener.NONE : ProgressBar.forTerminal();
        try (ArticleIndex index = dryRun ? components.openReadOnly(dataDir())
                : components.openForWriting(dataDir())) {
            FeedPoller poller = components.poller(index);
            for (FeedSource feed : feeds) {
                reports.add(pollContained(poller, feed, progress));
            }
        } finally {
            ProgressBar.finish(progress);
        }
        PrintWriter out = out();
        if (json) {
            out.println(Json.line(FeedReports.toJson(reports)));
        } else {
            FeedReports.printText(reports, out);
        }
        out.flush();
        return FeedReports.anyFailure(reports) ? Main.PARTIAL_FAILURE : Main.OK;
    }

    private FeedReport pollContained(FeedPoller poller, FeedSource feed, ProgressListener progress) {
        try {
            return poller.poll(feed, dryRun, progress);
        } catch (RuntimeException e) {
            // One feed's unexpected failure is that feed's failure, not the cycle's.
            return new FeedReport(feed.url(), dev.winnow.pipeline.FeedStatus.FAILED, "internal-error: " + e, List.of());
        }
    }
}
