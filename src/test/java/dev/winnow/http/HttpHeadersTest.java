package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpHeadersTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void maxAgeWinsOverExpires() {
        assertEquals(Duration.ofSeconds(300),
                HttpHeaders.maxAge("public, max-age=300", "Wed, 01 Jan 2025 02:00:00 GMT", null, NOW));
    }

    @Test
    void expiresCountsFromTheDateHeader() {
        assertEquals(Duration.ofHours(1), HttpHeaders.maxAge(null, "Wed, 01 Jan 2025 02:00:00 GMT",
                "Wed, 01 Jan 2025 01:00:00 GMT", NOW));
    }

    @Test
    void noStoreOrPastExpiresGiveNoLowerBound() {
        assertNull(HttpHeaders.maxAge("no-store, max-age=600", null, null, NOW));
        assertNull(HttpHeaders.maxAge(null, "Tue, 31 Dec 2024 00:00:00 GMT", null, NOW));
        assertNull(HttpHeaders.maxAge(null, "0", null, NOW));
    }

    @Test
    void cacheControlIsReadAsHttpDefinesIt() {
        assertEquals(Duration.ofSeconds(600), HttpHeaders.maxAge("Public,MAX-AGE=\"600\"", null, null, NOW),
                "directive names ignore case, values may be quoted");
        assertEquals(Duration.ofSeconds(60), HttpHeaders.maxAge("private, community=\"no-cache\", max-age=60", null, null, NOW),
                "no-cache inside another directive's quoted value forbids nothing");
        assertNull(HttpHeaders.maxAge("No-Cache", null, null, NOW));
    }

    @Test
    void obsoleteHttpDateFormsAreRead() {
        assertEquals(Duration.ofHours(2), HttpHeaders.maxAge(null, "Wednesday, 01-Jan-25 02:00:00 GMT", null, NOW), "RFC 850");
        assertEquals(Duration.ofHours(2), HttpHeaders.maxAge(null, "Wed Jan  1 02:00:00 2025", null, NOW), "asctime");
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        assertEquals(Duration.ofSeconds(90), HttpHeaders.retryAfter(" 90 ", NOW));
        assertEquals(Duration.ofMinutes(30), HttpHeaders.retryAfter("Wed, 01 Jan 2025 00:30:00 GMT", NOW));
        assertNull(HttpHeaders.retryAfter("soon", NOW));
    }
}
