package dev.winnow.filter;

/**
 * The opening of a story: the first words of its first body line. Another story's lede pasted into an
 * article ("the first one or two sentences of another article") opens with exactly those words, so a
 * line whose opening is another stored or batched article's opening is that article's lede, found by
 * exact lookup like a known title.
 */
public final class Ledes {
    /** Words of a line's {@link dev.winnow.article.TitleKeys key} that make its opening. */
    static final int OPENING_WORDS = 10;

    private Ledes() {
    }

    /**
     * The first {@value #OPENING_WORDS} words of a line key ({@link dev.winnow.article.TitleKeys#of}), or ""
     * when it has fewer: a short line's opening is too common to tell stories apart.
     */
    public static String opening(String key) {
        int spaces = 0;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == ' ' && ++spaces == OPENING_WORDS) {
                return key.substring(0, i);
            }
        }
        return spaces == OPENING_WORDS - 1 ? key : "";
    }

    /**
     * The opening of an article's lede: of its first body line whose key is not the title's own (pages
     * often repeat the headline above the text), or "" when there is none. The keys are read only as far as
     * that line, so a lazily computed sequence costs the keys of the first lines alone.
     */
    public static String ofArticle(String titleKey, Iterable<String> lineKeys) {
        for (String k : lineKeys) {
            if (!k.isEmpty() && !k.equals(titleKey)) {
                return opening(k);
            }
        }
        return "";
    }
}
