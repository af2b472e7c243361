package dev.winnow.extract;

/** Text measures of one element, gathered in one pass over the DOM. Counts are non-space characters. */
final class NodeStats {
    /** Whether the element starts a line of its own ({@link Html#isBlock}), decided once when measured. */
    boolean block;
    /** Whether the element is a link ({@link Html#isLink}), decided once when measured. */
    boolean link;
    /** Text in the whole subtree. */
    int text;
    /** Part of {@link #text} inside links. */
    int linkText;
    /** Commas in the whole subtree. */
    int commas;
    /** Text whose nearest block-level ancestor is this element: what it shows as its own paragraph. */
    int inlineText;
    /** Part of {@link #inlineText} inside links. */
    int inlineLink;
    /** Commas in {@link #inlineText}: long sentences are a mark of prose. */
    int inlineCommas;
    /** Line breaks ({@code <br>}) in {@link #inlineText}: a block of text set as several paragraphs. */
    int inlineBreaks;
    /** Text of the paragraphs below this element that took part in scoring (prose, not links). */
    int goodText;
    /** Unlinked text of the longest of those paragraphs: a teaser or a link list never has a long one. */
    int longestProse;
    /** Junk reason the element's own tag and attributes suggest, before the size guard. */
    String junkHint;
    /** Final junk reason: the element and its subtree are not article text. */
    String junk;
    /** Content score, set once paragraph scores reach this element. */
    double score;
    boolean candidate;

    double linkDensity() {
        return text == 0 ? 0 : (double) linkText / text;
    }

    double inlineLinkDensity() {
        return inlineText == 0 ? 0 : (double) inlineLink / inlineText;
    }
}
