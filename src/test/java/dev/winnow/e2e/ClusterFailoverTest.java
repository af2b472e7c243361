package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.cluster.TestDatabase;
import dev.winnow.feed.FeedSource;
import dev.winnow.feed.OpmlWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import dev.winnow.index.solr.SolrTestCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two daemons in their own JVMs share one schedule in PostgreSQL; one is SIGKILLed in the middle of a
 * poll. The other must take the poll over, keep every feed on schedule, and between them the two
 * indexes must hold every article exactly once.
 *
 * <p>Each node keeps its articles in its own data folder (two processes cannot write one Lucene index),
 * while schedule, feed state and host leases are shared. That is sound for "exactly once" because the
 * kill lands while the victim is fetching article pages, before it commits anything of that poll: the
 * survivor's recovered poll is then the only one to store them, and the shared feed state (the feed's
 * ETag) keeps it from fetching again what the victim stored in earlier polls.
 */
@Tag("slow")
class ClusterFailoverTest extends WithNewsSite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase db;

    @TempDir
    Path dir;

    /** A fresh database per test: each starts from an empty schedule and no feed state. */
    @BeforeEach
    void startDatabase() throws Exception {
        db = new TestDatabase();
    }

    @AfterEach
    void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void survivorTakesOverTheKilledNodesPollAndEveryArticleIsIndexedOnce() throws Exception {
        Path config = clusterConfig("");
        Path dataA = dir.resolve("node-a");
        Path dataB = dir.resolve("node-b");
        failOver(config);
        Set<String> inA = exportedUrls(dataA, null);
        Set<String> inB = exportedUrls(dataB, null);
        Set<String> all = new HashSet<>(inA);
        all.addAll(inB);
        assertEquals(site.articles().size(), all.size(), "every article indexed: " + all);
        assertEquals(all.size(), inA.size() + inB.size(), "no article in both nodes' indexes: " + inA + " " + inB);
    }

    /**
     * The same, both nodes writing one SolrCloud collection (index.backend=solr): a poll the victim had
     * sent but not finished is written again by the survivor, under the same ids, so every article of
     * the site is in the collection exactly once.
     */
    @Test
    void withASharedSolrCloudCollectionEveryArticleIsIndexedOnce() throws Exception {
        String collection = SolrTestCluster.newCollection("failover");
        try {
            Path config = clusterConfig(String.join("\n", "index.backend = solr",
                    "index.solr.zk-host = " + SolrTestCluster.zkHost(), "index.solr.collection = " + collection, ""));
            failOver(config);
            Set<String> stored = exportedUrls(dir.resolve("node-a"), config);
            assertEquals(site.articles().size(), stored.size(), "every article indexed once: " + stored);
        } finally {
            SolrTestCluster.delete(collection);
        }
    }

    /** Starts two daemons on {@code config}, SIGKILLs the one polling, and waits until the other took over. */
    private void failOver(Path config) throws Exception {
        site.slowArticles(1500);
        List<String> feeds = List.of(site.feedUrl("es"), site.feedUrl("en"));
        Path opml = writeOpml(feeds);
        Path dataA = dir.resolve("node-a");
        Path dataB = dir.resolve("node-b");
        Instant killedAt;
        String inFlight;
        long failoverMillis;
        try (WinnowProcess a = WinnowProcess.daemon(opml, dataA, config);
             WinnowProcess b = WinnowProcess.daemon(opml, dataB, config)) {
            List<WinnowProcess> nodes = List.of(a, b);
            String[] executing = new String[2];
            waitFor(() -> executingPoll(executing), nodes, "a poll in flight");
            WinnowProcess victim = a.pid() == pidOf(executing[0]) ? a : b;
            WinnowProcess survivor = victim == a ? b : a;
            inFlight = executing[1];
            victim.kill();
            killedAt = Instant.now();
            site.slowArticles(0);

            Instant[] recovered = new Instant[1];
            waitFor(() -> (recovered[0] = lastPollAfter(inFlight, killedAt)) != null, List.of(survivor),
                    "the killed node's poll recovered");
            failoverMillis = Duration.between(killedAt, recovered[0]).toMillis();
            Instant firstRecovered = recovered[0];
            waitFor(() -> feeds.stream().allMatch(f -> lastPollAfter(f, firstRecovered) != null), List.of(survivor),
                    "every feed polled again after the recovery");
            assertEquals(0, survivor.terminate(), survivor.output());
            assertFalse(survivor.output().contains("cannot schedule"), survivor.output());
        } finally {
            site.slowArticles(0);
        }
        System.out.printf("cluster failover: poll of %s restarted %d ms after SIGKILL%n", inFlight, failoverMillis);
        assertTrue(failoverMillis < 30_000, "failover took " + failoverMillis + " ms");
    }

    /** Fills {pid-bearing instance id, feed url} of a poll executing now; false when none is. */
    private static boolean executingPoll(String[] out) {
        try {
            List<String> rows = db.column("SELECT instance_name || ' ' || job_name FROM qrtz_fired_triggers"
                    + " WHERE state = 'EXECUTING' AND job_group = 'feeds'");
            if (rows.isEmpty()) {
                return false;
            }
            int space = rows.get(0).indexOf(' ');
            out[0] = rows.get(0).substring(0, space);
            out[1] = rows.get(0).substring(space + 1);
            return true;
        } catch (SQLException e) {
            return false; // tables not created yet
        }
    }

    /** Node ids are host-pid-counter (see NodeIds). */
    private static long pidOf(String instanceId) {
        String[] parts = instanceId.split("-");
        return Long.parseLong(parts[parts.length - 2]);
    }

    private static Instant lastPollAfter(String feed, Instant after) {
        try {
            List<String> v = db.column("SELECT last_poll FROM winnow_feed_state WHERE feed_url = ?", feed);
            if (v.isEmpty() || v.get(0) == null) {
                return null;
            }
            Instant t = Instant.ofEpochMilli(Long.parseLong(v.get(0)));
            return t.isAfter(after) ? t : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String scheduleDump() {
        try {
            return db.column("SELECT trigger_name || ' ' || trigger_state || ' ' || coalesce(next_fire_time, 0)"
                    + " FROM qrtz_triggers") + " fired " + db.column("SELECT trigger_name || ' ' || state || ' '"
                    + " || instance_name FROM qrtz_fired_triggers");
        } catch (SQLException e) {
            return e.toString();
        }
    }

    /** The cluster's configuration, plus {@code extra} lines. */
    private Path clusterConfig(String extra) throws Exception {
        Path config = dir.resolve("winnow.properties");
        Files.writeString(config, String.join("\n",
                "scheduler.store = jdbc",
                "scheduler.jdbc.url = " + db.url(),
                "scheduler.jdbc.user = postgres",
                "scheduler.jdbc.checkin-interval = 1s",
                "daemon.startup-jitter = 0s",
                "daemon.opml-check = 1s",
                "daemon.min-interval = 1s",
                "daemon.default-interval = 2s",
                "daemon.max-interval = 2s",
                "pipeline.article-threads = 1",
                "daemon.threads = 1",
                "http.host-delay = 100ms", "") + extra);
        return config;
    }

    private Path writeOpml(List<String> feeds) throws Exception {
        Path opml = dir.resolve("feeds.opml");
        new OpmlWriter().write(feeds.stream().map(FeedSource::of).toList(), "cluster test", opml);
        return opml;
    }

    /** The URLs {@code winnow export} lists, with the given config file (null: the defaults). */
    private static Set<String> exportedUrls(Path data, Path config) throws Exception {
        if (config == null && !Files.isDirectory(data)) {
            return Set.of();
        }
        Cli.Result r = config == null ? Cli.run("export", "--data", data.toString())
                : Cli.run("export", "--data", data.toString(), "--config", config.toString());
        List<String> urls = new ArrayList<>();
        for (String line : r.out().lines().filter(l -> !l.isBlank()).toList()) {
            urls.add(JSON.readTree(line).get("url").asText());
        }
        assertEquals(urls.size(), new HashSet<>(urls).size(), "no duplicate within one index: " + urls);
        return new HashSet<>(urls);
    }

    private static void waitFor(BooleanSupplier condition, List<WinnowProcess> nodes, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            for (WinnowProcess n : nodes) {
                if (!n.isAlive()) {
                    throw new AssertionError("a daemon exited before: " + what + "\n" + n.output());
                }
            }
            Thread.sleep(100);
        }
        StringBuilder logs = new StringBuilder("schedule: ").append(scheduleDump()).append('\n');
        nodes.forEach(n -> logs.append("---- node ").append(n.pid()).append('\n').append(n.output()));
        throw new AssertionError("timed out waiting for: " + what + "\n" + logs);
    }
}
