package dev.winnow.index;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The spellings one edit away from a word (a letter left out, added, changed, or two letters swapped):
 * what a word marked fuzzy most likely was meant to be. Words are compared as the surface fields hold them,
 * lower-cased and accent-folded, so the letters tried are {@code a-z}, the digits and the word's own.
 */
final class NearSpellings {
    private static final String LATIN = "abcdefghijklmnopqrstuvwxyz0123456789";

    private NearSpellings() {
    }

    /** The word itself and every spelling one edit away from it. */
    static Set<String> oneEditAway(String word) {
        Set<String> out = new LinkedHashSet<>();
        out.add(word);
        String letters = alphabet(word);
        for (int i = 0; i <= word.length(); i++) {
            String head = word.substring(0, i);
            String tail = word.substring(i);
            if (!tail.isEmpty()) {
                out.add(head + tail.substring(1));
                if (tail.length() > 1) {
                    out.add(head + tail.charAt(1) + tail.charAt(0) + tail.substring(2));
                }
            }
            for (int c = 0; c < letters.length(); c++) {
                out.add(head + letters.charAt(c) + tail);
                if (!tail.isEmpty()) {
                    out.add(head + letters.charAt(c) + tail.substring(1));
                }
            }
        }
        out.remove("");
        return out;
    }

    private static String alphabet(String word) {
        StringBuilder b = new StringBuilder(LATIN);
        word.chars().filter(c -> b.indexOf(String.valueOf((char) c)) < 0).forEach(c -> b.append((char) c));
        return b.toString();
    }
}
