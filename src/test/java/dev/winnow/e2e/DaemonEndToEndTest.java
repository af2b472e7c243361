package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon in its own process: polls the OPML feeds, picks up OPML edits, stops cleanly, survives SIGKILL. */
class DaemonEndToEndTest extends WithNewsSite {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void daemonIndexesEveryFeedPicksUpOpmlEditsAndStopsCleanlyOnSigterm() throws Exception {
        Path opml = writeOpml(List.of(site.feedUrl("es"), site.feedUrl("en")));
        Path data = dir.resolve("data");
        try (WinnowProcess daemon = WinnowProcess.daemon(opml, data, fastConfig())) {
            waitFor(() -> articleCount(data) == 6, daemon, "all six articles indexed");
            Cli.Result hits = Cli.run("search", "--json", "--data", data.toString(), "hipotecas");
            assertEquals(0, hits.code(), "search runs beside the writing daemon: " + hits.err());
            assertTrue(hits.out().contains("banco-central-tipos"), hits.out());

            writeOpml(List.of(site.feedUrl("es"), site.feedUrl("en"), site.brokenFeedUrl()));
            waitFor(() -> feedOutcome(data, site.brokenFeedUrl()).equals("failed"), daemon, "new feed polled");

            assertEquals(0, daemon.terminate(), daemon.output());
        }
        assertEquals(6, exportedUrls(data).size());
    }

    @Test
    void statusShowsTheRunningDaemonAndTheFeedsOfItsOwnOpml() throws Exception {
        Path config = fastConfig();
        Files.writeString(config, Files.readString(config) + "daemon.startup-jitter = 1h\n"); // nothing polled yet
        Path opml = writeOpml(List.of(site.feedUrl("es"), site.feedUrl("en")));
        Path data = dir.resolve("data");
        try (WinnowProcess daemon = WinnowProcess.daemon(opml, data, config)) {
            waitFor(() -> Files.exists(data.resolve("daemon.json")), daemon, "the daemon's status");
            JsonNode status = status(data);
            JsonNode d = status.get("daemon");
            assertTrue(d.get("running").asBoolean(), d.toString());
            assertEquals(opml.toAbsolutePath().toString(), d.get("opml").asText());
            assertEquals(2, d.get("feeds").asInt());
            assertTrue(d.get("index_writable").asBoolean());
            assertEquals(2, status.get("feeds").size(), "the daemon's feeds, listed before their first poll");
            assertTrue(Cli.run("status", "--data", data.toString()).out().contains("daemon: running"));
            assertEquals(0, daemon.terminate(), daemon.output());
        }
        assertFalse(status(data).at("/daemon/running").asBoolean(), "stopped");
        assertFalse(Files.exists(data.resolve("daemon.json")));
    }

    @Test
    void killedDaemonRestartsWithConsistentIndexAndNoDuplicates() throws Exception {
        site.slowArticles(400);
        Path opml = writeOpml(List.of(site.feedUrl("es"), site.feedUrl("en")));
        Path data = dir.resolve("data");
        try (WinnowProcess daemon = WinnowProcess.daemon(opml, data, fastConfig())) {
            waitFor(() -> articleCount(data) >= 3, daemon, "a first feed committed");
            daemon.kill();
        } finally {
            site.slowArticles(0);
        }
        int survived = articleCount(data);
        assertTrue(survived >= 3, "committed work survives SIGKILL");

        Cli.Result r = Cli.run("fetch", "--json", "--data", data.toString(), "--allow-private-network",
                site.feedUrl("es"), site.feedUrl("en"));
        assertEquals(0, r.code(), r.err() + r.out());
        Set<String> urls = exportedUrls(data);
        assertEquals(6, urls.size(), "every article once");
    }

