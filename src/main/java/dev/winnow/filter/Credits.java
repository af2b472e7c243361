package dev.winnow.filter;

import dev.winnow.lang.WordLists;
import java.util.List;

/**
 * Recognises the credit lines news articles carry about themselves — who reported, wrote, edited or
 * contributed ("Reporting by …; Editing by …", "… contributed to this report", "Con información de …",
 * "Mit Material von dpa", "…, BBC diplomatic correspondent"). They share no topic with the article and
 * often name people it never mentions, yet they are the article's own, and no other story's headline or
 * lede reads like one.
 *
 * <p>Matched on {@link dev.winnow.article.TitleKeys} form, as whole words.
 */
final class Credits {
    static final List<String> PHRASES = WordLists.all("credit-phrases");

    private Credits() {
    }

    /** Whether the line (in {@link dev.winnow.article.TitleKeys} form) reads as a credit line. */
    static boolean isCreditKey(String key) {
        return CuePhrases.find(key).has(CuePhrases.CREDIT);
    }
}
