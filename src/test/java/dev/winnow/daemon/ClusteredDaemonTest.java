package dev.winnow.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.cluster.TestDatabase;
import dev.winnow.cluster.TestNode;
import dev.winnow.config.Config;
import dev.winnow.feed.FeedSource;
import dev.winnow.http.FetchException;
import dev.winnow.http.HttpFetcher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daemons of one cluster in one JVM: one shared schedule, whichever node read the feed list. */
@Tag("slow")
class ClusteredDaemonTest {
    private static final String A = "https://a.example/feed";
    private static final String B = "https://b.example/feed";

    @TempDir
    Path dir;
    private TestDatabase db;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        db = new TestDatabase();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        db.close();
    }

    /** A node whose fetcher only counts the feed requests it makes (each answered 404, a quick failed poll). */
    private final class Node {
        final Map<String, AtomicInteger> fetched = new ConcurrentHashMap<>();
        final Daemon daemon;

        Node(String name, List<FeedSource> feedList, Config config) throws Exception {
            HttpFetcher fetcher = request -> {
                fetched.computeIfAbsent(request.url(), u -> new AtomicInteger()).incrementAndGet();
                throw new FetchException("http-404", "gone");
            };
            TestNode node = new TestNode(db.settings(), dir.resolve(name), fetcher, () -> feedList,
                    config.with("daemon.threads", "1"));
            open.add(node);
            daemon = node.daemon;
        }

        int polls(String url) {
            return fetched.getOrDefault(url, new AtomicInteger()).get();
        }
    }

    private static Config config(String jitter) {
        return Config.defaults().with("daemon.startup-jitter", jitter).with("daemon.opml-check", "1h")
                .with("daemon.min-interval", "1h");
    }

    @Test
    void aNodeJoiningLaterKeepsTheScheduleTheFirstNodeMade() throws Exception {
        List<FeedSource> feeds = List.of(FeedSource.of(A), FeedSource.of(B));
        Node first = new Node("n1", feeds, config("1h"));
        first.daemon.start();
        Map<String, Instant> planned = first.daemon.nextFireTimes();
        assertEquals(2, planned.size());

        Node second = new Node("n2", feeds, config("1h"));
        second.daemon.start();
        assertEquals(planned, second.daemon.nextFireTimes(), "the second node did not re-plan the feeds");
        assertEquals(planned, first.daemon.nextFireTimes());
    }

    @Test
    void aFeedAddedThroughOneNodesListIsPolledByAnother() throws Exception {
        Node second = new Node("n2", List.of(FeedSource.of(A)), config("0s"));
        second.daemon.start();
        // The first node's list has a new feed; it is not polling (never started), only checking the list.
        Node first = new Node("n1", List.of(FeedSource.of(A), new FeedSource(B, "B news", Duration.ofHours(2), "es")),
                config("0s"));
        first.daemon.syncFeeds();

        waitUntil(() -> second.polls(A) > 0 && second.polls(B) > 0);
        assertTrue(second.daemon.nextFireTimes().containsKey(A));
        assertEquals(0, first.polls(A) + first.polls(B));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(50);
        }
    }
}
