package dev.winnow.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedDatesTest {
    private static void reads(String expected, String raw) {
        assertEquals(Instant.parse(expected), FeedDates.parse(raw), raw);
    }

    @Test
    void readsRfc822AndIsoVariants() {
        reads("2002-10-02T13:00:00Z", "Wed, 02 Oct 2002 13:00:00 GMT");
        reads("2002-10-02T17:00:00Z", "02 Oct 02 13:00 EDT");
        reads("2003-12-13T17:30:02Z", "2003-12-13T18:30:02+01:00");
        reads("2003-12-13T18:30:02.250Z", "2003-12-13T18:30:02.25Z");
        reads("2003-12-13T00:00:00Z", "2003-12-13");
        reads("2003-12-13T18:30:00Z", "20031213T1830Z");
    }

    @Test
    void readsOtherLanguagesAndZones() {
        reads("2017-06-07T13:30:00Z", "miércoles, 07 de junio de 2017 10:30 ART");
        reads("2017-06-07T00:00:00Z", "mar, 07 jun 2017");
        reads("2019-08-15T08:00:00Z", "15 août 2019 10:00 CEST");
        reads("2020-03-04T05:06:00Z", "4. März 2020 05:06");
        reads("2021-01-31T22:15:00Z", "31/01/2021 10:15 pm");
    }

    @Test
    void givesUpRatherThanGuessing() {
        assertNull(FeedDates.parse("yesterday"));
        assertNull(FeedDates.parse(""));
        assertNull(FeedDates.parse("32 foo 2020"));
    }
}
