package dev.winnow.filter;

import java.util.List;

/**
 * Recognises the shape of another story's lede: a line of one sentence that opens with a definite article
 * ({@link OpeningWords}) whose head noun (the word after it) the article uses nowhere else. A lede names
 * its story's subject in its first words ("El alcalde ordena a la policía…"); the article's own lines
 * that open that way mostly name what the article is about, which comes back in its title or other lines.
 * Nouns are compared by their first {@value #STEM_CHARS} letters, so that a plural or another inflection
 * of the same noun counts as the same ("presidente", "presidentes").
 */
final class LedeShapes {
    /** Letters of the head noun compared with the rest of the article (a crude, language-free stem). */
    static final int STEM_CHARS = 5;
    /** A head noun shorter than this ("one", "dos") tells nothing. */
    private static final int MIN_HEAD_CHARS = 3;

    private LedeShapes() {
    }

    /**
     * Whether line {@code i} has a lede's shape: one sentence, opening with a definite article of
     * {@code lang}, whose next word's stem starts no word of the title nor of any other line.
     *
     * @param text     the line as written (for its sentences)
     * @param keys     every line's {@link dev.winnow.article.TitleKeys key}
     * @param titleKey the title's key
     */
    static boolean hasLedeShape(int i, String text, List<String> keys, String titleKey, String lang) {
        String key = keys.get(i);
        int first = key.indexOf(' ');
        if (first <= 0 || !OpeningWords.isDefiniteArticle(key.substring(0, first), lang)) {
            return false;
        }
        int end = key.indexOf(' ', first + 1);
        String head = key.substring(first + 1, end < 0 ? key.length() : end);
        if (head.length() < MIN_HEAD_CHARS || !Character.isLetter(head.charAt(0)) || !isOneSentence(text)) {
            return false;
        }
        String stem = head.length() > STEM_CHARS ? head.substring(0, STEM_CHARS) : head;
        if (startsAWord(titleKey, stem)) {
            return false;
        }
        for (int k = 0; k < keys.size(); k++) {
            if (k != i && startsAWord(keys.get(k), stem)) {
                return false;
            }
        }
        return true;
    }

    /** Whether some word of the key starts with the stem. */
    static boolean startsAWord(String key, String stem) {
        for (int at = key.indexOf(stem); at >= 0; at = key.indexOf(stem, at + 1)) {
            if (at == 0 || key.charAt(at - 1) == ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text holds at most one sentence: no sentence end (. ! ? …) followed by a space and a
     * capital or an opening quote before its last characters. A lede pasted in is one or two sentences;
     * only the first, alone, has the shape (a paragraph of several is the article's prose more often).
     */
    static boolean isOneSentence(String text) {
        int n = text.length();
        for (int i = 0; i + 2 < n; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '…') && Character.isWhitespace(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < n && (Character.isUpperCase(text.charAt(j)) || "\"“«¿¡".indexOf(text.charAt(j)) >= 0)) {
                    return false;
                }
            }
        }
        return true;
    }
}
