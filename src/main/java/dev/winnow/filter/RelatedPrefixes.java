package dev.winnow.filter;

import dev.winnow.article.TitleKeys;
import dev.winnow.lang.WordLists;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Recognises the lead-in that turns another story's headline into a "related" link: {@code Read more:},
 * {@code Lee también:}, {@code Leia também}, {@code À lire aussi :}, {@code Lesen Sie auch:} and their
 * kin in the languages winnow knows.
 *
 * <p>A known lead-in counts when it is followed by a separator (colon, dash, arrow, bar) or, without a
 * separator, when it is written in capitals as such labels usually are ({@code VEJA TAMBÉM ...}). A short
 * label with a separator whose words include a lead-in stem ("relacionad", "recommend", "lesen"…) counts
 * too, so that lead-ins missing from the list are still found. Any other capitalised label of one to three
 * words followed by a colon is reported as a weaker, generic lead-in.
 */
final class RelatedPrefixes {
    /** Lead-ins of related links, lower case; matched case-insensitively, with or without accents. */
    private static final List<String> LEAD_INS = WordLists.union("related-lead-ins", "related-labels",
            "related-lead-ins-filter");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String SEPARATOR = "\\s*[:：\\-–—|»>›▶►]+\\s*";
    private static final Pattern PATTERN = Pattern.compile(
            "^\\s*[\\[(«\"“]?(" + alternatives() + ")[\\])»\"”]?(" + SEPARATOR + "|\\s+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A short label (up to five words) and a separator, the shape of any lead-in. */
    private static final Pattern SEGMENT = Pattern.compile(
            "^\\s*[\\[(]?((?:[\\p{L}\\p{N}'’]+\\s+){0,4}[\\p{L}\\p{N}'’]+)\\s*[\\])]?\\s*[:|»>›▶►]+\\s+");
    /**
     * Word stems that make a short label a lead-in to other content when the exact phrase is not in the
     * list above ("Artículo relacionado:", "Notícias recomendadas:", "Weitere Artikel zum Thema:"); matched
     * at a word start on the label without accents.
     */
    private static final Pattern KEYWORD = Pattern.compile("(?<![\\p{L}\\p{N}])(relat|relacionad|leia|lee|lea|leer"
            + "|lesen|lire|lisez|read|veja|vea|mira|watch|interes|recomend|recommend|recomand|empfehl|siehe"
            + "|saiba|confira|weiterles|thema|sujet|noticia|nachricht|story|stories|artikel|article|articulo"
            + "|artigo|video|listen|escucha|imperdible|sugerimos|suggest|see also|voir aussi|mas informacion"
            + "|more on|no te pierdas|don t miss|dont miss)");
    private static final Pattern GENERIC = Pattern.compile("^\\s*(\\p{Lu}[\\p{Lu}'’]+(?:\\s+\\p{Lu}[\\p{Lu}'’]*){0,2})\\s*:\\s+");

    /**
     * The first words of the lead-ins in {@link TitleKeys} form: a cheap test before PATTERN. Sparse, as most
     * lines' first words are no lead-in's first word (see {@link PhraseSet}).
     */
    private static final CharIds FIRST_WORDS = new CharIds(1024);

    static {
        for (String leadIn : LEAD_INS) {
            String key = TitleKeys.of(leadIn);
            int space = key.indexOf(' ');
            char[] first = (space < 0 ? key : key.substring(0, space)).toCharArray();
            FIRST_WORDS.idOf(first, first.length);
        }
    }
    /** Separators a label may end with (SEGMENT, GENERIC), looked for within this many leading characters. */
    private static final String LABEL_ENDS = ":：|»>›▶►";
    private static final int LABEL_REACH = 120;
    /** A label has at most this many words (SEGMENT and GENERIC allow five and three). */
    private static final int LABEL_WORDS = 5;
    /** The ASCII characters of {@link #LABEL_ENDS}, by character. */
    private static final boolean[] ASCII_LABEL_ENDS = new boolean[0x80];

    static {
        LABEL_ENDS.chars().filter(c -> c < 0x80).forEach(c -> ASCII_LABEL_ENDS[c] = true);
    }

    private RelatedPrefixes() {
    }

    /** A lead-in found at the start of a line, and the headline that follows it. */
    record Match(String prefix, String rest, boolean known) {
    }

    /** The lead-in of the line, or null when it has none. */
    static Match find(String line) {
        return find(line, TitleKeys.of(line));
    }

    /** {@link #find(String)} of a line whose {@link TitleKeys} form is {@code key}. */
    static Match find(String line, String key) {
        // Most lines are prose: two cheap tests spare them the patterns (anchored at the line's start, so
        // matched with lookingAt, not find).
        Matcher m = opensWithLeadInWord(key) ? PATTERN.matcher(line) : null;
        if (m != null && m.lookingAt()) {
            String rest = line.substring(m.end()).strip();
            boolean separated = !m.group(2).isBlank();
            boolean capitals = m.group(1).equals(m.group(1).toUpperCase(Locale.ROOT));
            // A bare "Veja" or "More" opening a sentence is ordinary prose; it takes a separator or capitals.
            if (!rest.isEmpty() && (separated || capitals) && startsHeadline(rest)) {
                return new Match(m.group(1), rest, true);
            }
        }
        if (!hasLabelEnd(line)) {
            return null;
        }
        Matcher k = SEGMENT.matcher(line);
        if (k.lookingAt() && namesItsPurpose(fold(k.group(1)).toLowerCase(Locale.ROOT))) {
            String rest = line.substring(k.end()).strip();
            if (!rest.isEmpty() && startsHeadline(rest)) {
                return new Match(k.group(1), rest, true);
            }
        }
        Matcher g = GENERIC.matcher(line);
        if (g.lookingAt()) {
            String rest = line.substring(g.end()).strip();
            if (!rest.isEmpty() && startsHeadline(rest)) {
                return new Match(g.group(1), rest, false);
            }
        }
        return null;
    }

    /**
     * Whether a label's lead-in word ({@link #KEYWORD}) opens it or is its last word, as a lead-in names
     * what follows ("Artículo relacionado", "Weitere Artikel zum Thema", "Notícias recomendadas"); one
     * inside a longer label is a sentence's word ("Seine klare Empfehlung lautet: ...").
     */
    private static boolean namesItsPurpose(String label) {
        int lastWord = Math.max(label.lastIndexOf(' '), label.lastIndexOf('\'')) + 1;
        Matcher m = KEYWORD.matcher(label);
        while (m.find()) {
            if (m.start() == 0 || m.start() >= lastWord) {
                return true;
            }
        }
        return false;
    }

    private static boolean opensWithLeadInWord(String key) {
        int space = key.indexOf(' ');
        return FIRST_WORDS.find(key, 0, space < 0 ? key.length() : space) >= 0;
    }

    /** Whether a label separator comes within the line's first five words (the most a label has). */
    private static boolean hasLabelEnd(String line) {
        int blanks = 0;
        for (int i = 0, n = Math.min(line.length(), LABEL_REACH); i < n; i++) {
            char c = line.charAt(i);
            if (isLabelEnd(c)) {
                return true;
            }
            if (c == ' ' && i > 0 && line.charAt(i - 1) != ' ' && ++blanks > LABEL_WORDS) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the character is one of {@link #LABEL_ENDS}; asked of every line's first words, so an ASCII
     * character (most of them) is looked up in a table instead of searched for.
     */
    private static boolean isLabelEnd(char c) {
        return c < 0x80 ? ASCII_LABEL_ENDS[c] : LABEL_ENDS.indexOf(c) >= 0;
    }

    /**
     * Whether the text after a lead-in opens as a headline does: a capital, a digit, a quotation mark, or a
     * name written with its capital second ("iPhone", "eBay").
     */
    private static boolean startsHeadline(String rest) {
        int cp = rest.codePointAt(0);
        return Character.isUpperCase(cp) || Character.isDigit(cp) || "«\"“'‘¿¡".indexOf(cp) >= 0
                || Character.isLowerCase(cp) && rest.length() > 1 && Character.isUpperCase(rest.charAt(1));
    }

    private static String fold(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }

    private static String alternatives() {
        StringBuilder sb = new StringBuilder();
        // Each lead-in also without accents (scraped text often loses them); longest first, so that
        // "leia também" wins over "leia".
        Stream.concat(LEAD_INS.stream(), LEAD_INS.stream().map(RelatedPrefixes::fold)).distinct()
                .sorted((a, b) -> b.length() - a.length()).forEach(p -> {
            if (!sb.isEmpty()) {
                sb.append('|');
            }
            sb.append(Pattern.quote(p).replace(" ", "\\E\\s+\\Q"));
        });
        return sb.toString();
    }
}
