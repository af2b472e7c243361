package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.config.Config;
import dev.winnow.daemon.Daemon;
import dev.winnow.daemon.DaemonSettings;
import dev.winnow.daemon.DaemonStatus;
import dev.winnow.daemon.DaemonStatusFile;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.feed.FeedParser;
import dev.winnow.feed.FeedSource;
import dev.winnow.filter.FilterSettings;
import dev.winnow.filter.OffTopicFilter;
import dev.winnow.http.HttpFetcher;
import dev.winnow.http.HttpSettings;
import dev.winnow.http.PoliteFetcher;
import dev.winnow.http.SafeHttpFetcher;
import dev.winnow.index.FullDiskDirectory;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import dev.winnow.pipeline.CleaningStage;
import dev.winnow.pipeline.FeedPoller;
import dev.winnow.pipeline.PipelineSettings;
import dev.winnow.pipeline.PollPlanner;
import dev.winnow.pipeline.ScheduleSettings;
import dev.winnow.state.FeedState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in-process, against the loopback news site: whatever one poll throws — a full disk, an
 * Error from one stage — it keeps every feed on its schedule, says what is wrong, and stores everything
 * once the cause is gone.
 */
class DaemonRecoveryTest extends WithNewsSite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Config CONFIG = Config.defaults().with("network.allow-private", "true")
            .with("http.host-delay", "0s");
    private static final ScheduleSettings FAST = new ScheduleSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofDays(1), Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(1));

    @TempDir
    Path dir;

    @Test
    void fullDiskIsReportedAndEverythingIsStoredOnceSpaceReturns() throws Exception {
        FullDiskDirectory[] disk = new FullDiskDirectory[1];
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults(),
                d -> disk[0] = new FullDiskDirectory(FSDirectory.open(d)))) {
            disk[0].fill();
            try (Daemon daemon = daemon(index, fetcher(), List.of(site.feedUrl("es")))) {
                daemon.start();
                waitFor(() -> daemon.indexError() != null, "a failed write");
                waitFor(() -> DaemonStatusFile.read(dir).map(s -> !s.indexWritable()).orElse(false), "status to say so");
                DaemonStatus status = DaemonStatusFile.read(dir).orElseThrow();
                assertTrue(status.indexError().startsWith("no space left on " + dir), status.indexError());
                JsonNode shown = JSON.readTree(Cli.run("status", "--json", "--data", dir.toString()).out()).get("daemon");
                assertFalse(shown.get("index_writable").asBoolean(), shown.toString());

                disk[0].free();
                waitFor(() -> stored(index) == 3, "all three articles stored once space returned");
                waitFor(() -> daemon.indexError() == null, "the daemon to see the index writable again");
                waitFor(() -> DaemonStatusFile.read(dir).map(DaemonStatus::indexWritable).orElse(false),
                        "status to say the index is writable again");
            }
        }
    }

    @Test
    void errorThrownByOnePollLeavesTheFeedOnItsSchedule() throws Exception {
        HttpFetcher real = fetcher();
        AtomicBoolean first = new AtomicBoolean(true);
        HttpFetcher failingOnce = request -> {
            if (first.getAndSet(false)) {
                throw new OutOfMemoryError("simulated: one poll runs out of memory");
            }
            return real.fetch(request);
        };
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
             Daemon daemon = daemon(index, failingOnce, List.of(site.feedUrl("es")))) {
            daemon.start();
            waitFor(() -> stored(index) == 3, "the feed polled again after the Error, and stored");
            assertFalse(first.get());
        }
    }

    @Test
    void unreachableFeedIsSaidSoAndRetriedWithinAMinute() throws Exception {
        String nowhere = "http://127.0.0.1:9/feed.xml"; // the discard port: nothing listens
        ScheduleSettings defaults = ScheduleSettings.from(CONFIG);
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
             Daemon daemon = daemon(index, fetcher(), defaults, List.of(nowhere))) {
            daemon.start();
            waitFor(() -> index.feedStates().get(nowhere).isPresent(), "the first poll");
            FeedState state = index.feedStates().get(nowhere).orElseThrow();
            assertEquals("failed", state.lastOutcome());
            Duration retry = Duration.between(state.lastPoll(), state.nextPoll());
            assertTrue(retry.compareTo(Duration.ofSeconds(61)) <= 0, "retried after " + retry);
            waitFor(() -> DaemonStatusFile.read(dir).orElseThrow().unreachable() == 1, "status to say so");
            assertNull(daemon.indexError());
        }
        assertTrue(DaemonStatusFile.read(dir).isEmpty(), "a daemon that stopped cleanly leaves no status behind");
    }

    private Daemon daemon(LuceneArticleIndex index, HttpFetcher fetcher, List<String> feeds) throws Exception {
        return daemon(index, fetcher, FAST, feeds);
    }

    private Daemon daemon(LuceneArticleIndex index, HttpFetcher fetcher, ScheduleSettings schedule, List<String> feeds)
            throws Exception {
        FeedPoller poller = new FeedPoller(fetcher, new FeedParser(), new ArticleExtractor(ExtractSettings.defaults()),
                new CleaningStage(new OffTopicFilter(FilterSettings.defaults())), index, new PollPlanner(schedule),
                PipelineSettings.defaults(), Clock.systemUTC());
        DaemonSettings settings = new DaemonSettings(1, Duration.ofHours(1), schedule, Duration.ofSeconds(4));
        return new Daemon(poller, index.feedStates(), () -> feeds.stream().map(FeedSource::of).toList(), settings,
                Clock.systemUTC(), new DaemonStatusFile(dir), "test feeds");
    }

    private static HttpFetcher fetcher() {
        HttpSettings http = HttpSettings.from(CONFIG);
        return new PoliteFetcher(new SafeHttpFetcher(http), http);
    }

    private long stored(LuceneArticleIndex index) {
        try (LuceneArticleIndex reader = LuceneArticleIndex.openReadOnly(dir, IndexSettings.defaults())) {
            return reader.status().articles();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
