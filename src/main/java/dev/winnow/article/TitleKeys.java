package dev.winnow.article;

import java.text.Normalizer;

/**
 * Reduces a title or a line to a comparison key (lower case, accents and punctuation dropped, spaces
 * collapsed), so that a headline injected into another article's body is found again by exact lookup
 * even when its quotes, dashes or capitals differ.
 */
public final class TitleKeys {
    /** Folded forms of the characters below U+3000 (Latin, Greek, Cyrillic, Arabic…), filled on first use. */
    private static final String[] FOLD_TABLE = new String[0x3000];

    private TitleKeys() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        // Called for every body line by the filter: one pass over the text; only non-ASCII characters go
        // through Unicode decomposition, one character at a time, memoised.
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            String folded = cp < 0x80 ? null : folded(cp);
            if (cp < 0x80 ? Character.isLetterOrDigit(cp) : !folded.isEmpty()) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                if (folded == null) {
                    out.append((char) Character.toLowerCase(cp));
                } else {
                    out.append(folded);
                }
            } else if (cp < 0x80 || !isMark(cp)) {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    private static String folded(int cp) {
        if (cp >= FOLD_TABLE.length) {
            // CJK and beyond carry no accents to strip.
            return Character.isLetterOrDigit(cp) ? new String(Character.toChars(Character.toLowerCase(cp))) : "";
        }
        String f = FOLD_TABLE[cp];
        if (f == null) {
            f = fold(cp);
            FOLD_TABLE[cp] = f; // a benign race: every thread computes the same value
        }
        return f;
    }

    /** A non-ASCII character reduced to its lower-case letters and digits without accents; "" if none. */
    private static String fold(int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(2);
        decomposed.codePoints().filter(c -> !isMark(c) && Character.isLetterOrDigit(c))
                .forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
        return sb.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
