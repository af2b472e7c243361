package dev.winnow.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.pipeline.FeedReport;
import dev.winnow.pipeline.FeedStatus;
import dev.winnow.pipeline.ItemReport;
import dev.winnow.pipeline.ItemStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ManualClock clock = new ManualClock();
    private final ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock, 2);

    private static ItemReport item(ItemStatus s) {
        return new ItemReport("https://a.example/1", "T", s, null, 0);
    }

    @Test
    void theBarNeverMovesBackwardsWhenAnotherFeedsItemsBecomeKnown() {
        bar.itemsPlanned("https://a.example/rss", 2);
        bar.itemDone("https://a.example/rss", item(ItemStatus.NEW));
        bar.itemDone("https://a.example/rss", item(ItemStatus.NEW));
        double afterFirstFeed = bar.fraction();
        assertEquals(0.5, afterFirstFeed, 1e-9);
        bar.itemsPlanned("https://b.example/rss", 100); // would halve a bar counting items
        assertTrue(bar.fraction() >= afterFirstFeed);
        bar.itemDone("https://b.example/rss", item(ItemStatus.NEW));
        assertTrue(bar.fraction() > afterFirstFeed);
    }

    @Test
    void eachFinishedFeedGetsItsOwnLineAndTheBarAnEta() {
        clock.now = clock.now.plusSeconds(10);
        bar.feedDone(new FeedReport("https://a.example/rss", FeedStatus.OK, null,
                List.of(item(ItemStatus.NEW), item(ItemStatus.UPDATED), item(ItemStatus.FAILED))));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("OK           https://a.example/rss  (3 items: 1 new, 1 updated, 1 failed)\n"), out);
        assertTrue(bar.line().contains("1/2 feeds") && bar.line().contains("ETA 10s"), bar.line());
    }

    @Test
    void aHostDelayIsShownWhileTheFetchWaitsForIt() {
        bar.waiting("slow.example", clock.instant().plusMillis(2500));
        assertTrue(bar.line().endsWith("waiting 2.5s: host delay of slow.example"), bar.line());
        bar.waited("slow.example");
        assertFalse(bar.line().contains("waiting"), bar.line());
    }

    @Test
    void etaReadsInHoursMinutesAndSeconds() {
        assertEquals("45s", ProgressBar.format(Duration.ofSeconds(45)));
        assertEquals("2m05s", ProgressBar.format(Duration.ofSeconds(125)));
        assertEquals("1h01m", ProgressBar.format(Duration.ofSeconds(3660)));
    }
}
