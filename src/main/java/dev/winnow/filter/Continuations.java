package dev.winnow.filter;

import dev.winnow.article.TitleKeys;
import dev.winnow.lang.WordLists;
import java.util.List;
import java.util.Map;

/**
 * Recognises a line that leans on the text before it: one opening with a connective ("However",
 * "Además", "No entanto") or an anaphoric pronoun or demonstrative ("She", "Esto", "Diese"), or with a
 * quotation mark or an interview label. Such a line continues its article; a headline or the lede of another story stands on
 * its own and almost never opens that way.
 *
 * <p>Lists are per language (matched on {@link TitleKeys} form: lower case, no accents, so a pronoun that
 * folds onto an article, Spanish "él" onto "el", is left out); an article in a language without a list is
 * checked against all of them.
 */
final class Continuations {
    private static final Map<String, List<String>> OPENERS = WordLists.byLanguage("continuation-openers");
    private static final String QUOTES = "\"“„«‘'‹»—–";
    private static final String OPENING_QUOTES = "\"“„«";
    private static final String CLOSING_QUOTES = "\"”“»";
    /** Letters an interview label is made of ("Q:", "A.", "P:", "R:", "F:"), followed by a colon or dot and a space. */
    private static final String INTERVIEW_LETTERS = "QAPRF";

    private Continuations() {
    }

    /** Whether the line opens with a connective or anaphoric word of the language. */
    static boolean opensWithConnective(String line, String lang) {
        return keyOpensWithConnective(TitleKeys.of(line), lang);
    }

    /** {@link #opensWithConnective} of a line already reduced to its {@link TitleKeys} form. */
    static boolean keyOpensWithConnective(String key, String lang) {
        List<String> words = OPENERS.get(lang);
        if (words != null) {
            return startsWithAny(key, words);
        }
        for (List<String> list : OPENERS.values()) {
            if (startsWithAny(key, list)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the line opens as reported speech: a quotation mark, a dialogue dash, or an interview label
     * ("Q:", "A:", "P:", "R:", "F:").
     */
    static boolean opensWithQuote(String line) {
        String s = line.stripLeading();
        return !s.isEmpty() && (QUOTES.indexOf(s.charAt(0)) >= 0 || isInterviewLabel(s));
    }

    /**
     * Whether the line is one quotation from its first character to its last (a closing stop after the
     * quotation mark allowed), with no other quotation mark inside: reported speech set apart, which an
     * article quotes; another story's headline is its own words, not a quote.
     */
    static boolean isWhollyQuoted(String line) {
        String s = line.strip();
        if (s.endsWith(".") || s.endsWith(",")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() < 3 || OPENING_QUOTES.indexOf(s.charAt(0)) < 0 || CLOSING_QUOTES.indexOf(s.charAt(s.length() - 1)) < 0) {
            return false;
        }
        String inner = s.substring(1, s.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            if (OPENING_QUOTES.indexOf(inner.charAt(i)) >= 0 || CLOSING_QUOTES.indexOf(inner.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the line opens with an interview label ("Q:", "A:", "P:", "R:", "F:"): a turn of a
     * question-and-answer piece, which is built of such turns.
     */
    static boolean opensWithInterviewLabel(String line) {
        return isInterviewLabel(line.stripLeading());
    }

    /** Whether {@code s} opens with an interview label: checked by hand, as every line of every article is. */
    private static boolean isInterviewLabel(String s) {
        return s.length() >= 3 && INTERVIEW_LETTERS.indexOf(s.charAt(0)) >= 0
                && (s.charAt(1) == ':' || s.charAt(1) == '.') && isRegexSpace(s.charAt(2));
    }

    /** The characters {@code \\s} matches in a Java pattern without Unicode classes. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether the key opens with one of the words (or phrases) as a whole word. */
    private static boolean startsWithAny(String key, List<String> words) {
        for (String w : words) {
            if (key.startsWith(w) && (key.length() == w.length() || key.charAt(w.length()) == ' ')) {
                return true;
            }
        }
        return false;
    }
}
