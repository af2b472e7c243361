package dev.winnow.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the caching and back-off headers winnow honours. Pure functions of header values. */
public final class HttpHeaders {
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)");

    private HttpHeaders() {
    }

    /**
     * The freshness lifetime: Cache-Control max-age, else Expires minus Date (or minus now). Null when
     * neither is given, or when the server forbids caching (no-store, no-cache), which sets no lower bound.
     */
    public static Duration maxAge(String cacheControl, String expires, String date, Instant now) {
        if (cacheControl != null) {
            String cc = cacheControl.toLowerCase(Locale.ROOT);
            if (cc.contains("no-store") || cc.contains("no-cache")) {
                return null;
            }
            Matcher m = MAX_AGE.matcher(cc);
            if (m.find()) {
                return seconds(m.group(1));
            }
        }
        Instant exp = httpDate(expires);
        if (exp == null) {
            return null;
        }
        Instant base = httpDate(date);
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
            return seconds(v);
        }
        Instant when = httpDate(v);
        if (when == null) {
            return null;
        }
        Duration d = Duration.between(now, when);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration seconds(String digits) {
        try {
            return Duration.ofSeconds(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Duration.ofDays(365); // absurdly large: the caller caps it
        }
    }

    static Instant httpDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
