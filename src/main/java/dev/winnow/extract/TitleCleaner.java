package dev.winnow.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/** Drops the site name that page titles often carry ("Headline | Site", "Site - Headline"). */
final class TitleCleaner {
    /** Compiled once: String.split would compile it on every call. */
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String[] SEPARATORS = {" | ", " - ", " – ", " — ", " :: ", " · ", " » "};

    private TitleCleaner() {
    }

    static String withoutSiteName(String title, String siteName) {
        if (title == null) {
            return null;
        }
        String site = siteName == null ? null : siteName.toLowerCase(Locale.ROOT);
        for (String sep : SEPARATORS) {
            int last = title.lastIndexOf(sep);
            if (last > 0) {
                String tail = title.substring(last + sep.length()).strip();
                if (site != null && tail.toLowerCase(Locale.ROOT).contains(site) || site == null && words(tail) <= 3
                        && words(title.substring(0, last)) >= 4) {
                    return title.substring(0, last).strip();
                }
            }
            int first = title.indexOf(sep);
            if (first > 0 && site != null && title.substring(0, first).strip().toLowerCase(Locale.ROOT).equals(site)) {
                return title.substring(first + sep.length()).strip();
            }
        }
        return title;
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : SPACES.split(s.strip()).length;
    }
}
