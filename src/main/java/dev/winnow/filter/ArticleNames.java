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
        // How many lines (the title counted as one) use each name: words are sorted per line, so each line
        // is merged once with the article's sorted names.
        int[] names = distinctNames(lines);
        int[] using = new int[names.length];
        countLinesUsing(title.words(), names, using);
        for (LineAnalysis line : lines) {
            countLinesUsing(line.words(), names, using);
        }
        newNames = new int[lines.size()];
        sharedNames = new int[lines.size()];
        firstNewNameAt = new int[lines.size()];
        for (int l = 0; l < lines.size(); l++) {
            LineAnalysis line = lines.get(l);
            firstNewNameAt[l] = -1;
            for (int k = 0; k < line.names().length; k++) {
                if (using[Arrays.binarySearch(names, line.names()[k])] <= 1) {
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

    private static int[] distinctNames(List<LineAnalysis> lines) {
        int total = 0;
        for (LineAnalysis line : lines) {
            total += line.names().length;
        }
        int[] all = new int[total];
        int k = 0;
        for (LineAnalysis line : lines) {
            System.arraycopy(line.names(), 0, all, k, line.names().length);
            k += line.names().length;
        }
        return TermBag.ofIds(all, total).ids;
    }

    /** Adds one to the count of every name the line's (sorted, distinct) words hold. */
    private static void countLinesUsing(int[] words, int[] names, int[] using) {
        for (int i = 0, j = 0; i < words.length && j < names.length; ) {
            if (words[i] < names[j]) {
                i++;
            } else if (words[i] > names[j]) {
                j++;
            } else {
                using[j]++;
                i++;
                j++;
            }
        }
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
