package dev.winnow.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists of word phrases ("sign up", "follow us") in {@link dev.winnow.article.TitleKeys} form, each list a
 * {@link Kind}: a line's words are numbered once against all phrase words, then every phrase is looked up
 * by its first word — one lookup per word of the line, whatever the number of phrases.
 */
final class PhraseSet {
    /** Sparse (a few hundred words in 4096 slots): most words of a line are no phrase word, and meet an empty slot. */
    private final CharIds words = new CharIds(4096);
    /** Per word id: the phrases (as word ids) starting with that word, with the kind each belongs to. */
    private final List<List<int[]>> byFirstWord = new ArrayList<>();
    private final int kinds;

    /** A set of phrase lists: list k makes {@link Kind#has has(k)} true. */
    PhraseSet(List<List<String>> lists) {
        this.kinds = lists.size();
        for (int k = 0; k < lists.size(); k++) {
            for (String phrase : lists.get(k)) {
                String[] ws = phrase.split(" ");
                int[] entry = new int[ws.length + 1];
                entry[0] = k;
                for (int w = 0; w < ws.length; w++) {
                    char[] chars = ws[w].toCharArray();
                    entry[w + 1] = words.idOf(chars, chars.length);
                }
                while (byFirstWord.size() <= entry[1]) {
                    byFirstWord.add(new ArrayList<>(1));
                }
                byFirstWord.get(entry[1]).add(entry);
            }
        }
    }

    /** Which of the lists have a phrase in the key (words separated by single spaces), word for word. */
    Kind find(String key) {
        int[] ids = new int[key.length() / 2 + 1];
        int n = wordIds(key, ids);
        boolean[] found = new boolean[kinds];
        for (int i = 0; i < n; i++) {
            if (ids[i] < 0 || ids[i] >= byFirstWord.size()) {
                continue;
            }
            for (int[] entry : byFirstWord.get(ids[i])) {
                if (!found[entry[0]] && startsAt(ids, n, i, entry)) {
                    found[entry[0]] = true;
                }
            }
        }
        return new Kind(found);
    }

    /**
     * Writes the key's words as phrase-word ids (-1 for a word no phrase uses) into {@code ids}, which has
     * room for every word (half the key's length, plus one); returns how many. Read in one pass.
     */
    private int wordIds(String key, int[] ids) {
        int length = key.length();
        // Read out of the string at once, with room for a closing space: cheaper than charAt on every line.
        char[] chars = new char[length + 1];
        key.getChars(0, length, chars, 0);
        chars[length] = ' ';
        int n = 0;
        int from = 0;
        int h = 0;
        for (int i = 0; i <= length; i++) {
            char c = chars[i];
            if (c != ' ') {
                h = 31 * h + c;
                continue;
            }
            if (i > from) {
                ids[n++] = words.find(chars, from, i, h);
            }
            from = i + 1;
            h = 0;
        }
        return n;
    }

    private static boolean startsAt(int[] ids, int n, int at, int[] entry) {
        int length = entry.length - 1;
        if (at + length > n) {
            return false;
        }
        for (int k = 1; k < length; k++) {
            if (ids[at + k] != entry[k + 1]) {
                return false;
            }
        }
        return true;
    }

    /** Which phrase lists a line holds a phrase of. */
    record Kind(boolean[] found) {
        boolean has(int list) {
            return found[list];
        }
    }
}
