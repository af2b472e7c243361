package dev.winnow.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import okhttp3.CacheControl;
import okhttp3.Headers;

/**
 * Reads the caching and back-off headers winnow honours, through OkHttp's parsers ({@link CacheControl},
 * HTTP dates in the RFC 1123, RFC 850 and asctime forms). Pure functions of header values.
 */
public final class HttpHeaders {
    private HttpHeaders() {
    }

    /**
     * The freshness lifetime: Cache-Control max-age, else Expires minus Date (or minus now). Null when
     * neither is given, or when the server forbids caching (no-store, no-cache), which sets no lower bound.
     */
    public static Duration maxAge(String cacheControl, String expires, String date, Instant now) {
        Headers headers = headers("Cache-Control", cacheControl, "Expires", expires, "Date", date);
        CacheControl cc = CacheControl.parse(headers);
        if (cc.noStore() || cc.noCache()) {
            return null;
        }
        if (cc.maxAgeSeconds() >= 0) {
            return Duration.ofSeconds(cc.maxAgeSeconds());
        }
        Instant exp = httpDate(headers, "Expires");
        if (exp == null) {
            return null;
        }
        Instant base = httpDate(headers, "Date");
        Duration d = Duration.between(base == null ? now : base, exp);
        return d.isNegative() || d.isZero() ? null : d;
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    public static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Duration.ofDays(365); // absurdly large: the caller caps it
            }
        }
        Instant when = httpDate(headers("Retry-After", v), "Retry-After");
        if (when == null) {
            return null;
        }
        Duration d = Duration.between(now, when);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Instant httpDate(Headers headers, String name) {
        Date d = headers.getDate(name);
        return d == null ? null : d.toInstant();
    }

    /** Headers from name/value pairs, skipping absent values; servers send non-ASCII too, kept as is. */
    private static Headers headers(String... namesAndValues) {
        Headers.Builder b = new Headers.Builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                b.addUnsafeNonAscii(namesAndValues[i], namesAndValues[i + 1].trim());
            }
        }
        return b.build();
    }
}
