package dev.winnow.filter;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The definite articles a line may open with, per language, in {@link dev.winnow.article.TitleKeys} form
 * (lower case, no accents; French "l'" folds to "l"). A news lede names its subject at once, and in these
 * languages it mostly does so with a definite article ("El alcalde ordena…", "O plástico descartável…",
 * "Die Regierung will…"): the opening {@link LedeShapes} looks for.
 */
final class OpeningWords {
    private static final Map<String, Set<String>> DEFINITE = Map.of(
            "en", Set.of("the"),
            "es", Set.of("el", "la", "los", "las"),
            "pt", Set.of("o", "a", "os", "as"),
            "fr", Set.of("le", "la", "les", "l"),
            "de", Set.of("der", "die", "das", "den", "dem", "des"),
            "it", Set.of("il", "lo", "la", "i", "gli", "le", "l"));
    /** For an article in a language without a list: any of them. */
    private static final Set<String> ANY = DEFINITE.values().stream().flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    private OpeningWords() {
    }

    /** Whether the word (key form) is a definite article of the language. */
    static boolean isDefiniteArticle(String word, String lang) {
        return DEFINITE.getOrDefault(lang, ANY).contains(word);
    }
}
