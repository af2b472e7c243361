package dev.winnow.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.winnow.cluster.TestDatabase;
import dev.winnow.cluster.TestNode;
import dev.winnow.config.Config;
import dev.winnow.feed.FeedSource;
import dev.winnow.http.HttpSettings;
import dev.winnow.http.PoliteFetcher;
import dev.winnow.http.SafeHttpFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * A cluster of daemons in one JVM on one PostgreSQL, polling many feeds of a loopback site (each feed
 * answers once with a small RSS document and an ETag, then 304). Every feed's first poll is due at a
 * random moment of the start-up jitter window, so the demand is feeds / jitter polls per second; the
 * bench reports what the cluster delivers: polls per second, lag of each poll behind its planned time,
 * and the database's load (transactions and rows written per second and per poll).
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=ClusterSimulationBench
 * -Dbench.args="--feeds 100000 --nodes 3 --threads 8 --jitter 300s --limit 900s"}
 */
public final class ClusterSimulationBench {
    private ClusterSimulationBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int feeds = Integer.parseInt(opts.getOrDefault("feeds", "100000"));
        int nodes = Integer.parseInt(opts.getOrDefault("nodes", "3"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "8"));
        String jitter = opts.getOrDefault("jitter", "300s");
        Duration limit = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("limit", "900s").replace("s", "")));

        Config config = Config.defaults().with("network.allow-private", "true").with("daemon.startup-jitter", jitter)
                .with("daemon.threads", Integer.toString(threads)).with("daemon.opml-check", "1h")
                .with("scheduler.jdbc.pool-size", Integer.toString(threads + 6));
        Path tmp = Files.createTempDirectory("winnow-sim");
        List<FeedSource> list = new ArrayList<>(feeds);
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicLong firstFire = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastDone = new AtomicLong();
        List<AtomicInteger> perNode = new ArrayList<>();
        try (TestDatabase db = new TestDatabase(); FeedSite site = new FeedSite()) {
            for (int i = 0; i < feeds; i++) {
                list.add(new FeedSource(site.base() + "/f/" + i, null, Duration.ofDays(1), "en"));
            }
            HttpSettings http = HttpSettings.from(config);
            List<TestNode> cluster = new ArrayList<>();
            try {
                long t0 = System.nanoTime();
                for (int n = 0; n < nodes; n++) {
                    TestNode node = new TestNode(db.settings(), tmp.resolve("node" + n),
                            new PoliteFetcher(new SafeHttpFetcher(http), http), () -> list, config);
                    AtomicInteger polls = new AtomicInteger();
                    perNode.add(polls);
                    node.scheduler.getListenerManager().addJobListener(
                            new PollTimes(lags, polls, firstFire, lastDone), GroupMatcher.jobGroupEquals("feeds"));
                    cluster.add(node);
                    long s = System.nanoTime();
                    node.daemon.start();
                    System.out.printf("node %d started in %.1f s%s%n", n, (System.nanoTime() - s) / 1e9,
                            n == 0 ? " (registered " + feeds + " feeds)" : " (found them scheduled)");
                }
                Map<String, Long> dbBefore = dbStats(db);
                long start = System.nanoTime();
                long deadline = start + limit.toNanos();
                while (total(perNode) < feeds && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                }
                Map<String, Long> dbAfter = dbStats(db);
                double window = (lastDone.get() - Math.min(firstFire.get(), lastDone.get())) / 1000.0;
                report(feeds, nodes, threads, jitter, perNode, lags, window, dbBefore, dbAfter,
                        (System.nanoTime() - start) / 1e9, (start - t0) / 1e9);
            } finally {
                for (TestNode node : cluster) {
                    node.close();
                }
            }
        }
    }

    private static void report(int feeds, int nodes, int threads, String jitter, List<AtomicInteger> perNode,
                               ConcurrentLinkedQueue<Long> lags, double window, Map<String, Long> before,
                               Map<String, Long> after, double ran, double startup) {
        int polls = total(perNode);
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        double xacts = after.get("xact_commit") - before.get("xact_commit");
        double rows = after.get("rows_written") - before.get("rows_written");
        System.out.printf("feeds %d, nodes %d x %d threads, first polls spread over %s (demand %.0f polls/s)%n",
                feeds, nodes, threads, jitter, feeds / (double) Duration.parse("PT" + jitter.toUpperCase()).toSeconds());
        System.out.printf("start-up of the cluster: %.1f s; polling ran %.1f s%n", startup, ran);
        System.out.printf("polls: %d (%s per node), %.1f polls/s from first to last%n", polls,
                perNode.stream().map(AtomicInteger::get).toList(), polls / Math.max(window, 0.001));
        System.out.printf("lag behind plan: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        System.out.printf("database: %.0f transactions/s, %.0f rows written/s; per poll %.1f transactions,"
                + " %.1f rows written%n", xacts / ran, rows / ran, xacts / Math.max(polls, 1), rows / Math.max(polls, 1));
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * (p / 100.0)))];
    }

    private static int total(List<AtomicInteger> counts) {
        return counts.stream().mapToInt(AtomicInteger::get).sum();
    }

    private static Map<String, Long> dbStats(TestDatabase db) throws Exception {
        List<String> v = db.column("SELECT xact_commit || ' ' || (tup_inserted + tup_updated + tup_deleted)"
                + " FROM pg_stat_database WHERE datname = current_database()");
        db.execute("SELECT pg_stat_clear_snapshot()");
        String[] parts = v.get(0).split(" ");
        return Map.of("xact_commit", Long.parseLong(parts[0]), "rows_written", Long.parseLong(parts[1]));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new java.util.HashMap<>();
        List<String> a = Arrays.asList(args);
        for (int i = 0; i + 1 < a.size(); i += 2) {
            out.put(a.get(i).replaceFirst("^--", ""), a.get(i + 1));
        }
        return out;
    }

    /** Records when each poll starts against the time it was planned for. */
    private record PollTimes(ConcurrentLinkedQueue<Long> lags, AtomicInteger polls, AtomicLong firstFire,
                             AtomicLong lastDone) implements JobListener {
        @Override
        public String getName() {
            return "poll-times";
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
            long now = System.currentTimeMillis();
            // The trigger's start is the planned time: a late (misfired) trigger is moved to "now", its start is not.
            lags.add(now - context.getTrigger().getStartTime().getTime());
            firstFire.accumulateAndGet(now, Math::min);
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
            polls.incrementAndGet();
            lastDone.accumulateAndGet(System.currentTimeMillis(), Math::max);
        }
    }

    /** Feeds /f/N on 127.0.0.1: a small RSS document with an ETag, and 304 when the ETag comes back. */
    private static final class FeedSite implements AutoCloseable {
        private final HttpServer server;

        FeedSite() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            server.createContext("/f/", this::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                String id = ex.getRequestURI().getPath().substring(3);
                String etag = "\"v" + id + "\"";
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    ex.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed " + id
                        + "</title><link>" + base() + "/</link><description>d</description></channel></rss>")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
