package dev.winnow.filter;

import dev.winnow.article.TitleKeys;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    private static final Map<String, List<String>> OPENERS = Map.of(
            "en", List.of("also", "but", "and", "however", "meanwhile", "moreover", "furthermore", "still", "yet",
                    "this", "that", "these", "those", "it", "he", "she", "they", "his", "her", "their", "its",
                    "such", "then", "instead", "besides", "finally", "in addition", "though", "although", "or",
                    "nor", "even so", "as a result", "in turn", "by contrast", "otherwise", "likewise"),
            "es", List.of("tambien", "ademas", "asimismo", "sin embargo", "no obstante", "por ultimo",
                    "por otro lado", "por otra parte", "de hecho", "por su parte", "en cambio", "por eso",
                    "por ello", "ese", "esa", "eso", "esto", "este", "esta", "estos", "estas", "esos", "esas",
                    "ello", "ella", "ellos", "ellas", "dicho", "dicha", "dichos", "dichas", "aunque",
                    "pero", "y", "e", "entonces", "incluso", "sino", "luego", "mientras tanto", "asi", "aun asi"),
            "pt", List.of("tambem", "alem disso", "porem", "mas", "no entanto", "entretanto", "contudo", "ele",
                    "ela", "eles", "elas", "isso", "isto", "esse", "essa", "este", "esta", "esses", "essas",
                    "por isso", "assim", "ainda", "e", "inclusive", "todavia", "enquanto isso", "por outro lado",
                    "por sua vez", "alias", "dessa forma", "desta forma", "nesse sentido"),
            "fr", List.of("mais", "cependant", "pourtant", "aussi", "en outre", "par ailleurs", "il", "elle",
                    "ils", "elles", "ce", "cette", "ces", "cela", "ceci", "ainsi", "enfin", "toutefois",
                    "neanmoins", "et", "or", "donc", "de plus", "en revanche", "d ailleurs", "pour autant"),
            "de", List.of("aber", "doch", "auch", "ausserdem", "zudem", "allerdings", "jedoch", "er", "sie",
                    "dies", "diese", "dieser", "dieses", "damit", "dabei", "dennoch", "trotzdem", "deshalb",
                    "daher", "und", "oder", "dazu", "darum", "demnach", "stattdessen", "ebenso"));
    private static final String QUOTES = "\"“„«‘'‹»—–";
    private static final Pattern INTERVIEW = Pattern.compile("[QAPRF][:.]\\s");

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
        return !s.isEmpty() && (QUOTES.indexOf(s.charAt(0)) >= 0 || INTERVIEW.matcher(s).lookingAt());
    }

    /**
     * Whether the line opens with an interview label ("Q:", "A:", "P:", "R:", "F:"): a turn of a
     * question-and-answer piece, which is built of such turns.
     */
    static boolean opensWithInterviewLabel(String line) {
        return INTERVIEW.matcher(line.stripLeading()).lookingAt();
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
