package dev.winnow.filter;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The names of an article's lines — words written with a capital after a line's first word
 * ({@link LineAnalysis#names()}) — and which of them the rest of the article also uses. The lede of another
 * story brings its own cast — people, places, organisations the host article never mentions — while the
 * article's own lines keep returning to the same ones.
 *
 * <p>In German every noun is capitalised, so there this counts nouns; that still measures what it is for,
 * vocabulary the article does not share.
 */
final class ArticleNames {
    /** Languages that capitalise every noun: there a capital tells nothing about where a name sits. */
    private static final Set<String> NOUN_CAPITALISING = Set.of("de", "lb");

    private final int[] newNames;
    private final int[] sharedNames;
    private final int[] firstNewNameAt;

    ArticleNames(LineAnalysis title, List<LineAnalysis> lines, String lang) {
        boolean capitalisesNouns = NOUN_CAPITALISING.contains(lang);
        // How many lines (the title counted as one) use each word: every line's distinct words together,
        // sorted, so that a word's count is the length of its run.
        int total = title.words().length;
        for (LineAnalysis line : lines) {
            total += line.words().length;
        }
        int[] all = new int[total];
        int k0 = 0;
        System.arraycopy(title.words(), 0, all, k0, title.words().length);
        k0 += title.words().length;
        for (LineAnalysis line : lines) {
            System.arraycopy(line.words(), 0, all, k0, line.words().length);
            k0 += line.words().length;
        }
        Arrays.sort(all);
        newNames = new int[lines.size()];
        sharedNames = new int[lines.size()];
        firstNewNameAt = new int[lines.size()];
        for (int l = 0; l < lines.size(); l++) {
            LineAnalysis line = lines.get(l);
            firstNewNameAt[l] = -1;
            for (int k = 0; k < line.names().length; k++) {
                if (linesUsing(all, line.names()[k]) <= 1) {
                    newNames[l]++;
                    if (firstNewNameAt[l] < 0 && !capitalisesNouns) {
                        firstNewNameAt[l] = line.namePositions()[k];
                    }
                } else {
                    sharedNames[l]++;
                }
            }
        }
    }

    /** The length of the run of {@code word} in the sorted array. */
    private static int linesUsing(int[] sorted, int word) {
        int at = Arrays.binarySearch(sorted, word);
        if (at < 0) {
            return 0;
        }
        int from = at;
        int to = at;
        while (from > 0 && sorted[from - 1] == word) {
            from--;
        }
        while (to + 1 < sorted.length && sorted[to + 1] == word) {
            to++;
        }
        return to - from + 1;
    }

    /** Names of the line that no other line nor the title uses. */
    int newNames(int line) {
        return newNames[line];
    }

    /**
     * The word position (0-based) of the first name of the line that no other line nor the title uses, or
     * -1 (always -1 in a language that capitalises nouns). A news lede opens on its subject ("La ministra
     * de Salud, Carla Vizzotti, ...", "O deputado Arthur Lira ..."): another story's lede names its own
     * cast within its first few words.
     */
    int firstNewNameAt(int line) {
        return firstNewNameAt[line];
    }

    /** Names of the line that the title or another line also uses. */
    int sharedNames(int line) {
        return sharedNames[line];
    }
}
