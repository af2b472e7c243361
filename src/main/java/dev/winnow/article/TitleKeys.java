package dev.winnow.article;

import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reduces a title or a line to a comparison key (lower case, accents and punctuation dropped, spaces
 * collapsed), so that a headline injected into another article's body is found again by exact lookup
 * even when its quotes, dashes or capitals differ.
 */
public final class TitleKeys {
    private static final int MAX_MEMOISED = 20_000;
    private static final Map<Integer, String> FOLDED = new ConcurrentHashMap<>();

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
        String f = FOLDED.get(cp);
        if (f == null) {
            f = fold(cp);
            if (FOLDED.size() < MAX_MEMOISED) { // bounded: hostile text must not grow it without end
                FOLDED.put(cp, f);
            }
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
