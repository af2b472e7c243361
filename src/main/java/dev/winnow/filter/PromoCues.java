package dev.winnow.filter;

import dev.winnow.article.TitleKeys;
import dev.winnow.lang.WordLists;
import java.util.List;
import java.util.Set;

/**
 * Scores how much a line reads like a newsletter, social, app or advertising prompt rather than news:
 * a call to action ("subscribe", "síguenos", "baixe o app"), a channel ("newsletter", "WhatsApp"), the
 * outlet addressing its reader ("our", "nuestro"), or a bare label ("Advertisement", "Publicidad").
 *
 * <p>The lexicon is generic vocabulary of such prompts in the languages winnow knows, matched on
 * {@link TitleKeys} form (lower case, no accents, punctuation as spaces), never copies of known lines.
 * A news paragraph about Facebook mentions a channel too; that is why this is one signal among several
 * and why only the whole-line label scores 1 on its own.
 */
final class PromoCues {
    private static final Set<String> LABELS = Set.copyOf(WordLists.union("ad-lines", "share-labels", "promo-labels"));
    static final List<String> ACTIONS = WordLists.all("promo-actions");
    static final List<String> CHANNELS = WordLists.all("promo-channels");
    static final List<String> SELF = WordLists.all("promo-self");


    private PromoCues() {
    }

    /** Whether the whole line is a bare advertising, sharing or page-furniture label ("Anzeige"). */
    static boolean isLabelKey(String key) {
        return LABELS.contains(key);
    }

    /** 0 (no cue) to 1 (a bare promo label, or action and channel together). */
    static double score(String line) {
        return scoreKey(TitleKeys.of(line));
    }

    /** {@link #score(String)} of a line already reduced to its {@link TitleKeys} form. */
    static double scoreKey(String key) {
        return scoreKey(key, CuePhrases.find(key));
    }

    /** {@link #scoreKey(String)} with the key's cue phrases already found. */
    static double scoreKey(String key, PhraseSet.Kind found) {
        if (key.isEmpty()) {
            return 0;
        }
        if (LABELS.contains(key)) {
            return 1;
        }
        double s = 0;
        s += found.has(CuePhrases.ACTION) ? 0.5 : 0;
        s += found.has(CuePhrases.CHANNEL) ? 0.35 : 0;
        s += found.has(CuePhrases.SELF) ? 0.15 : 0;
        return Math.min(1, s);
    }
}
