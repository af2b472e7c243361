package dev.winnow.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of word phrases ("sign up", "follow us") looked up by their first word, so that finding any of
 * them in a line costs one lookup per word of the line, not one search per phrase.
 */
final class PhraseSet {
    private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

    private PhraseSet() {
    }

    /** Phrases of space-separated words, in {@link dev.winnow.article.TitleKeys} form. */
    static PhraseSet of(List<String> phrases) {
        PhraseSet set = new PhraseSet();
        for (String p : phrases) {
            String[] words = p.split(" ");
            set.byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>(1)).add(words);
        }
        return set;
    }

    /** Whether the words hold one of the phrases, word for word. */
    boolean anyIn(String[] words) {
        for (int i = 0; i < words.length; i++) {
            List<String[]> candidates = byFirstWord.get(words[i]);
            if (candidates != null) {
                for (String[] phrase : candidates) {
                    if (startsAt(words, i, phrase)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsAt(String[] words, int at, String[] phrase) {
        if (at + phrase.length > words.length) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!phrase[k].equals(words[at + k])) {
                return false;
            }
        }
        return true;
    }
}
