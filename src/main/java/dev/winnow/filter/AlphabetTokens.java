package dev.winnow.filter;

import dev.winnow.lang.LanguageAnalyzers;

/**
 * Lucene's standard tokenisation (Unicode word boundaries, as {@code StandardTokenizer} applies them) of a
 * text written in the Latin, Greek or Cyrillic alphabet, digits and common punctuation, done by hand: the
 * filter reads every line of every article, and for such text — most news in the languages it has chains
 * for, and Greek, Russian, Ukrainian, Bulgarian or Serbian news, which it reads without a chain of their
 * own — this is several times cheaper than the general tokenizer. A text with any other character (another
 * script, combining marks, emoji, a control, an underscore…) is not split here, and the caller uses the
 * Lucene tokenizer.
 *
 * <p>A test checks the tokens against Lucene's on random text over these alphabets.
 */
final class AlphabetTokens {
    /** What {@link #split} hands each token to. */
    interface Sink {
        void token(char[] text, int from, int to);
    }

    /** Tokens longer than this are cut by the Lucene tokenizer; such text is left to it. */
    private static final int MAX_TOKEN_LENGTH = 255;

    private static final byte UNSUPPORTED = 0;
    private static final byte OTHER = 1;
    /** Joins two letters (":"). */
    private static final byte MID_LETTER = 2;
    /** Joins two letters or two digits (". ' ’ ‘"). */
    private static final byte MID_NUM_LET = 3;
    /** Joins two digits (", ;"). */
    private static final byte MID_NUM = 4;
    /**
     * The soft hyphen, a format character: the Unicode word-break rules (and Lucene's tokenizer) pass over it,
     * so inside a word it belongs to the word ("Bundes\u00adregierung" is one token) and between words it is
     * nothing.
     */
    private static final byte FORMAT = 5;
    /** Letters and digits last, so that one comparison tells a token's characters. */
    private static final byte LETTER = 6;
    private static final byte DIGIT = 7;

    /** Classes of the characters below U+0500: Latin up to Extended-B, Greek and Cyrillic. */
    private static final byte[] CLASS = new byte[0x500];

    static {
        for (char c = 0; c < 0x80; c++) {
            CLASS[c] = OTHER;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = LETTER;
            CLASS[c - 'a' + 'A'] = LETTER;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        CLASS[':'] = MID_LETTER;
        CLASS['.'] = MID_NUM_LET;
        CLASS['\''] = MID_NUM_LET;
        CLASS[','] = MID_NUM;
        CLASS[';'] = MID_NUM;
        // Joins letters and digits into one token: left to the Lucene tokenizer, being rare in prose.
        CLASS['_'] = UNSUPPORTED;
        // Not "©" and "®": Lucene's tokenizer keeps such emoji-capable symbols as tokens of their own.
        for (char c : "\u00a0¡¢£¤¥¦§«¬°±¶»¿".toCharArray()) {
            CLASS[c] = OTHER;
        }
        for (char c = 0xC0; c < 0x250; c++) {
            CLASS[c] = LETTER;
        }
        CLASS[0xD7] = OTHER;
        CLASS[0xF7] = OTHER;
        // Greek and Cyrillic letters join and break as Latin ones do; their other signs (tonos, the ano teleia
        // and question mark, numeral and thousands signs) and combining marks, none of them letters, are left out.
        for (char c = 0x386; c < 0x500; c++) {
            CLASS[c] = Character.isLetter(c) ? LETTER : UNSUPPORTED;
        }
        CLASS[LanguageAnalyzers.SOFT_HYPHEN] = FORMAT;
    }

    private AlphabetTokens() {
    }

    /**
     * Hands the tokens of {@code text[0..length)} to the sink, in order, and returns true; or returns false,
     * having handed nothing, when the text holds a character this does not know the word-boundary class of.
     */
    static boolean split(char[] text, int length, Sink sink) {
        // Token bounds are gathered first, so that nothing is handed over for a text left to Lucene.
        Bounds tokens = new Bounds();
        int start = -1;
        for (int i = 0; i < length; i++) {
            byte c = classOf(text[i]);
            if (c >= LETTER) {
                if (start < 0) {
                    start = i;
                }
                continue;
            }
            if (c == UNSUPPORTED) {
                return false;
            }
            if (c == FORMAT) {
                continue; // part of the word it stands in, or of the separators it stands between
            }
            // Most characters between words are spaces and other plain separators, which join nothing.
            if (start >= 0 && (c == OTHER || !joins(c, classBefore(text, i), classAfter(text, i, length)))) {
                if (!tokens.add(start, i)) {
                    return false;
                }
                start = -1;
            }
        }
        if (start >= 0 && !tokens.add(start, length)) {
            return false;
        }
        for (int k = 0; k < tokens.count; k += 2) {
            sink.token(text, tokens.bounds[k], tokens.bounds[k + 1]);
        }
        return true;
    }

    /** The start and end of each token found so far, one after the other. */
    private static final class Bounds {
        private int[] bounds = new int[16];
        private int count;

        /** Adds a token; false when it is longer than the Lucene tokenizer would keep whole. */
        boolean add(int from, int to) {
            if (to - from > MAX_TOKEN_LENGTH) {
                return false;
            }
            if (count + 2 > bounds.length) {
                bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[count++] = from;
            bounds[count++] = to;
            return true;
        }
    }

    /** Whether a middle character of class {@code mid} between {@code before} and {@code after} joins them. */
    private static boolean joins(byte mid, byte before, byte after) {
        return switch (mid) {
            case MID_LETTER -> before == LETTER && after == LETTER;
            case MID_NUM_LET -> before == after && (before == LETTER || before == DIGIT);
            case MID_NUM -> before == DIGIT && after == DIGIT;
            default -> false;
        };
    }

    /** The class of the character before {@code i}, passing over format characters (there is one: a token's). */
    private static byte classBefore(char[] text, int i) {
        int k = i - 1;
        while (classOf(text[k]) == FORMAT) {
            k--;
        }
        return classOf(text[k]);
    }

    /** The class of the character after {@code i}, passing over format characters; OTHER at the text's end. */
    private static byte classAfter(char[] text, int i, int length) {
        int k = i + 1;
        while (k < length && classOf(text[k]) == FORMAT) {
            k++;
        }
        return k < length ? classOf(text[k]) : OTHER;
    }

    private static byte classOf(char c) {
        if (c < CLASS.length) {
            return CLASS[c];
        }
        return switch (c) {
            case '\u2018', '\u2019' -> MID_NUM_LET;
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u201a', '\u201c', '\u201d',
                 '\u201e', '\u2020', '\u2021', '\u2022', '\u2026', '\u2030', '\u2039', '\u203a', '\u20ac',
                 '\u2212' -> OTHER;
            default -> UNSUPPORTED;
        };
    }
}
