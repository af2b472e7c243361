package dev.winnow.filter;

import dev.winnow.lang.WordLists;
import java.util.List;
import java.util.Map;

/**
 * The definite articles a line may open with, per language ({@code words/<lang>/definite-articles.txt}, in
 * {@link dev.winnow.article.TitleKeys} form: lower case, no accents; French "l'" folds to "l"). A news lede
 * names its subject at once, and in these languages it mostly does so with a definite article ("El alcalde
 * ordena…", "O plástico descartável…", "Die Regierung will…"): the opening {@link LedeShapes} looks for.
 */
final class OpeningWords {
    private static final Map<String, List<String>> DEFINITE = WordLists.byLanguage("definite-articles");
    /** For an article in a language without a list: any of them. */
    private static final List<String> ANY = WordLists.all("definite-articles");

    private OpeningWords() {
    }

    /** Whether the word (key form) is a definite article of the language. */
    static boolean isDefiniteArticle(String word, String lang) {
        return DEFINITE.getOrDefault(lang, ANY).contains(word);
    }
}
