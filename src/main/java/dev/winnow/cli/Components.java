package dev.winnow.cli;

import dev.winnow.cluster.Cluster;
import dev.winnow.cluster.ClusterSettings;
import dev.winnow.config.Config;
import dev.winnow.daemon.Daemon;
import dev.winnow.daemon.DaemonSettings;
import dev.winnow.daemon.DaemonStatusFile;
import dev.winnow.daemon.FeedListSource;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.feed.FeedParser;
import dev.winnow.feed.FeedSettings;
import dev.winnow.filter.FilterSettings;
import dev.winnow.filter.OffTopicFilter;
import dev.winnow.filter.RecentLines;
import dev.winnow.http.HttpFetcher;
import dev.winnow.http.HttpSettings;
import dev.winnow.http.PoliteFetcher;
import dev.winnow.http.SafeHttpFetcher;
import dev.winnow.index.ArticleIndex;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import dev.winnow.index.solr.SolrArticleIndex;
import dev.winnow.index.solr.SolrSettings;
import dev.winnow.pipeline.CleaningStage;
import dev.winnow.pipeline.FeedPoller;
import dev.winnow.pipeline.PipelineSettings;
import dev.winnow.pipeline.PollPlanner;
import dev.winnow.pipeline.ScheduleSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Builds winnow's stages from the configuration. Every settings record is read here, up front, so an
 * invalid key fails at start-up rather than in the middle of a poll.
 */
final class Components {
    final Config config;
    final HttpSettings httpSettings;
    final ExtractSettings extractSettings;
    final FilterSettings filterSettings;
    final IndexSettings indexSettings;
    final PipelineSettings pipelineSettings;
    final ScheduleSettings scheduleSettings;
    final ClusterSettings clusterSettings;
    final SolrSettings solrSettings;
    private PoliteFetcher fetcher;
    private Cluster cluster;

    Components(Config config) {
        this.config = config;
        this.httpSettings = HttpSettings.from(config);
        this.extractSettings = ExtractSettings.from(config);
        this.filterSettings = FilterSettings.from(config);
        this.indexSettings = IndexSettings.from(config);
        this.pipelineSettings = PipelineSettings.from(config);
        this.scheduleSettings = ScheduleSettings.from(config);
        this.clusterSettings = ClusterSettings.from(config);
        this.solrSettings = SolrSettings.from(config);
    }

    /**
     * The fetcher of this process. One instance is shared by every feed and thread, because the per-host
     * politeness state (delays, concurrency, robots.txt, Retry-After backoff) lives in it.
     */
    synchronized HttpFetcher fetcher() {
        return politeFetcher();
    }

    /** The same fetcher, typed for what only it offers (observing per-host waits). */
    synchronized PoliteFetcher politeFetcher() {
        if (fetcher == null) {
            fetcher = new PoliteFetcher(network(), httpSettings);
        }
        return fetcher;
    }

    FeedParser feedParser() {
        return new FeedParser(FeedSettings.from(config));
    }

    ArticleExtractor extractor() {
        return new ArticleExtractor(extractSettings);
    }

    OffTopicFilter filter() {
        return new OffTopicFilter(filterSettings);
    }

    /** The index to write: the Lucene index in {@code dir}, or the SolrCloud collection with {@code index.backend=solr}. */
    ArticleIndex openForWriting(Path dir) throws IOException {
        if (solrSettings.solr()) {
            return shared(SolrArticleIndex.open(solrSettings, indexSettings, true));
        }
        return shared(LuceneArticleIndex.openForWriting(dir, indexSettings));
    }

    ArticleIndex openReadOnly(Path dir) throws IOException {
        if (solrSettings.solr()) {
            return shared(SolrArticleIndex.open(solrSettings, indexSettings, false));
        }
        return shared(LuceneArticleIndex.openReadOnly(dir, indexSettings));
    }

    /** The daemon, on the cluster's shared job store when {@code scheduler.store=jdbc}. */
    Daemon daemon(ArticleIndex index, FeedListSource feedList, DaemonSettings settings, DaemonStatusFile statusFile,
                  String feedListName) throws Exception {
        FeedPoller poller = poller(index);
        if (!clusterSettings.shared()) {
            return new Daemon(poller, index.feedStates(), feedList, settings, Clock.systemUTC(), statusFile, feedListName);
        }
        return new Daemon(poller, index.feedStates(), feedList, settings, Clock.systemUTC(), statusFile, feedListName,
                cluster().scheduler(settings.threads()));
    }

    // ---- distributed mode (scheduler.store=jdbc): shared feed state, host leases, clustered schedule

    private ArticleIndex shared(ArticleIndex local) throws IOException {
        return clusterSettings.shared() ? cluster().withSharedFeedState(local) : local;
    }

    private HttpFetcher network() {
        HttpFetcher safe = new SafeHttpFetcher(httpSettings);
        if (!clusterSettings.shared()) {
            return safe;
        }
        try {
            return cluster().withHostLeases(safe, httpSettings.hostDelay());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connection to the cluster's database, opened on first use; it lives as long as the process. */
    private synchronized Cluster cluster() throws IOException {
        if (cluster == null) {
            try {
                cluster = Cluster.connect(clusterSettings);
            } catch (SQLException e) {
                throw new IOException("cannot use the cluster database " + clusterSettings.jdbcUrl() + ": "
                        + e.getMessage(), e);
            }
        }
        return cluster;
    }

    FeedPoller poller(ArticleIndex index) {
        return new FeedPoller(fetcher(), feedParser(), extractor(), new CleaningStage(filter(), new RecentLines(filterSettings.recentArticles())), index,
                new PollPlanner(scheduleSettings), pipelineSettings, Clock.systemUTC());
    }
}
