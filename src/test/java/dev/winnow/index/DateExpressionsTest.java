package dev.winnow.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DateExpressionsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-10T15:30:00Z"), ZoneOffset.UTC);

    private Instant parse(String s) {
        return DateExpressions.parse(s, clock);
    }

    @Test
    void readsCalendarDaysAsMidnightUtc() {
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), parse("2026-11-01"));
    }

    @Test
    void readsIsoInstantsAndOffsets() {
        assertEquals(Instant.parse("2026-11-01T08:00:00Z"), parse("2026-11-01T08:00:00Z"));
        assertEquals(Instant.parse("2026-11-01T07:00:00Z"), parse("2026-11-01T08:00:00+01:00"));
    }

    @Test
    void readsAgesBackFromNow() {
        assertEquals(Instant.parse("2026-11-03T15:30:00Z"), parse("7d"));
        assertEquals(Instant.parse("2026-11-10T03:30:00Z"), parse("12h"));
        assertEquals(Instant.parse("2026-11-10T15:00:00Z"), parse("30m"));
        assertEquals(Instant.parse("2026-10-27T15:30:00Z"), parse("2w"));
    }

    @Test
    void readsTodayAndYesterday() {
        assertEquals(Instant.parse("2026-11-10T00:00:00Z"), parse("today"));
        assertEquals(Instant.parse("2026-11-09T00:00:00Z"), parse("Yesterday"));
        assertEquals(clock.instant(), parse("now"));
    }

    @Test
    void rejectsAnythingElseWithTheAcceptedForms() {
        for (String bad : new String[] {"last week", "2026-13-01", "7 days", "", "11/01/2026"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(bad), bad);
            assertTrue(e.getMessage().contains("7d"), e.getMessage());
        }
    }
}
