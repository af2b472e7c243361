package dev.winnow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.feed.FeedSource;
import dev.winnow.state.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final PollPlanner planner = new PollPlanner(new ScheduleSettings(Duration.ofMinutes(30),
            Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofHours(6), Duration.ZERO));

    private static FeedState failures(int n) {
        return new FeedState("f", null, null, NOW, "failed", "x", null, 0, n);
    }

    @Test
    void opmlIntervalOverridesTheDefault() {
        FeedSource hourly = new FeedSource("f", null, Duration.ofHours(1), null);
        assertEquals(NOW.plus(Duration.ofHours(1)), planner.nextPoll(hourly, failures(0), PollHints.none(), NOW));
    }

    @Test
    void failingFeedIsRetriedAfterAMinuteThenBacksOffUpToTheCap() {
        assertEquals(NOW.plus(Duration.ofMinutes(1)), planner.nextPoll(FeedSource.of("f"), failures(1), PollHints.none(), NOW));
        assertEquals(NOW.plus(Duration.ofMinutes(4)), planner.nextPoll(FeedSource.of("f"), failures(3), PollHints.none(), NOW));
        assertEquals(NOW.plus(Duration.ofHours(6)), planner.nextPoll(FeedSource.of("f"), failures(30), PollHints.none(), NOW));
    }

    @Test
    void retryAfterIsHonoured() {
        PollHints hints = new PollHints(null, null, Duration.ofHours(2), List.of());
        assertTrue(!planner.nextPoll(FeedSource.of("f"), failures(1), hints, NOW).isBefore(NOW.plus(Duration.ofHours(2))));
    }
}
