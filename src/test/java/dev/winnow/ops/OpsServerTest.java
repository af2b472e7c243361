package dev.winnow.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.FeedStatus;
import dev.winnow.pipeline.ItemReport;
import dev.winnow.pipeline.ItemStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(OpsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ItemReport item(ItemStatus s, int removed) {
        return new ItemReport("https://a.example/" + s, "T", s, null, removed);
    }

    @Test
    void metricsCountPollsArticlesRemovedLinesAndLatencyInPrometheusText() throws Exception {
        DaemonMetrics metrics = new DaemonMetrics(() -> 3, Clock.systemUTC());
        metrics.polled(new FeedReport("https://a.example/rss", FeedStatus.OK, null, List.of(
                item(ItemStatus.NEW, 2), item(ItemStatus.UPDATED, 1), item(ItemStatus.UNCHANGED, 0),
                item(ItemStatus.FAILED, 0))), Duration.ofMillis(1500));
        metrics.polled(new FeedReport("https://b.example/rss", FeedStatus.FAILED, "unknown-host", List.of()),
                Duration.ofMillis(20));
        try (OpsServer server = OpsServer.start(metrics, 0)) {
            HttpResponse<String> r = get(server, "/metrics");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().toString());
            String text = r.body();
            assertTrue(text.contains("# TYPE winnow_feed_polls_total counter"), text);
            assertTrue(text.contains("winnow_feed_polls_total{outcome=\"ok\"} 1"), text);
            assertTrue(text.contains("winnow_feed_polls_total{outcome=\"failed\"} 1"), text);
            assertTrue(text.contains("winnow_articles_indexed_total 2"), text);
            assertTrue(text.contains("winnow_lines_removed_total 3"), text);
            assertTrue(text.contains("winnow_poll_duration_seconds_count 2"), text);
            assertTrue(text.contains("winnow_poll_duration_seconds_bucket{le=\"2.0\"} 2"), text);
            assertTrue(text.contains("winnow_poll_duration_seconds_bucket{le=\"1.0\"} 1"), text);
            assertTrue(text.contains("winnow_feeds_scheduled 3"), text);
        }
    }

    @Test
    void healthSaysOkWithTheLastPollAndFailuresSinceTheLastSuccess() throws Exception {
        DaemonMetrics metrics = new DaemonMetrics(() -> 1, Clock.systemUTC());
        try (OpsServer server = OpsServer.start(metrics, 0)) {
            HttpResponse<String> before = get(server, "/health");
            assertEquals(200, before.statusCode());
            assertTrue(before.body().contains("\"status\":\"ok\"") && before.body().contains("\"last_poll\":null"),
                    before.body());
            metrics.polled(new FeedReport("https://b.example/rss", FeedStatus.FAILED, "timeout", List.of()),
                    Duration.ofSeconds(1));
            String after = get(server, "/health").body();
            assertTrue(after.contains("\"failed_polls_since_success\":1") && after.contains("\"last_success\":null"), after);
            assertEquals(404, get(server, "/other").statusCode());
        }
    }
}