    @Test
    void sigtermWithPollsInFlightExitsWithinFiveSecondsAndLosesNothing() throws Exception {
        site.slowArticles(3000);
        Path opml = writeOpml(List.of(site.feedUrl("es"), site.feedUrl("en")));
        Path data = dir.resolve("data");
        int before = articleHits();
        try (WinnowProcess daemon = WinnowProcess.daemon(opml, data, fastConfig())) {
            waitFor(() -> articleHits() > before, daemon, "an article fetch");
            long start = System.nanoTime();
            assertEquals(0, daemon.terminate(), daemon.output());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5000, "stopped in " + millis + " ms");
        } finally {
            site.slowArticles(0);
        }
        Cli.Result r = Cli.run("fetch", "--json", "--data", data.toString(), "--allow-private-network",
                site.feedUrl("es"), site.feedUrl("en"));
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(6, exportedUrls(data).size(), "what was in flight is fetched by the next run, once");
    }

    @Test
    void secondSigtermExitsAtOnce() throws Exception {
        site.slowArticles(20_000);
        Path config = fastConfig();
        Files.writeString(config, Files.readString(config) + "daemon.stop-timeout = 60s\n");
        Path opml = writeOpml(List.of(site.feedUrl("es")));
        Path data = dir.resolve("data");
        int before = articleHits();
        try (WinnowProcess daemon = WinnowProcess.daemon(opml, data, config)) {
            waitFor(() -> articleHits() > before, daemon, "an article fetch");
            daemon.signalTerm();
            Thread.sleep(300);
            long start = System.nanoTime();
            daemon.signalTerm();
            assertEquals(130, daemon.waitForExit(10), daemon.output());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 2000, "exited at once");
        } finally {
            site.slowArticles(0);
        }
        assertEquals(0, Cli.run("status", "--data", data.toString()).code(), "the index reads after the hard exit");
    }

    private static int articleHits() {
        return site.articles().stream().mapToInt(a -> site.hits(a.path())).sum();
    }

    private Path fastConfig() throws Exception {
        Path config = dir.resolve("winnow.properties");
        Files.writeString(config, String.join("\n",
                "daemon.startup-jitter = 0s",
                "daemon.opml-check = 1s",
                "daemon.min-interval = 1s",
                "daemon.default-interval = 2s",
                "pipeline.article-threads = 1",
                "daemon.threads = 1", ""));
        return config;
    }

    private Path writeOpml(List<String> feeds) throws Exception {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>t</title></head><body>\n");
        for (String f : feeds) {
            sb.append("<outline type=\"rss\" text=\"f\" xmlUrl=\"").append(f).append("\"/>\n");
        }
        sb.append("</body></opml>\n");
        Path opml = dir.resolve("feeds.opml");
        Path tmp = dir.resolve("feeds.opml.tmp");
        Files.writeString(tmp, sb);
        Files.move(tmp, opml, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return opml;
    }

    private static int articleCount(Path data) {
        JsonNode status = status(data);
        return status == null ? 0 : status.at("/index/articles").asInt();
    }

    private static String feedOutcome(Path data, String url) {
        JsonNode status = status(data);
        if (status == null) {
            return "";
        }
        for (JsonNode f : status.get("feeds")) {
            if (f.get("url").asText().equals(url)) {
                return f.path("outcome").asText("");
            }
        }
        return "";
    }

    private static JsonNode status(Path data) {
        if (!Files.isDirectory(data)) {
            return null;
        }
        Cli.Result r = Cli.run("status", "--json", "--data", data.toString());
        try {
            return r.code() == 0 ? JSON.readTree(r.out()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static Set<String> exportedUrls(Path data) throws Exception {
        Cli.Result r = Cli.run("export", "--data", data.toString());
        Set<String> urls = new HashSet<>();
        long lines = 0;
        for (String line : r.out().lines().filter(l -> !l.isBlank()).toList()) {
            urls.add(JSON.readTree(line).get("url").asText());
            lines++;
        }
        assertEquals(lines, urls.size(), "no duplicate stored copies");
        return urls;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, WinnowProcess daemon, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!daemon.isAlive()) {
                throw new AssertionError("daemon exited before: " + what + "\n" + daemon.output());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for: " + what + "\n" + daemon.output());
    }

}
