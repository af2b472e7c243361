package dev.winnow.filter;

import java.util.List;

/**
 * The named signals measured on one line, in a fixed order. Every signal that goes into a line's score is
 * one of these, and all of them are recorded with a removal so that it can be explained (with the guard's
 * {@link #ELSEWHERE} where the guard measured it).
 */
final class LineSignals {
    /** Cosine of the line with the rest of the article, title weighted (TF-IDF). */
    static final String SIMILARITY = "similarity";
    /** IDF-weighted share of the line's terms found elsewhere in the article. */
    static final String COVERAGE = "coverage";
    /**
     * Unweighted share of the line's distinct terms found anywhere else in the article: beside the IDF-weighted
     * {@link #COVERAGE}, it counts a shared common word as much as a shared rare one.
     */
    static final String PLAIN = "plain-coverage";
    /** New names over all names of the line (0 without names): how much of its cast is foreign to the article. */
    static final String NOVEL_NAMES = "novel-names";
    /** 1 when a name new to the article comes within the line's first words, as in a news lede. */
    static final String EARLY_NAME = "early-new-name";
    /** ln(1 + capitalised words, names mostly, that no other line nor the title uses). */
    static final String NEW_NAMES = "new-names";
    /** ln(1 + capitalised words that the title or another line also uses). */
    static final String SHARED_NAMES = "shared-names";
    /** IDF-weighted share of the line's terms found in the title. */
    static final String TITLE = "title";
    /** IDF-weighted share of the line's terms found in the lines before and after it. */
    static final String NEIGHBOURS = "neighbours";
    /**
     * The line's ln-similarity minus the median ln-similarity of the article's other lines: how much of an
     * outlier the line is in its own article (articles differ in how tightly their lines hang together).
     */
    static final String RELATIVE = "relative-similarity";
    /**
     * Cosine of the line with the closest other article of the corpus ({@link BatchCorpusStats#closestOtherStory}):
     * a line from another story tends to fit some other article better than its own. Measured only for a
     * long line that the long-line guard would keep without it, and absent from other lines' signals: it is
     * that guard's evidence, not a term of the score.
     */
    static final String ELSEWHERE = "elsewhere";
    /** Cosine of the line before with the line after (the text flowing around the line). */
    static final String BRIDGE = "bridge";
    /** ln(1 + words). */
    static final String LENGTH = "length";
    /** 1 when the line does not end like a sentence. */
    static final String NO_STOP = "no-stop";
    /** Share of capitalised long words. */
    static final String CAPITALS = "capitals";
    /** 1 for a known "related" lead-in ({@link RelatedPrefixes}). */
    static final String PREFIX = "prefix";
    /** 1 for a generic capitalised label followed by a colon ("EN VIDEO:"). */
    static final String LABEL = "label-prefix";
    /** Promo vocabulary, 0..1 ({@link PromoCues}). */
    static final String PROMO = "promo";
    /** 1 when the whole line is a bare advertising/sharing label ("Advertisement", "Publicidad", "Anzeige"). */
    static final String PROMO_LABEL = "promo-label";
    /** 1 when the line reads as the article's credit line ({@link Credits}): who reported, wrote, edited. */
    static final String CREDIT = "credit";
    /**
     * 1 when the line is an item of a list: marked so by the page ({@code <li>}) or opening as one ("1) ",
     * "2. ", "• "): part of an enumeration the article makes.
     */
    static final String LIST_ITEM = "list-item";
    /** 1 when the same line occurs in another article of the corpus. */
    static final String REPEATED = "repeated";
    /**
     * 1 when the line is a sentence of at least {@link SignalMeter#REPEATED_TEXT_MIN_WORDS} words that another
     * article of the batch (not a copy of this one) also holds, and has no promo wording: another story's
     * text (a teaser or headline a site puts on many of its pages), not this article's. Promo lines are left
     * to {@link #PROMO} and {@link #REPEATED}, which are weighed on them.
     */
    static final String REPEATED_TEXT = "repeated-text";
    /** 1 when the line is confidently in another language than the article. */
    static final String LANGUAGE = "language-mismatch";
    /** 1 when the line (or its headline after a lead-in) is the title of another article. */
    static final String KNOWN_TITLE = "known-title";
    /**
     * 1 when a line after the first opens with the first words of another article's lede, an article of
     * the batch or of the index that is not a copy of this one ({@link Ledes}).
     */
    static final String KNOWN_LEDE = "known-lede";
    /**
     * 1 when the line has the shape of another story's lede ({@link LedeShapes}): one sentence opening with
     * a definite article whose head noun the article uses nowhere else.
     */
    static final String LEDE_SHAPE = "lede-shape";
    /**
     * 1 when the line opens with a connective or anaphoric word ({@link Continuations}), and is not another
     * story's text ({@link #REPEATED_TEXT}).
     */
    static final String CONNECTIVE = "connective";
    /** 1 when the line opens as reported speech: quotation mark, dialogue dash, interview label. */
    static final String QUOTE = "quote";
    /**
     * 1 when a line opens with a news dateline ({@link Datelines}) that is not the article's own (the first
     * one, within the article's first three lines with text): it opens another story.
     */
    static final String DATELINE = "dateline";
    /** 1 for the last line of the article (related links are often appended). */
    static final String LAST = "last";

