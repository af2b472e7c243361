package dev.winnow.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The capitalised words of an article's lines (names, mostly) and which of them the rest of the article
 * also uses. The lede of another story brings its own cast — people, places, organisations the host
 * article never mentions — while the article's own lines keep returning to the same ones.
 *
 * <p>A line's first word is skipped (it is capitalised anyway). In German every noun is capitalised, so
 * there this counts nouns; that still measures what it is for, vocabulary the article does not share.
 */
final class ArticleNames {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'’-]*");
    private static final int MIN_LENGTH = 3;
    /** Languages that capitalise every noun: there a capital tells nothing about where a name sits. */
    private static final Set<String> NOUN_CAPITALISING = Set.of("de", "lb");

    private final List<Set<String>> namesByLine = new ArrayList<>();
    /** Per line, its names in order of first appearance, with the word position where each first occurs. */
    private final List<Map<String, Integer>> positionsByLine = new ArrayList<>();
    private final List<Set<String>> wordsByLine = new ArrayList<>();
    /** Lower-cased word → number of lines (title included) using it. */
    private final Map<String, Integer> lineCount = new HashMap<>();

    private final boolean capitalisesNouns;

    ArticleNames(String title, List<String> lines, String lang) {
        this.capitalisesNouns = NOUN_CAPITALISING.contains(lang);
        count(words(title, null));
        for (String line : lines) {
            Map<String, Integer> positions = new java.util.LinkedHashMap<>();
            Set<String> words = words(line, positions);
            namesByLine.add(positions.keySet());
            positionsByLine.add(positions);
            wordsByLine.add(words);
            count(words);
        }
    }

    /** Capitalised words of the line that no other line nor the title uses. */
    int newNames(int line) {
        int n = 0;
        for (String name : namesByLine.get(line)) {
            if (lineCount.get(name) <= 1) {
                n++;
            }
        }
        return n;
    }

    /**
     * The word position (0-based) of the first name of the line that no other line nor the title uses, or
     * -1 (always -1 in a language that capitalises nouns). A news lede opens on its subject ("La ministra de Salud, Carla Vizzotti, ...", "O deputado Arthur
     * Lira ..."): another story's lede names its own cast within its first few words.
     */
    int firstNewNameAt(int line) {
        if (capitalisesNouns) {
            return -1;
        }
        for (Map.Entry<String, Integer> e : positionsByLine.get(line).entrySet()) {
            if (lineCount.get(e.getKey()) <= 1) {
                return e.getValue();
            }
        }
        return -1;
    }

    /** Capitalised words of the line that the title or another line also uses. */
    int sharedNames(int line) {
        return namesByLine.get(line).size() - newNames(line);
    }

    private void count(Set<String> words) {
        words.forEach(w -> lineCount.merge(w, 1, Integer::sum));
    }

    /** The lower-cased words of the text; its names (with first word position) go into {@code names}. */
    private static Set<String> words(String text, Map<String, Integer> names) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text);
        int position = 0;
        while (m.find()) {
            String w = m.group();
            String lower = w.toLowerCase(Locale.ROOT);
            words.add(lower);
            if (names != null && position > 0 && w.length() >= MIN_LENGTH && Character.isUpperCase(w.codePointAt(0))) {
                names.putIfAbsent(lower, position);
            }
            position++;
        }
        return words;
    }
}
