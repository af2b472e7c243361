package dev.winnow.cluster;

import dev.winnow.config.Config;
import dev.winnow.daemon.Daemon;
import dev.winnow.daemon.DaemonSettings;
import dev.winnow.daemon.FeedListSource;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.feed.FeedParser;
import dev.winnow.feed.FeedSettings;
import dev.winnow.filter.FilterSettings;
import dev.winnow.filter.OffTopicFilter;
import dev.winnow.http.HttpFetcher;
import dev.winnow.index.ArticleIndex;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import dev.winnow.pipeline.CleaningStage;
import dev.winnow.pipeline.FeedPoller;
import dev.winnow.pipeline.PipelineSettings;
import dev.winnow.pipeline.PollPlanner;
import dev.winnow.pipeline.ScheduleSettings;
import java.nio.file.Path;
import java.time.Clock;
import org.quartz.Scheduler;

/**
 * One daemon of a cluster inside the test JVM, wired as {@code winnow daemon} wires it with
 * {@code scheduler.store=jdbc}, but with a fetcher of the test's choosing and its index in {@code data}.
 */
public final class TestNode implements AutoCloseable {
    public final Daemon daemon;
    public final Scheduler scheduler;
    private final Cluster cluster;
    private final ArticleIndex index;

    public TestNode(ClusterSettings settings, Path data, HttpFetcher fetcher, FeedListSource feedList, Config config)
            throws Exception {
        this.cluster = Cluster.connect(settings);
        this.index = cluster.withSharedFeedState(LuceneArticleIndex.openForWriting(data, IndexSettings.from(config)));
        FeedPoller poller = new FeedPoller(fetcher, new FeedParser(FeedSettings.from(config)),
                new ArticleExtractor(ExtractSettings.from(config)),
                new CleaningStage(new OffTopicFilter(FilterSettings.from(config))), index,
                new PollPlanner(ScheduleSettings.from(config)), PipelineSettings.from(config), Clock.systemUTC());
        DaemonSettings daemonSettings = DaemonSettings.from(config);
        this.scheduler = cluster.scheduler(daemonSettings.threads());
        this.daemon = new Daemon(poller, index.feedStates(), feedList, daemonSettings, Clock.systemUTC(), scheduler);
    }

    /** Stops polling (polls in flight finish), then closes the index and the database pool. */
    @Override
    public void close() throws Exception {
        daemon.close();
        index.close();
        cluster.close();
    }
}
