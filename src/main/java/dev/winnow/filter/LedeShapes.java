package dev.winnow.filter;

/**
 * Recognises the shape of another story's lede: a line of one sentence that opens with a definite article
 * ({@link OpeningWords}) whose head noun (the word after it) the article uses nowhere else. A lede names
 * its story's subject in its first words ("El alcalde ordena a la policía…"); the article's own lines
 * that open that way mostly name what the article is about, which comes back in its title or other lines.
 * Nouns are compared as the language's analysis chain stems them, so that a plural or another inflection
 * of the same noun counts as the same ("presidente", "presidentes").
 */
final class LedeShapes {
    private LedeShapes() {
    }

    /**
     * Whether the line has a lede's shape: one sentence, opening with a definite article of {@code lang},
     * whose next word's term occurs in no other line nor the title.
     *
     * @param text       the line as written (for its sentences)
     * @param key        the line's {@link dev.winnow.article.TitleKeys key} (for its first word)
     * @param line       the line's analysis: its distinct words in order, and its terms
     * @param whole      the terms of the whole article, title included
     * @param vocabulary the batch's words and terms of the article's language
     */
    static boolean hasLedeShape(String text, String key, LineAnalysis line, TermBag whole, Vocabulary vocabulary,
                                String lang) {
        int first = key.indexOf(' ');
        if (first <= 0 || line.words().length < 2 || !OpeningWords.isDefiniteArticle(key.substring(0, first), lang)
                || !isOneSentence(text)) {
            return false;
        }
        // The article is the line's first distinct word, its head noun the second (numbers are no words).
        int head = vocabulary.termOfWord(line.words()[1]);
        return head >= 0 && line.terms().count(head) == whole.count(head);
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
