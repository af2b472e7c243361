package dev.winnow.filter;

import java.util.List;

/**
 * Term statistics of the corpus the off-topic filter weighs words against — the index's own, plus the
 * batch being processed — and the titles of articles already known.
 *
 * <p>Terms are those produced by {@link dev.winnow.lang.LanguageAnalyzers#forLanguage(String)} for the
 * same language, so the filter and the index agree on what a term is.
 */
public interface CorpusStats {
    /** Number of documents in the language ({@code und} for the neutral chain). */
    long docCount(String lang);

    /** Number of documents in the language containing the analysed term. */
    long docFreq(String lang, String term);

    /**
     * {@link #docFreq} of many terms of one language, in their order: a batch asks for all its terms at
     * once, and a source that reads them cheaper together (one reader, one pass per segment) does so.
     */
    default long[] docFreqs(String lang, List<String> terms) {
        long[] out = new long[terms.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = docFreq(lang, terms.get(i));
        }
        return out;
    }

    /**
     * Whether an article other than {@code excludeUrl} has this title key
     * ({@link dev.winnow.article.TitleKeys#of(String)}).
     */
    boolean isKnownTitle(String titleKey, String excludeUrl);

    /**
     * The title keys {@link #isKnownTitle} is about to be asked about (a batch's lines): a source that
     * answers many cheaper together (one request to a remote index instead of one per line) reads them now.
     * A hint only: a key not announced is answered all the same.
     */
    default void prepareTitleChecks(List<String> titleKeys) {
    }

    /**
     * Number of documents other than {@code excludeUrl} holding a line with this key
     * ({@link dev.winnow.article.TitleKeys#of(String)}): a line repeated across articles is boilerplate
     * (a newsletter prompt, an advertising label), not news. Sources that do not track lines answer 0.
     */
    default long lineDocFreq(String lineKey, String excludeUrl) {
        return 0;
    }

    /** Whether {@link #lineDocFreq} is above 0; sources may answer it without counting every holder. */
    default boolean isRepeatedLine(String lineKey, String excludeUrl) {
        return lineDocFreq(lineKey, excludeUrl) > 0;
    }

    /**
     * Whether an article other than {@code excludeUrl}, and not a copy of the same story (its title key is
     * not {@code ownTitleKey}), opens its body with this {@link Ledes#opening opening}: a line opening so is
     * that other story's lede. Sources that do not track ledes answer false.
     */
    default boolean isKnownLede(String opening, String excludeUrl, String ownTitleKey) {
        return false;
    }

    /** Statistics of an empty corpus. */
    CorpusStats EMPTY = new CorpusStats() {
        @Override
        public long docCount(String lang) {
            return 0;
        }

        @Override
        public long docFreq(String lang, String term) {
            return 0;
        }

        @Override
        public boolean isKnownTitle(String titleKey, String excludeUrl) {
            return false;
        }
    };
}
