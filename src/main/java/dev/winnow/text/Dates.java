package dev.winnow.text;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates pages and feeds really contain, for both: RFC 822/1123 with or without weekday,
 * two-digit years, named and numeric zones; ISO 8601 / W3C-DTF in full, basic or partial form (one-digit
 * month or day, any fraction of a second, {@code 24:00}); Unix epoch seconds or milliseconds; and free
 * forms in English, Spanish, Portuguese, French, German and Italian
 * ({@code miércoles, 07 de junio de 2017 10:00 ART}). A date without a time is the start of that day, a
 * date without a zone is taken as UTC. Returns null rather than guessing when no day, month and year can
 * be found, or when a field is out of range.
 */
public final class Dates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})(?:-(\\d{1,2})-(\\d{1,2})|(\\d{2})(\\d{2}))"
                    + "(?:[t\\s]+(\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?\\s*"
                    + "(z|utc|gmt|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})[:h.](\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?");
    private static final Pattern OFFSET = Pattern.compile("(?:^|\\s|\\d)(?:gmt|utc)?([+-])(\\d{1,2}):?(\\d{2})?(?=\\s|$|\\))");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,4})[/.-](\\d{1,2})[/.-](\\d{1,4})");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, Integer> ZONES = new HashMap<>();

    static {
        String[][] months = {
            {"january", "jan", "enero", "ene", "janeiro", "janvier", "janv", "januar", "jänner", "gennaio", "gen"},
            {"february", "feb", "febrero", "fevereiro", "fev", "fevrier", "fevr", "fév", "februar", "febbraio"},
            {"march", "mar", "marzo", "marco", "mars", "marz", "mär", "maerz"},
            {"april", "apr", "abril", "abr", "avril", "avr", "aprile"},
            {"may", "mayo", "maio", "mai", "maggio", "mag"},
            {"june", "jun", "junio", "junho", "juin", "juni", "giugno", "giu"},
            {"july", "jul", "julio", "julho", "juillet", "juil", "juli", "luglio", "lug"},
            {"august", "aug", "agosto", "ago", "aout", "août"},
            {"september", "sep", "sept", "septiembre", "setiembre", "set", "setembro", "septembre", "settembre"},
            {"october", "oct", "octubre", "outubro", "out", "octobre", "oktober", "okt", "ottobre", "ott"},
            {"november", "nov", "noviembre", "novembro", "novembre"},
            {"december", "dec", "diciembre", "dic", "dezembro", "dez", "decembre", "déc", "dezember", "dicembre"}};
        for (int m = 0; m < months.length; m++) {
            for (String name : months[m]) {
                MONTHS.put(fold(name), m + 1);
            }
        }
        Object[][] zones = {
            {"ut", 0}, {"utc", 0}, {"gmt", 0}, {"z", 0}, {"wet", 0}, {"bst", 60}, {"ist", 330}, {"west", 60},
            {"cet", 60}, {"met", 60}, {"cest", 120}, {"mest", 120}, {"eet", 120}, {"eest", 180}, {"msk", 180},
            {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360},
            {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"ast", -240},
            {"adt", -180}, {"nst", -210}, {"art", -180}, {"brt", -180}, {"brst", -120}, {"clt", -240},
            {"clst", -180}, {"cot", -300}, {"pet", -300}, {"vet", -240}, {"uyt", -180}, {"jst", 540},
            {"kst", 540}, {"hkt", 480}, {"sgt", 480}, {"awst", 480}, {"acst", 570}, {"aest", 600},
            {"aedt", 660}, {"nzst", 720}, {"nzdt", 780}};
        for (Object[] z : zones) {
            ZONES.put((String) z[0], (Integer) z[1]);
        }
    }

    private Dates() {
    }

    /** The instant a date string names, or null when it cannot be read. */
    public static Instant parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = fold(raw.trim());
        if (EPOCH.matcher(s).matches()) {
            long v = Long.parseLong(s);
            return s.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        try {
            Instant iso = iso(s);
            return iso != null ? iso : free(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static Instant iso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.lookingAt()) {
            return null;
        }
        boolean extended = m.group(2) != null;
        LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(extended ? 2 : 4)), Integer.parseInt(m.group(extended ? 3 : 5)));
        LocalTime time = LocalTime.MIDNIGHT;
        int hour = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        if (hour == 24 && Integer.parseInt(m.group(7)) == 0) {
            date = date.plusDays(1); // 24:00 is the end of the day, the next one's midnight
        } else if (m.group(6) != null) {
            int nanos = m.group(9) == null ? 0 : Integer.parseInt((m.group(9) + "000000000").substring(0, 9));
            time = LocalTime.of(hour, Integer.parseInt(m.group(7)),
                    m.group(8) == null ? 0 : Integer.parseInt(m.group(8)), nanos);
        }
        return LocalDateTime.of(date, time).toInstant(offset(m.group(10)));
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("z") || zone.equals("utc") || zone.equals("gmt")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** Day, month (name or number), year, optional time and zone, in any order a human writes them. */
    private static Instant free(String s) {
        String rest = s;
        int[] ymd = null;
        Matcher d = NUMERIC_DATE.matcher(rest);
        if (d.find()) {
            ymd = numericDate(d);
            rest = cut(rest, d);
        }
        LocalTime time = LocalTime.MIDNIGHT;
        Matcher t = TIME.matcher(rest);
        if (t.find()) {
            int h = Integer.parseInt(t.group(1));
            String ampm = t.group(4);
            if (ampm != null && ampm.startsWith("p") && h < 12) {
                h += 12;
            } else if (ampm != null && ampm.startsWith("a") && h == 12) {
                h = 0;
            }
            time = LocalTime.of(h, Integer.parseInt(t.group(2)), t.group(3) == null ? 0 : Integer.parseInt(t.group(3)));
            rest = cut(rest, t);
        }
        ZoneOffset zone = zone(rest);
        if (ymd == null) {
            ymd = wordDate(rest);
        }
        if (ymd == null) {
            return null;
        }
        return LocalDateTime.of(LocalDate.of(ymd[0], ymd[1], ymd[2]), time).toInstant(zone);
    }

    private static String cut(String s, Matcher m) {
        return s.substring(0, m.start()) + " " + s.substring(m.end());
    }

    private static int[] numericDate(Matcher m) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int c = Integer.parseInt(m.group(3));
        if (m.group(1).length() == 4) {
            return new int[] {a, b, c};
        }
        // d/m/y is the common reading outside the US; m/d/y only when the second number cannot be a month
        int year = fullYear(c);
        return a > 12 ? new int[] {year, b, a} : b > 12 ? new int[] {year, a, b} : new int[] {year, b, a};
    }

    private static int[] wordDate(String s) {
        // The last month word wins: in "mar, 07 jun 2017" the Spanish weekday "mar" is not March.
        Integer month = null;
        Matcher w = WORD.matcher(s);
        while (w.find()) {
            Integer m = MONTHS.get(w.group());
            month = m == null ? month : m;
        }
        if (month == null) {
            return null;
        }
        Integer day = null;
        Integer year = null;
        Matcher n = NUMBER.matcher(s);
        while (n.find()) {
            String d = n.group();
            int v = Integer.parseInt(d);
            if (d.length() == 4 && year == null) {
                year = v;
            } else if (d.length() <= 2 && day == null && v >= 1 && v <= 31) {
                day = v;
            } else if (d.length() <= 2 && year == null) {
                year = fullYear(v);
            }
        }
        return day == null || year == null ? null : new int[] {year, month, day};
    }

    private static int fullYear(int y) {
        return y >= 100 ? y : y < 70 ? 2000 + y : 1900 + y;
    }

    private static ZoneOffset zone(String s) {
        Matcher o = OFFSET.matcher(s);
        if (o.find()) {
            int h = Integer.parseInt(o.group(2));
            int m = o.group(3) == null ? 0 : Integer.parseInt(o.group(3));
            int sign = o.group(1).equals("-") ? -1 : 1;
            if (h <= 14 && m < 60) {
                return ZoneOffset.ofHoursMinutes(sign * h, sign * m);
            }
        }
        Matcher w = WORD.matcher(s);
        while (w.find()) {
            Integer minutes = ZONES.get(w.group());
            if (minutes != null) {
                return ZoneOffset.ofTotalSeconds(minutes * 60);
            }
        }
        return ZoneOffset.UTC;
    }

    /** Lower case without accents, so "Août" and "aout", "miércoles" and "miercoles" read the same. */
    private static String fold(String s) {
        String n = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}+", "");
    }
}
