package dev.winnow.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("slow")
class HostLeasesTest {
    private static final Duration DELAY = Duration.ofSeconds(10);
    private static TestDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = new TestDatabase();
        ClusterSchema.ensure(db.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void nodesTakeTurnsOnOneHostAtLeastTheDelayApart() throws Exception {
        List<HostLeases> nodes = List.of(new HostLeases(db.dataSource(), "n1", DELAY),
                new HostLeases(db.dataSource(), "n2", DELAY), new HostLeases(db.dataSource(), "n3", DELAY));
        List<Long> waits = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (HostLeases node : nodes) {
                waits.add(node.leaseNextSlot("http://news.example:80").toMillis());
            }
        }
        assertEquals(0, waits.get(0), "the first fetch to a host goes at once");
        for (int i = 1; i < waits.size(); i++) {
            long gap = waits.get(i) - waits.get(i - 1);
            // each slot starts one delay after the previous one, less the few ms the statements took
            assertTrue(gap > DELAY.toMillis() - 1000 && gap <= DELAY.toMillis(), "gap " + gap + " in " + waits);
        }
    }

    @Test
    void otherHostsDoNotWait() throws Exception {
        HostLeases node = new HostLeases(db.dataSource(), "n1", DELAY);
        node.leaseNextSlot("http://busy.example:80");
        assertEquals(Duration.ZERO, new HostLeases(db.dataSource(), "n2", DELAY).leaseNextSlot("http://idle.example:80"));
    }

    @Test
    void hostKeyIsSchemeHostAndPort() {
        assertEquals("https://news.example:443", LeasedFetcher.host("https://News.Example/a/b?c"));
        assertEquals("http://news.example:8080", LeasedFetcher.host("http://news.example:8080/a"));
        assertEquals(null, LeasedFetcher.host("not a url"));
    }
}
