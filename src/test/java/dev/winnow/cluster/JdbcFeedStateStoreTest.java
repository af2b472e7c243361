package dev.winnow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.state.FeedState;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class JdbcFeedStateStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static TestDatabase db;
    private static JdbcFeedStateStore store;

    @BeforeAll
    static void start() throws Exception {
        db = new TestDatabase();
        ClusterSchema.ensure(db.dataSource());
        store = new JdbcFeedStateStore(db.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static FeedState polled(String url, Instant at, String etag) {
        return new FeedState(url, etag, "Tue, 01 Dec 2026 09:00:00 GMT", at, "ok", null, at.plusSeconds(1800), 3, 0);
    }

    @Test
    void stateIsStagedUntilFlushedThenReadByAnyNode() throws Exception {
        FeedState s = polled("https://a.example/feed", T0, "\"v1\"");
        store.put(s);
        assertEquals(s, store.get(s.feedUrl()).orElseThrow(), "staged state is visible to its own node");
        JdbcFeedStateStore otherNode = new JdbcFeedStateStore(db.dataSource());
        assertTrue(otherNode.get(s.feedUrl()).isEmpty(), "not durable before the flush");

        assertEquals(1, store.flush());
        assertEquals(s, otherNode.get(s.feedUrl()).orElseThrow());
        assertTrue(otherNode.all().contains(s));
    }

    @Test
    void aLaterFinishingOlderPollNeverReplacesANewerState() throws Exception {
        String url = "https://b.example/feed";
        JdbcFeedStateStore recovered = new JdbcFeedStateStore(db.dataSource());
        JdbcFeedStateStore paused = new JdbcFeedStateStore(db.dataSource());
        FeedState newer = polled(url, T0.plusSeconds(60), "\"v2\"");
        FeedState older = polled(url, T0, "\"v1\"");
        recovered.put(newer);
        recovered.flush();

        paused.put(older);
        assertEquals(0, paused.flush(), "the older poll's state is not written");
        assertEquals(newer, recovered.get(url).orElseThrow());
        assertEquals(newer, new JdbcFeedStateStore(db.dataSource()).get(url).orElseThrow());
    }
}
