package dev.winnow.lang;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;

/** Normalises language tags from pages, feeds and users to the two-letter codes winnow works with. */
public final class Languages {
    /** The code used when the language is unknown. */
    public static final String UNKNOWN = "und";
    private static final Set<String> ISO_CODES = isoCodes();

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

    /** Whether a code is an ISO 639 language code (two letters, or three as ISO 639-2 has them). */
    public static boolean isIsoCode(String code) {
        if (code == null) {
            return false;
        }
        return ISO_CODES.contains(code);
    }

    private static Set<String> isoCodes() {
        Set<String> codes = new HashSet<>(Arrays.asList(Locale.getISOLanguages()));
        for (String two : Locale.getISOLanguages()) {
            try {
                codes.add(Locale.forLanguageTag(two).getISO3Language());
            } catch (MissingResourceException e) {
                // no three-letter form known for it
            }
        }
        return Set.copyOf(codes);
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
