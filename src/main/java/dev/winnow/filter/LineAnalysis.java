package dev.winnow.filter;

/**
 * One analysed line (or title): its terms, and its names — the vocabulary ids of terms written with a
 * capital after the first word — with the word position where each first occurs.
 */
record LineAnalysis(TermBag terms, int[] names, int[] namePositions) {
    static final LineAnalysis EMPTY = new LineAnalysis(TermBag.EMPTY, new int[0], new int[0]);
}
