package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running daemon serves /metrics and /health on its loopback port and writes dated lines to its log file. */
class DaemonOpsTest extends WithNewsSite {
    private static final Pattern INDEXED = Pattern.compile("(?m)^winnow_articles_indexed_total (\\S+)$");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void daemonServesMetricsAndHealthAndLogsToAFileWithDates() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path log = dir.resolve("logs").resolve("daemon.log");
        Path config = dir.resolve("winnow.properties");
        Files.writeString(config, String.join("\n", "daemon.startup-jitter = 0s", "daemon.min-interval = 1s",
                "daemon.default-interval = 2s", "daemon.threads = 1", "ops.metrics-port = " + port,
                "ops.log-file = " + log, ""));
        Path opml = dir.resolve("feeds.opml");
        Files.writeString(opml, "<opml version=\"2.0\"><head/><body><outline text=\"es\" xmlUrl=\"" + site.feedUrl("es")
                + "\"/><outline text=\"en\" xmlUrl=\"" + site.feedUrl("en") + "\"/></body></opml>");
        try (WinnowProcess daemon = WinnowProcess.daemon(opml, dir.resolve("data"), config)) {
            String metrics = "";
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (indexed(metrics) < 6) {
                if (Instant.now().isAfter(deadline) || !daemon.isAlive()) {
                    throw new AssertionError("no 6 articles in /metrics:\n" + metrics + "\n" + daemon.output());
                }
                Thread.sleep(200);
                metrics = scrape(port, "/metrics");
            }
            assertTrue(metrics.contains("winnow_feed_polls_total{outcome=\"ok\"}"), metrics);
            assertTrue(metrics.contains("winnow_feeds_scheduled 2"), metrics);
            assertTrue(metrics.contains("winnow_poll_duration_seconds_count"), metrics);
            assertTrue(scrape(port, "/health").contains("\"status\":\"ok\""));
            assertEquals(0, daemon.terminate(), daemon.output());
        }
        String logged = Files.readString(log);
        assertTrue(Pattern.compile("(?m)^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\S* INFO .*polled ").matcher(logged).find(),
                "dated poll lines in the log file:\n" + logged);
    }

    private static double indexed(String metrics) {
        Matcher m = INDEXED.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private String scrape(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return ""; // not listening yet
        }
    }
}
