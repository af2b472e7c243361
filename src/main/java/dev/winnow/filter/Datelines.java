package dev.winnow.filter;

import java.util.regex.Pattern;

/**
 * Recognises a news dateline opening a line: {@code WASHINGTON (AP) —}, {@code PORTO ALEGRE -},
 * {@code 12 juillet 2012. -}. A dateline opens a story; met after the first line of an article, it
 * usually opens another one (a lede pasted from elsewhere).
 */
final class Datelines {
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
            + "|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro"
            + "|novembro|dezembro|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre"
            + "|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile"
            + "|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre";
    private static final String DATE = "\\d{1,2}(?:er|º|\\.)?\\s+(?:de\\s+)?(?i:" + MONTHS + ")(?:\\s+(?:de\\s+)?\\d{4})?"
            + "|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}";
    /** A place in capitals (up to four words, commas allowed), optionally an agency in brackets. */
    private static final String PLACE = "\\p{Lu}[\\p{Lu}.'’-]+(?:[\\s,]+\\p{Lu}[\\p{L}.'’-]*){0,3}"
            + "(?:\\s*\\([\\p{L}\\s.]{1,20}\\))?";
    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*(?:" + DATE + "|" + PLACE + ")\\s*[.,]?\\s*[-–—]\\s+");

    private Datelines() {
    }

    static boolean opens(String line) {
        // A dateline opens with a digit (a date) or two capitals or a capital and a dot (a place): most
        // lines do neither, and are spared the pattern.
        int n = line.length();
        int i = 0;
        while (i < n && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i + 1 >= n) {
            return false;
        }
        char first = line.charAt(i);
        char second = line.charAt(i + 1);
        boolean place = Character.isUpperCase(first)
                && (Character.isUpperCase(second) || ".'’-".indexOf(second) >= 0);
        return (place || Character.isDigit(first)) && hasDash(line) && DATELINE.matcher(line).lookingAt();
    }

    /**
     * Whether the line holds a dash at all, which the pattern needs after the place or date: lines opening
     * with a number or an acronym are common, datelines rare, and a search for a character is far cheaper
     * than a try of the pattern.
     */
    private static boolean hasDash(String line) {
        return line.indexOf('-') >= 0 || line.indexOf('\u2013') >= 0 || line.indexOf('\u2014') >= 0;
    }
}
