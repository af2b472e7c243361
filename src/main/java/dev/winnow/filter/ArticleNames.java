package dev.winnow.filter;

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

    ArticleNames(LineAnalysis title, List<LineAnalysis> lines, int wordCount, String lang) {
        boolean capitalisesNouns = NOUN_CAPITALISING.contains(lang);
        // How many lines (the title counted as one) use each name: every word of every line is looked up
        // once among the names.
        Scratch using = Scratch.forIds(wordCount);
        for (LineAnalysis line : lines) {
            for (int name : line.names()) {
                using.put(name, 0);
            }
        }
        countLinesUsing(title.words(), using);
        for (LineAnalysis line : lines) {
            countLinesUsing(line.words(), using);
        }
        newNames = new int[lines.size()];
        sharedNames = new int[lines.size()];
        firstNewNameAt = new int[lines.size()];
        for (int l = 0; l < lines.size(); l++) {
            LineAnalysis line = lines.get(l);
            firstNewNameAt[l] = -1;
            for (int k = 0; k < line.names().length; k++) {
                if (using.get(line.names()[k]) <= 1) {
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

    private static void countLinesUsing(int[] distinctWords, Scratch using) {
        for (int w : distinctWords) {
            using.incrementIfPresent(w);
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
