package dev.winnow.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of several ordered phrase lists matches a string of space-separated words, by whole words
 * and with hash lookups rather than regular expressions (it runs on every class name of every page).
 * A list is written as alternatives joined by {@code |}; in an alternative {@code ?} makes the character
 * before it optional ({@code comments?}, {@code sign ?up}) and a trailing {@code *} makes it a prefix of
 * the last word ({@code advert*}).
 */
final class PhraseMatcher {
    private static final int MAX_WORDS = 3;

    private final Map<String, Integer> exact = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>();
    private final List<Integer> prefixRules = new ArrayList<>();
    private final List<Integer> prefixWords = new ArrayList<>();
    /** First word of every phrase of several words, with the most words such a phrase has. */
    private final Map<String, Integer> starts = new HashMap<>();

    PhraseMatcher(List<String> rules) {
        for (int i = 0; i < rules.size(); i++) {
            for (String alternative : rules.get(i).split("\\|")) {
                for (String phrase : expand(alternative.strip())) {
                    add(phrase, i);
                }
            }
        }
    }

    static PhraseMatcher of(String alternatives) {
        return new PhraseMatcher(List.of(alternatives));
    }

    private void add(String phrase, int rule) {
        String[] parts = phrase.replace("*", "").split(" ");
        if (parts.length > 1) {
            starts.merge(parts[0], parts.length, Math::max);
        }
        if (phrase.endsWith("*")) {
            String prefix = phrase.substring(0, phrase.length() - 1);
            prefixes.add(prefix);
            prefixRules.add(rule);
            prefixWords.add(words(prefix));
        } else {
            exact.merge(phrase, rule, Math::min);
        }
    }

    /** Spells out every optional character: "sign ?ups?" gives "signup", "sign up", "signups", "sign ups". */
    private static List<String> expand(String alternative) {
        int q = alternative.indexOf('?');
        if (q <= 0) {
            return List.of(alternative);
        }
        List<String> out = new ArrayList<>();
        String with = alternative.substring(0, q) + alternative.substring(q + 1);
        String without = alternative.substring(0, q - 1) + alternative.substring(q + 1);
        out.addAll(expand(with));
        out.addAll(expand(without));
        return out;
    }

    /** The lowest index of a rule with a phrase among the words, or -1. */
    int match(String words) {
        return words.isEmpty() ? -1 : match(words.split(" "));
    }

    /** As {@link #match(String)}, on words already split. */
    int match(String[] w) {
        int best = Integer.MAX_VALUE;
        for (int i = 0; i < w.length; i++) {
            String p = w[i];
            best = Math.min(best, lookup(p, 1));
            int longest = p.isEmpty() ? 1 : Math.min(MAX_WORDS, starts.getOrDefault(p, 1));
            for (int n = 2; n <= longest && i + n <= w.length; n++) {
                p = p + ' ' + w[i + n - 1];
                best = Math.min(best, lookup(p, n));
            }
        }
        return best == Integer.MAX_VALUE ? -1 : best;
    }

    private int lookup(String phrase, int words) {
        Integer rule = exact.get(phrase);
        int best = rule == null ? Integer.MAX_VALUE : rule;
        char first = phrase.isEmpty() ? ' ' : phrase.charAt(0);
        for (int k = 0; k < prefixes.size(); k++) {
            String prefix = prefixes.get(k);
            if (prefix.charAt(0) == first && prefixWords.get(k) == words && phrase.startsWith(prefix)) {
                best = Math.min(best, prefixRules.get(k));
            }
        }
        return best;
    }

    boolean matches(String words) {
        return match(words) >= 0;
    }

    boolean matches(String[] words) {
        return match(words) >= 0;
    }

    private static int words(String prefix) {
        int n = 1;
        for (int i = 0; i < prefix.length(); i++) {
            if (prefix.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }
}
