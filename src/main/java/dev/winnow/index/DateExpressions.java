package dev.winnow.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates people type for {@code --since} and {@code --until}: a calendar day
 * ({@code 2026-11-01}, midnight UTC), an ISO instant or offset date-time, an age back from now
 * ({@code 7d}, {@code 12h}, {@code 30m}, {@code 2w}), {@code now}, {@code today} or {@code yesterday}
 * (midnight UTC).
 */
public final class DateExpressions {
    private static final Pattern AGE = Pattern.compile("(\\d{1,6})\\s*(m|h|d|w)");

    private DateExpressions() {
    }

    public static Instant parse(String expr, Clock clock) {
        if (expr == null || expr.isBlank()) {
            throw new IllegalArgumentException("empty date: use a date like 2026-11-01, 7d, 12h, today or yesterday");
        }
        String s = expr.trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        switch (s) {
            case "now":
                return now;
            case "today":
                return today.atStartOfDay(ZoneOffset.UTC).toInstant();
            case "yesterday":
                return today.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            default:
                break;
        }
        Matcher age = AGE.matcher(s);
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            Duration d = switch (age.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return now.minus(d);
        }
        String raw = expr.trim();
        try {
            if (raw.length() == 10) {
                return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return raw.endsWith("Z") || raw.endsWith("z")
                    ? Instant.parse(raw.toUpperCase(Locale.ROOT))
                    : OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read date '" + expr
                    + "': use 2026-11-01, 2026-11-01T08:00:00Z, 7d, 12h, today or yesterday", e);
        }
    }
}
