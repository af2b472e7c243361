package dev.winnow.filter;

/**
 * One analysed line (or title): its terms; its distinct surface words (lower case, unanalysed, as
 * {@link Vocabulary#wordId word ids}, each once); and its names — words written with a capital after the
 * first word — with the word position where each first occurs.
 */
record LineAnalysis(TermBag terms, int[] words, int[] names, int[] namePositions) {
    static final LineAnalysis EMPTY = new LineAnalysis(TermBag.EMPTY, new int[0], new int[0], new int[0]);
}
