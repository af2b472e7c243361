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

    private final List<Set<String>> namesByLine = new ArrayList<>();
    private final List<Set<String>> wordsByLine = new ArrayList<>();
    /** Lower-cased word → number of lines (title included) using it. */
    private final Map<String, Integer> lineCount = new HashMap<>();

    ArticleNames(String title, List<String> lines) {
        count(words(title, null));
        for (String line : lines) {
            Set<String> names = new HashSet<>();
            Set<String> words = words(line, names);
            namesByLine.add(names);
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

    /** Capitalised words of the line that the title or another line also uses. */
    int sharedNames(int line) {
        return namesByLine.get(line).size() - newNames(line);
    }

    private void count(Set<String> words) {
        words.forEach(w -> lineCount.merge(w, 1, Integer::sum));
    }

    private static Set<String> words(String text, Set<String> names) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text);
        boolean first = true;
        while (m.find()) {
            String w = m.group();
            String lower = w.toLowerCase(Locale.ROOT);
            words.add(lower);
            if (names != null && !first && w.length() >= MIN_LENGTH && Character.isUpperCase(w.codePointAt(0))) {
                names.add(lower);
            }
            first = false;
        }
        return words;
    }
}
