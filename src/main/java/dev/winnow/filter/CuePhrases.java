package dev.winnow.filter;

import java.util.List;

/**
 * The phrase lists the filter looks for in a line's {@link dev.winnow.article.TitleKeys} form — the promo
 * cues' calls to action, channels and outlet self-references ({@link PromoCues}) and the credit lines'
 * phrases ({@link Credits}) — found together in one pass over the line's words.
 */
final class CuePhrases {
    static final int ACTION = 0;
    static final int CHANNEL = 1;
    static final int SELF = 2;
    static final int CREDIT = 3;

    private static final PhraseSet PHRASES = new PhraseSet(
            List.of(PromoCues.ACTIONS, PromoCues.CHANNELS, PromoCues.SELF, Credits.PHRASES));

    private CuePhrases() {
    }

    /** Which lists have a phrase in the key ({@link #ACTION}, {@link #CHANNEL}, {@link #SELF}, {@link #CREDIT}). */
    static PhraseSet.Kind find(String key) {
        return PHRASES.find(key);
    }
}
