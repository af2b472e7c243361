package dev.winnow.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollIntervalsTest {
    private static final Instant NOW = Instant.parse("2025-01-10T12:00:00Z");
    private static final PollIntervals.Policy POLICY =
            new PollIntervals.Policy(Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofHours(6));

    private static Duration next(Duration ttl, Duration maxAge, Duration retryAfter, int failures, List<Instant> dates) {
        return PollIntervals.next(POLICY, new PollIntervals.Signals(ttl, maxAge, retryAfter, failures, dates, NOW));
    }

    private static List<Instant> everyMinutes(int minutes, int count) {
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dates.add(NOW.minus(Duration.ofMinutes((long) minutes * i)));
        }
        return dates;
    }

    @Test
    void baseIntervalWhenNothingElseIsKnown() {
        assertEquals(Duration.ofMinutes(30), next(null, null, null, 0, List.of()));
    }

    @Test
    void adaptsToHowOftenTheFeedPublishesWithinBounds() {
        assertEquals(Duration.ofMinutes(10), next(null, null, null, 0, everyMinutes(10, 10)));
        assertEquals(Duration.ofMinutes(5), next(null, null, null, 0, everyMinutes(1, 10)), "not below min");
        List<Instant> quiet = List.of(NOW.minus(Duration.ofDays(4)), NOW.minus(Duration.ofDays(4).plusMinutes(10)));
        assertEquals(Duration.ofDays(1), next(null, null, null, 0, quiet), "a silent feed slows down, up to max");
    }

    @Test
    void ttlAndMaxAgeAreLowerBounds() {
        assertEquals(Duration.ofHours(1), next(Duration.ofHours(1), null, null, 0, List.of()));
        assertEquals(Duration.ofMinutes(45), next(null, Duration.ofMinutes(45), null, 0, List.of()));
        assertEquals(Duration.ofMinutes(30), next(Duration.ofMinutes(1), Duration.ofMinutes(2), null, 0, List.of()));
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCap() {
        assertEquals(Duration.ofHours(1), next(null, null, null, 1, List.of()));
        assertEquals(Duration.ofHours(4), next(null, null, null, 3, List.of()));
        assertEquals(Duration.ofHours(6), next(null, null, null, 12, List.of()));
    }

    @Test
    void retryAfterIsHonouredUpToMax() {
        assertEquals(Duration.ofHours(2), next(null, null, Duration.ofHours(2), 0, List.of()));
        assertEquals(Duration.ofDays(1), next(null, null, Duration.ofDays(9), 0, List.of()));
    }
}
