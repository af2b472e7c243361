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

    /**
     * Left out like an accent's mark, not read as a separator: pages put soft hyphens inside long words as
     * hyphenation hints, and "Bundes&amp;shy;regierung" is the word "Bundesregierung".
     */
    private static final int SOFT_HYPHEN = 0xAD;

    /** ASCII letters and digits in lower case; a space for every other ASCII character (a separator). */
    private static final char[] ASCII = new char[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ';
        }
    }

    private TitleKeys() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        // Called for every body line by the filter and the extractor: one pass over the text; ASCII through a
        // table without branches (a word boundary is as likely as not, so branches would be mispredicted), other
        // characters through Unicode decomposition, one character at a time, memoised.
        int n = text.length();
        char[] in = new char[n];
        text.getChars(0, n, in, 0);
        // Room for every character and a spare few: only a character folded into several ("ß", "æ") needs more.
        char[] out = new char[n + 8];
        int length = 0;
        // A separator right after a letter or digit is written as a space and kept; the separators after it
        // land on the same slot and are overwritten. So the key grows by one addition a character, which
        // depends on the character before alone, not on the key's length (a trailing space is cut at the end).
        int afterLetter = 0;
        for (int i = 0; i < n; ) {
            char c = in[i];
            if (c < 0x80) {
                i++;
                char lower = ASCII[c];
                int letter = lower != ' ' ? 1 : 0;
                out[length] = lower;
                length += letter | afterLetter;
                afterLetter = letter;
                continue;
            }
            int cp = Character.codePointAt(in, i, n);
            i += Character.charCount(cp);
            String folded = folded(cp);
            if (!folded.isEmpty()) {
                if (length + folded.length() + 1 + (n - i) > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2 + folded.length());
                }
                folded.getChars(0, folded.length(), out, length);
                length += folded.length();
                afterLetter = 1;
            } else if (!isMark(cp) && cp != SOFT_HYPHEN) {
                out[length] = ' ';
                length += afterLetter;
                afterLetter = 0;
            }
        }
        if (length > 0 && out[length - 1] == ' ') {
            length--;
        }
        return new String(out, 0, length);
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