    static final List<String> NAMES = List.of(SIMILARITY, COVERAGE, PLAIN, NOVEL_NAMES, EARLY_NAME, NEW_NAMES,
            SHARED_NAMES, TITLE, NEIGHBOURS, RELATIVE, ELSEWHERE, BRIDGE, LENGTH, NO_STOP, CAPITALS, PREFIX, LABEL,
            PROMO, PROMO_LABEL, CREDIT, LIST_ITEM, REPEATED, REPEATED_TEXT, LANGUAGE, KNOWN_TITLE, KNOWN_LEDE, LEDE_SHAPE, CONNECTIVE, QUOTE, DATELINE,
            LAST);

    /**
     * Each signal's position in {@link #NAMES}, worked out once: the meter sets some thirty signals on every
     * line, and a look-up by name each time would cost more than the numbers.
     */
    static final class At {
        static final int SIMILARITY = SignalValues.indexOf(LineSignals.SIMILARITY);
        static final int COVERAGE = SignalValues.indexOf(LineSignals.COVERAGE);
        static final int PLAIN = SignalValues.indexOf(LineSignals.PLAIN);
        static final int NOVEL_NAMES = SignalValues.indexOf(LineSignals.NOVEL_NAMES);
        static final int EARLY_NAME = SignalValues.indexOf(LineSignals.EARLY_NAME);
        static final int NEW_NAMES = SignalValues.indexOf(LineSignals.NEW_NAMES);
        static final int SHARED_NAMES = SignalValues.indexOf(LineSignals.SHARED_NAMES);
        static final int TITLE = SignalValues.indexOf(LineSignals.TITLE);
        static final int NEIGHBOURS = SignalValues.indexOf(LineSignals.NEIGHBOURS);
        static final int RELATIVE = SignalValues.indexOf(LineSignals.RELATIVE);
        static final int ELSEWHERE = SignalValues.indexOf(LineSignals.ELSEWHERE);
        static final int BRIDGE = SignalValues.indexOf(LineSignals.BRIDGE);
        static final int LENGTH = SignalValues.indexOf(LineSignals.LENGTH);
        static final int NO_STOP = SignalValues.indexOf(LineSignals.NO_STOP);
        static final int CAPITALS = SignalValues.indexOf(LineSignals.CAPITALS);
        static final int PREFIX = SignalValues.indexOf(LineSignals.PREFIX);
        static final int LABEL = SignalValues.indexOf(LineSignals.LABEL);
        static final int PROMO = SignalValues.indexOf(LineSignals.PROMO);
        static final int PROMO_LABEL = SignalValues.indexOf(LineSignals.PROMO_LABEL);
        static final int CREDIT = SignalValues.indexOf(LineSignals.CREDIT);
        static final int LIST_ITEM = SignalValues.indexOf(LineSignals.LIST_ITEM);
        static final int REPEATED = SignalValues.indexOf(LineSignals.REPEATED);
        static final int REPEATED_TEXT = SignalValues.indexOf(LineSignals.REPEATED_TEXT);
        static final int LANGUAGE = SignalValues.indexOf(LineSignals.LANGUAGE);
        static final int KNOWN_TITLE = SignalValues.indexOf(LineSignals.KNOWN_TITLE);
        static final int KNOWN_LEDE = SignalValues.indexOf(LineSignals.KNOWN_LEDE);
        static final int LEDE_SHAPE = SignalValues.indexOf(LineSignals.LEDE_SHAPE);
        static final int CONNECTIVE = SignalValues.indexOf(LineSignals.CONNECTIVE);
        static final int QUOTE = SignalValues.indexOf(LineSignals.QUOTE);
        static final int DATELINE = SignalValues.indexOf(LineSignals.DATELINE);
        static final int LAST = SignalValues.indexOf(LineSignals.LAST);

        private At() {
        }
    }

    private LineSignals() {
    }

    /** Every signal at 0. */
    static SignalValues empty() {
        return new SignalValues();
    }
}
