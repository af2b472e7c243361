package dev.winnow.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces a title or a line to a comparison key (lower case, accents and punctuation dropped, spaces
 * collapsed), so that a headline injected into another article's body is found again by exact lookup
 * even when its quotes, dashes or capitals differ.
 */
public final class TitleKeys {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TitleKeys() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return s.strip();
    }
}
