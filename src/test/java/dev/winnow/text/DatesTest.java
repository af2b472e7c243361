package dev.winnow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {
    private static void reads(String expected, String raw) {
        assertEquals(Instant.parse(expected), Dates.parse(raw), raw);
    }

    @Test
    void readsRfc822WithNamedNumericAndOddZones() {
        reads("2002-10-02T13:00:00Z", "Wed, 02 Oct 2002 13:00:00 GMT");
        reads("2024-03-05T10:15:30Z", "Tue, 5 Mar 2024 10:15:30 GMT");
        reads("2002-10-02T17:00:00Z", "02 Oct 02 13:00 EDT");
        reads("2002-10-02T13:00:00Z", "Wed, 02 Oct 2002 13:00:00 UT");
        reads("2002-10-02T11:00:00Z", "Wed, 02 Oct 2002 13:00:00 +0200");
        reads("2002-10-02T18:30:00Z", "Wed, 02 Oct 2002 13:00:00 -0530");
        reads("2002-10-02T04:00:00Z", "Wed, 02 Oct 2002 13:00:00 JST");
        reads("2002-10-02T11:00:00Z", "Wed, 02 Oct 2002 13:00:00 GMT+2");
        reads("2002-10-02T13:00:00Z", "Wed, 02 Oct 2002 13:00:00");
    }

    @Test
    void readsIso8601AndW3cdtfVariants() {
        reads("2003-12-13T17:30:02Z", "2003-12-13T18:30:02+01:00");
        reads("2024-03-05T09:15:00Z", "2024-03-05T10:15:00+0100");
        reads("2024-03-05T09:15:00Z", "2024-03-05T10:15:00+01");
        reads("2003-12-13T18:30:02.250Z", "2003-12-13T18:30:02.25Z");
        reads("2003-12-13T18:30:02.123456789Z", "2003-12-13T18:30:02.1234567891Z");
        reads("2024-03-05T10:15:00Z", "2024-03-05 10:15");
        reads("2003-12-13T00:00:00Z", "2003-12-13");
        reads("2003-12-13T18:30:00Z", "20031213T1830Z");
        reads("2024-03-05T00:00:00Z", "2024-3-5");
        reads("2024-03-06T00:00:00Z", "2024-03-05T24:00Z");
    }

    @Test
    void readsEpochSecondsAndMilliseconds() {
        reads("2024-03-05T10:15:30Z", "1709633730");
        reads("2024-03-05T10:15:30.500Z", "1709633730500");
    }

    @Test
    void readsOtherLanguagesAndZones() {
        reads("2017-06-07T13:30:00Z", "miércoles, 07 de junio de 2017 10:30 ART");
        reads("2017-06-07T00:00:00Z", "mar, 07 jun 2017");
        reads("2019-08-15T08:00:00Z", "15 août 2019 10:00 CEST");
        reads("2020-03-04T05:06:00Z", "4. März 2020 05:06");
        reads("2021-01-31T22:15:00Z", "31/01/2021 10:15 pm");
        reads("2022-09-12T00:00:00Z", "12 settembre 2022");
        reads("2022-02-03T00:00:00Z", "3 de fevereiro de 2022");
    }

    @Test
    void givesUpRatherThanGuessing() {
        assertNull(Dates.parse("yesterday"));
        assertNull(Dates.parse(""));
        assertNull(Dates.parse(null));
        assertNull(Dates.parse("32 foo 2020"));
        assertNull(Dates.parse("2024-13-45"));
        assertNull(Dates.parse("2024-02-30T10:00Z"));
    }
}
