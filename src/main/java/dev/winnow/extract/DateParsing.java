package dev.winnow.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date formats found in page metadata (ISO 8601 with or without offset or seconds, offsets
 * written {@code +0100}, RFC 1123, plain dates) into an {@link Instant}; a date without a time is the
 * start of that day in UTC, a time without an offset is taken as UTC.
 */
final class DateParsing {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?\\s*"
                    + "(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})?");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

    private DateParsing() {
    }

    static Instant parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        Matcher m = ISO.matcher(s);
        if (m.lookingAt()) {
            return fromIso(m);
        }
        if (EPOCH.matcher(s).matches()) {
            long v = Long.parseLong(s);
            return s.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant fromIso(Matcher m) {
        try {
            int y = Integer.parseInt(m.group(1));
            int mo = Integer.parseInt(m.group(2));
            int d = Integer.parseInt(m.group(3));
            if (m.group(4) == null) {
                return LocalDate.of(y, mo, d).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            int h = Integer.parseInt(m.group(4));
            int mi = Integer.parseInt(m.group(5));
            int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalDateTime local = LocalDateTime.of(y, mo, d, h == 24 ? 0 : h, mi, sec);
            return OffsetDateTime.of(local, offset(m.group(7))).toInstant();
        } catch (RuntimeException e) {
            return null; // out-of-range fields: a date we cannot trust is no date
        }
    }

    private static ZoneOffset offset(String z) {
        if (z == null || z.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = z.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        int sign = z.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }
}
