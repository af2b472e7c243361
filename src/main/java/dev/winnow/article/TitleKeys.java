package dev.winnow.article;

import java.text.Normalizer;

/**
 * Reduces a title or a line to a comparison key (lower case, accents and punctuation dropped, spaces
 * collapsed), so that a headline injected into another article's body is found again by exact lookup
 * even when its quotes, dashes or capitals differ.
 */
public final class TitleKeys {

    private TitleKeys() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        // Called for every body line by the filter: one pass, decomposing accents only when there are any.
        String s = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
