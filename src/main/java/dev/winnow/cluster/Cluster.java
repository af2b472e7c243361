package dev.winnow.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.winnow.http.HttpFetcher;
import dev.winnow.index.ArticleIndex;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon's membership of a cluster: a connection pool to the shared PostgreSQL database, from which
 * it builds the clustered Quartz scheduler, the shared per-feed state and the host leases. The tables
 * are created on first connection when absent.
 */
public final class Cluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final ClusterSettings settings;
    private final HikariDataSource pool;
    private final String nodeId = NodeIds.next();

    private Cluster(ClusterSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
    }

    /** Connects to the database of {@code settings} and creates the tables that are missing. */
    public static Cluster connect(ClusterSettings settings) throws SQLException {
        if (!settings.shared()) {
            throw new IllegalArgumentException("scheduler.store=memory has no cluster to connect to");
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(settings.jdbcUrl());
        if (!settings.user().isBlank()) {
            hc.setUsername(settings.user());
        }
        if (!settings.password().isBlank()) {
            hc.setPassword(settings.password());
        }
        hc.setMaximumPoolSize(settings.poolSize());
        hc.setPoolName("winnow-cluster");
        hc.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new SQLException("cannot connect to " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
        try {
            if (ClusterSchema.ensure(pool)) {
                LOG.info("created the cluster tables in {}", settings.jdbcUrl());
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Cluster(settings, pool);
    }

    /**
     * A Quartz scheduler on the clustered JDBC job store, not yet started. Every node of the cluster
     * shares its instanceName; each gets its own instanceId.
     */
    public Scheduler scheduler(int threads) throws SchedulerException {
        String dataSource = "winnow-" + nodeId;
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PoolProvider(pool));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", settings.clusterName());
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.instanceIdGenerator.class", NodeIds.class.getName());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "winnow-poll");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(settings.checkinInterval().toMillis()));
        // A poll later than this is handed to the misfire handler, which re-plans 20 triggers per locked
        // transaction: under a backlog that path throttles the whole cluster, so late polls stay on the
        // normal path (taken oldest first, in batches) for an hour.
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(java.time.Duration.ofHours(1).toMillis()));
        // Nodes take due polls a batch at a time, under the cluster's lock, so no two nodes race for one
        // trigger and a busy cluster pays one lock round trip per batch rather than per poll.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        // Job data are plain strings (the feed's URL, title, interval, language): no Java serialisation in the table.
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
        // The factory registers schedulers by instanceName, which every node shares: forget it, so a second
        // node in this JVM (tests, the simulation) gets a scheduler of its own rather than this one.
        SchedulerRepository.getInstance().remove(settings.clusterName());
        LOG.info("cluster node {} of '{}' on {}", scheduler.getSchedulerInstanceId(), settings.clusterName(),
                settings.jdbcUrl());
        return scheduler;
    }

    /** The index with its per-feed state kept in the shared database instead of beside the articles. */
    public ArticleIndex withSharedFeedState(ArticleIndex local) {
        return new SharedStateIndex(local, new JdbcFeedStateStore(pool));
    }

    /**
     * {@code fetcher} with each article fetch waiting for a slot of its host leased from the shared
     * database, so the nodes together keep {@code hostDelay} between two fetches to one host.
     */
    public HttpFetcher withHostLeases(HttpFetcher fetcher, Duration hostDelay) {
        return new LeasedFetcher(fetcher, new HostLeases(pool, nodeId, hostDelay));
    }

    public ClusterSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Hands Quartz connections from the node's pool; the pool is closed by the cluster, not by Quartz. */
    private record PoolProvider(HikariDataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
