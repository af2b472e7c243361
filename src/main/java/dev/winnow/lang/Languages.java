package dev.winnow.lang;

import java.util.Locale;

/** Normalises language tags from pages, feeds and users to the two-letter codes winnow works with. */
public final class Languages {
    /** The code used when the language is unknown. */
    public static final String UNKNOWN = "und";

    private Languages() {
    }

    /**
     * Reduces a tag such as {@code es-MX}, {@code pt_BR} or {@code EN} to its primary subtag in lower case.
     * Returns {@link #UNKNOWN} for null, blank or malformed input.
     */
    public static String normalize(String tag) {
        if (tag == null) {
            return UNKNOWN;
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        int cut = indexOfAny(t, "-_;, ");
        if (cut >= 0) {
            t = t.substring(0, cut);
        }
        if (t.length() < 2 || t.length() > 3 || !t.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return UNKNOWN;
        }
        return t;
    }

    public static boolean isKnown(String code) {
        return code != null && !UNKNOWN.equals(code);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
