package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fetch cycle over a good feed and a feed for every fault: each fault is reported for its own feed
 * with a reason, the good feed succeeds, and nothing indexed before is lost. Runs inside the suite's
 * 512 MB heap cap (surefire argLine), which the 64 MB body and the 256 MB gzip bomb would break if read whole.
 */
class FaultCycleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyFaultFailsOnlyItsOwnFeedAndLosesNothing() throws Exception {
        Path config = dir.resolve("winnow.properties");
        Files.writeString(config, String.join("\n", "http.read-timeout = 1s", "http.call-timeout = 3s",
                "http.max-feed-bytes = 2mb", ""));
        Path data = dir.resolve("data");
        try (NewsSite site = new NewsSite(); FaultyFeeds faulty = new FaultyFeeds()) {
            assertEquals(0, winnow(config, data, site.feedUrl("es")).code());

            List<String> args = new ArrayList<>();
            FaultyFeeds.FAULTS.keySet().forEach(p -> args.add(faulty.url(p)));
            args.add(site.feedUrl("en"));
            Cli.Result r = winnow(config, data, args.toArray(String[]::new));
            assertEquals(1, r.code(), r.err());

            JsonNode feeds = JSON.readTree(r.out()).get("feeds");
            int i = 0;
            for (Map.Entry<String, String> fault : FaultyFeeds.FAULTS.entrySet()) {
                JsonNode f = feeds.get(i++);
                assertEquals("failed", f.get("status").asText(), fault.getValue() + ": " + f);
                assertFalse(f.get("reason").asText().isBlank(), fault.getValue() + " has a reason");
            }
            JsonNode good = feeds.get(i);
            assertEquals("ok", good.get("status").asText(), good.toString());
            assertEquals(3, JSON.readTree(r.out()).at("/totals/new").asInt());

            Cli.Result export = Cli.run("export", "--data", data.toString());
            assertEquals(6, export.out().lines().filter(l -> !l.isBlank()).count(), "earlier articles kept");
            assertFalse(export.out().contains("root:"), "no local file content leaked through XXE");
        }
    }

    @Test
    void retryAfterIsRecordedInTheFeedState() throws Exception {
        Path data = dir.resolve("data");
        try (FaultyFeeds faulty = new FaultyFeeds()) {
            Cli.Result r = winnow(null, data, faulty.url("/429"));
            assertEquals(1, r.code());
            Cli.Result status = Cli.run("status", "--json", "--data", data.toString());
            JsonNode feed = JSON.readTree(status.out()).at("/feeds/0");
            assertEquals("failed", feed.get("outcome").asText());
            assertEquals(1, feed.get("consecutive_failures").asInt());
            assertTrue(feed.get("reason").asText().contains("429"), feed.toString());
        }
    }

    @Test
    void articleThatFailedOnceIsStoredByALaterFetchAndListedByStatusMeanwhile() throws Exception {
        Path config = dir.resolve("winnow.properties");
        Files.writeString(config, "pipeline.item-retry-delay = 0s\n");
        Path data = dir.resolve("data");
        try (NewsSite site = new NewsSite()) {
            String failing = site.articles().stream().filter(a -> a.feed().equals("es")).findFirst().orElseThrow().path();
            site.failOnce(failing, 500);
            Cli.Result first = winnow(config, data, site.feedUrl("es"));
            assertEquals(1, first.code(), first.out());

            JsonNode feed = JSON.readTree(Cli.run("status", "--json", "--data", data.toString()).out()).at("/feeds/0");
            JsonNode failed = feed.get("failed_items");
            assertEquals(1, failed.size(), feed.toString());
            assertTrue(failed.get(0).get("url").asText().endsWith(failing));
            assertTrue(failed.get(0).get("reason").asText().contains("500"), failed.toString());

            assertEquals(0, winnow(config, data, site.feedUrl("es")).code());
            assertEquals(0, winnow(config, data, site.feedUrl("es")).code());
            Cli.Result export = Cli.run("export", "--data", data.toString());
            assertEquals(3, export.out().lines().filter(l -> !l.isBlank()).count(), "3 of 3 articles stored");
            assertTrue(export.out().contains(failing));
            feed = JSON.readTree(Cli.run("status", "--json", "--data", data.toString()).out()).at("/feeds/0");
            assertEquals(0, feed.get("failed_items").size(), feed.toString());
        }
    }

    @Test
    void articlesRefusedWhileRobotsTxtFailedAreFetchedByALaterRun() throws Exception {
        Path config = dir.resolve("winnow.properties");
        Files.writeString(config, "pipeline.item-retry-delay = 0s\n");
        Path data = dir.resolve("data");
        try (NewsSite site = new NewsSite()) {
            site.failOnce("/robots.txt", 500);
            Cli.Result first = winnow(config, data, site.feedUrl("es"));
            JsonNode feed = JSON.readTree(Cli.run("status", "--json", "--data", data.toString()).out()).at("/feeds/0");
            assertEquals(1, first.code(), first.out());
            // robots.txt is fetched once for the host, however many pages check it at once, so its single 500
            // refuses every page as robots-unavailable (RFC 9309: unreachable means disallow).
            JsonNode failed = feed.get("failed_items");
            assertEquals(3, failed.size(), feed.toString());
            failed.forEach(f -> assertTrue(f.get("reason").asText().startsWith("robots-unavailable"), f.toString()));
            Cli.Result exportAfterFirst = Cli.run("export", "--data", data.toString());
            assertEquals(0, exportAfterFirst.out().lines().filter(l -> !l.isBlank()).count(), "nothing stored meanwhile");

            assertEquals(0, winnow(config, data, site.feedUrl("es")).code());
            Cli.Result export = Cli.run("export", "--data", data.toString());
            assertEquals(3, export.out().lines().filter(l -> !l.isBlank()).count(), "3 of 3 stored by the next run");
        }
    }

    @Test
    void nonHttpFeedUrlIsAUsageErrorAndSavesNoState() {
        Path data = dir.resolve("data");
        Cli.Result r = winnow(null, data, "file:///etc/passwd");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("not an http(s) URL"), r.err());
        assertFalse(Files.exists(data), "nothing written");
    }

    @Test
    void lockConflictHasItsOwnExitCode() throws Exception {
        Path data = dir.resolve("data");
        try (var writer = dev.winnow.index.LuceneArticleIndex.openForWriting(data, dev.winnow.index.IndexSettings.defaults());
             NewsSite site = new NewsSite()) {
            Cli.Result r = winnow(null, data, site.feedUrl("es"));
            assertEquals(4, r.code(), r.err());
            assertTrue(r.err().contains("is locked"), r.err());
        }
    }

    private static Cli.Result winnow(Path config, Path data, String... feeds) {
        List<String> args = new ArrayList<>(List.of("fetch", "--json", "--data", data.toString(),
                "--allow-private-network"));
        if (config != null) {
            args.addAll(List.of("--config", config.toString()));
        }
        args.addAll(List.of(feeds));
        return Cli.run(args.toArray(String[]::new));
    }
}
