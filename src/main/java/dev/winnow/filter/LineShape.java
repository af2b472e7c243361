package dev.winnow.filter;

/**
 * Surface features of a line that tell a headline or a prompt from body prose: how many words, whether it
 * ends like a sentence, how much of it is capitalised.
 */
final class LineShape {
    private LineShape() {
    }

    /**
     * The line's words (runs of non-blanks) and, among its words of four or more characters starting with
     * a letter, the share that start with a capital (high in Title Case headlines): both in one pass.
     */
    static Words count(String line) {
        int words = 0;
        int long4 = 0;
        int caps = 0;
        int n = line.length();
        // Read out of the string at once: the filter scans every line, and this is cheaper than charAt.
        char[] chars = new char[n];
        line.getChars(0, n, chars, 0);
        for (int i = 0; i < n; ) {
            while (i < n && isBlank(chars[i])) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(chars[i])) {
                i++;
            }
            if (i - start >= 4) {
                int initial = initial(chars, start, n);
                if (initial != NOT_LETTER) {
                    long4++;
                    caps += initial == CAPITAL ? 1 : 0;
                }
            }
            if (i > start) {
                words++;
            }
        }
        return new Words(words, long4 == 0 ? 0 : (double) caps / long4);
    }

    /** What a word's first character is ({@link #initial}): no letter, a letter, a capital letter. */
    static final int NOT_LETTER = 0;
    static final int LETTER = 1;
    static final int CAPITAL = 2;

    /**
     * What the character at {@code text[from]} (a code point ending before {@code to}) is: {@link #NOT_LETTER},
     * {@link #LETTER} or {@link #CAPITAL}. Asked of every word of every line, so ASCII, most words' first
     * character, is told without the Unicode tables.
     */
    static int initial(char[] text, int from, int to) {
        char c = text[from];
        if (c < 0x80) {
            return (c | 0x20) < 'a' || (c | 0x20) > 'z' ? NOT_LETTER : c <= 'Z' ? CAPITAL : LETTER;
        }
        int cp = Character.codePointAt(text, from, to);
        return !Character.isLetter(cp) ? NOT_LETTER : Character.isUpperCase(cp) ? CAPITAL : LETTER;
    }

    /** How many words a line has, and the share of its longer words that are capitalised. */
    record Words(int words, double capitalised) {
    }

    private static boolean isBlank(char c) {
        // Java's whitespace: these controls, and the space separators from U+1680 up (not the no-break ones).
        return c <= ' ' ? c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B
                || (c >= 0x1C && c <= 0x1F) : c >= 0x1680 && Character.isWhitespace(c);
    }

    /** Whether the line ends like prose (full stop, question, exclamation, ellipsis, colon, semicolon). */
    static boolean endsWithStop(String line) {
        for (int i = line.length() - 1; i >= 0; i--) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || "\"'”’»)]*".indexOf(c) >= 0) {
                continue; // closing quotes and brackets do not end a sentence, look past them
            }
            return ".!?…:;".indexOf(c) >= 0;
        }
        return false;
    }

    /**
     * Whether the line opens as an item of a list: a number of one or two digits with ")", "." or ".-", or a
     * bullet ({@code • · ▪ ► * – -}), then a space.
     */
    static boolean opensAsListItem(String line) {
        int i = 0;
        int n = line.length();
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        int digits = 0;
        while (i < n && digits < 3 && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 1 || digits == 2) {
            if (i >= n || (line.charAt(i) != ')' && line.charAt(i) != '.')) {
                return false;
            }
            i++;
            if (i < n && line.charAt(i - 1) == '.' && (line.charAt(i) == '-' || line.charAt(i) == '–')) {
                i++; // "1.- ", the Spanish numbered point
            }
        } else if (digits == 0 && i < n && "•·▪►*–-".indexOf(line.charAt(i)) >= 0) {
            i++;
        } else {
            return false;
        }
        return i + 1 < n && Character.isWhitespace(line.charAt(i)) && !Character.isWhitespace(line.charAt(i + 1));
    }

    /** Whether the line has any letter or digit at all (rules like "___" carry no text to judge). */
    static boolean hasText(String line) {
        return line.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
