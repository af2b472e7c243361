package dev.winnow.filter;

/**
 * Surface features of a line that tell a headline or a prompt from body prose: how many words, whether it
 * ends like a sentence, how much of it is capitalised.
 */
final class LineShape {
    private LineShape() {
    }

    static int words(String line) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < line.length(); i++) {
            boolean ws = Character.isWhitespace(line.charAt(i));
            if (!ws && !in) {
                n++;
            }
            in = !ws;
        }
        return n;
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

    /** Share of words of four letters or more that start with a capital: high in Title Case headlines. */
    static double capitalised(String line) {
        int words = 0;
        int caps = 0;
        int n = line.length();
        for (int i = 0; i < n; ) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i - start >= 4 && Character.isLetter(line.codePointAt(start))) {
                words++;
                if (Character.isUpperCase(line.codePointAt(start))) {
                    caps++;
                }
            }
        }
        return words == 0 ? 0 : (double) caps / words;
    }

    /**
     * Whether the line opens as an item of a list: a number of one or two digits with ")" or ".", or a
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
