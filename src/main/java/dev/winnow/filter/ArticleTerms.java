package dev.winnow.filter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysed terms of one article (title and lines) weighted by corpus IDF, and the topical
 * comparisons the filter makes between a line and the rest of the article.
 *
 * <p>IDF is the BM25 form {@code ln(1 + (N - df + 0.5) / (df + 0.5))}: always positive, and uniform when
 * the corpus is empty, so a first run still compares words, only without weighting them.
 *
 * <p>Terms are numbered locally (0..k-1 over the article's distinct terms, in vocabulary-id order), so
 * every comparison is array arithmetic. Used by one thread.
 */
final class ArticleTerms {
    /** Per line: its local term numbers, ascending, and their counts. */
    private final int[][] lineTerms;
    private final int[][] lineCounts;
    /** Per line: how many lines of the article read the same (itself included). */
    private final int[] copies;
    private final int[] titleTerms;
    private final int[] titleCounts;
    /** Per local term: IDF, weight in the title, count over title (weighted) and lines, weight of that. */
    private final int[] vocab;
    private final double[] idf;
    private final boolean[] inTitle;
    private final double[] whole;
    private final double[] wholeWeight;
    private final double wholeNormSq;
    /** Scratch marks for "is in the lines around": a term is marked when mark[t] == stamp. */
    private final int[] mark;
    private int stamp;

    ArticleTerms(BatchCorpusStats.Analysed article, Vocabulary vocabulary, double titleWeight) {
        TermBag title = article.title().terms();
        List<TermBag> lines = article.lines().stream().map(LineAnalysis::terms).toList();
        int[] local = article.whole().ids;
        Scratch localOf = Scratch.forIds(vocabulary.size());
        for (int t = 0; t < local.length; t++) {
            localOf.put(local[t], t);
        }
        this.vocab = local;
        int k = local.length;
        idf = new double[k];
        for (int t = 0; t < k; t++) {
            idf[t] = vocabulary.idf(local[t]);
        }
        titleTerms = toLocal(title, localOf);
        titleCounts = title.counts;
        inTitle = new boolean[k];
        whole = new double[k];
        for (int i = 0; i < titleTerms.length; i++) {
            inTitle[titleTerms[i]] = true;
            whole[titleTerms[i]] += titleCounts[i] * titleWeight;
        }
        lineTerms = new int[lines.size()][];
        lineCounts = new int[lines.size()][];
        for (int l = 0; l < lines.size(); l++) {
            lineTerms[l] = toLocal(lines.get(l), localOf);
            lineCounts[l] = lines.get(l).counts;
            for (int i = 0; i < lineTerms[l].length; i++) {
                whole[lineTerms[l][i]] += lineCounts[l][i];
            }
        }
        copies = copiesOf(article.keys());
        wholeWeight = new double[k];
        double normSq = 0;
        for (int t = 0; t < k; t++) {
            wholeWeight[t] = whole[t] > 0 ? weight(whole[t], idf[t]) : 0;
            normSq += wholeWeight[t] * wholeWeight[t];
        }
        wholeNormSq = normSq;
        mark = new int[k];
    }

    /**
     * Per line, the lines of the article with the same key: a line the page repeats (a promo above and below
     * the story) is compared with the rest without its copies, which would otherwise vouch for it.
     */
    private static int[] copiesOf(List<String> keys) {
        int[] out = new int[keys.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (String key : keys) {
            if (!key.isEmpty()) {
                seen.merge(key, 1, Integer::sum);
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = keys.get(i).isEmpty() ? 1 : seen.get(keys.get(i));
        }
        return out;
    }

    private static int[] toLocal(TermBag bag, Scratch localOf) {
        int[] out = new int[bag.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = localOf.get(bag.ids[i]);
        }
        return out;
    }

    /** Cosine of the line with the rest of the article (title weighted, the line and its copies left out). */
    double similarityToRest(int line) {
        // The rest differs from the whole article only in the line's own terms, so its norm and the dot
        // product are corrections of the whole's, in time proportional to the line, not the article.
        int[] terms = lineTerms[line];
        int[] counts = lineCounts[line];
        double restNormSq = wholeNormSq;
        double dot = 0;
        double ownNormSq = 0;
        for (int i = 0; i < terms.length; i++) {
            int t = terms[i];
            double w = weight(counts[i], idf[t]);
            double full = wholeWeight[t];
            double left = restCount(line, i);
            double rest = left > 1e-9 ? weight(left, idf[t]) : 0;
            restNormSq += rest * rest - full * full;
            dot += w * rest;
            ownNormSq += w * w;
        }
        return dot <= 0 || restNormSq <= 0 ? 0 : dot / Math.sqrt(ownNormSq * restNormSq);
    }

    /** IDF-weighted share of the line's distinct terms found anywhere else in the article (its copies aside). */
    double coverageByRest(int line) {
        int[] terms = lineTerms[line];
        int[] counts = lineCounts[line];
        double all = 0;
        double found = 0;
        for (int i = 0; i < terms.length; i++) {
            all += idf[terms[i]];
            if (restCount(line, i) > 1e-9) {
                found += idf[terms[i]];
            }
        }
        return all == 0 ? 0 : found / all;
    }

    /** Unweighted share of the line's distinct terms found anywhere else in the article. */
    double plainCoverageByRest(int line) {
        int terms = lineTerms[line].length;
        int found = 0;
        for (int i = 0; i < terms; i++) {
            if (restCount(line, i) > 1e-9) {
                found++;
            }
        }
        return terms == 0 ? 0 : (double) found / terms;
    }

    /** How often the line's {@code i}-th term occurs in the rest of the article: without the line and its copies. */
    private double restCount(int line, int i) {
        return whole[lineTerms[line][i]] - copies[line] * lineCounts[line][i];
    }

    /** IDF-weighted share of the line's terms that appear in the title. */
    double coverageByTitle(int line) {
        double all = 0;
        double found = 0;
        for (int t : lineTerms[line]) {
            all += idf[t];
            if (inTitle[t]) {
                found += idf[t];
            }
        }
        return all == 0 ? 0 : found / all;
    }

    /** IDF-weighted share of the line's terms found in the lines just before and after (title for the first). */
    double coverageByNeighbours(int line) {
        stamp++;
        markAll(line == 0 ? titleTerms : lineTerms[line - 1]);
        if (line + 1 < lineTerms.length) {
            markAll(lineTerms[line + 1]);
        }
        double all = 0;
        double found = 0;
        for (int t : lineTerms[line]) {
            all += idf[t];
            if (mark[t] == stamp) {
                found += idf[t];
            }
        }
        return all == 0 ? 0 : found / all;
    }

    private void markAll(int[] terms) {
        for (int t : terms) {
            mark[t] = stamp;
        }
    }

    /** Cosine of the line before with the line after: high when the text flows around this line. */
    double bridge(int line) {
        if (line + 1 >= lineTerms.length) {
            return 0;
        }
        int[] beforeTerms = line == 0 ? titleTerms : lineTerms[line - 1];
        int[] beforeCounts = line == 0 ? titleCounts : lineCounts[line - 1];
        return cosine(beforeTerms, beforeCounts, lineTerms[line + 1], lineCounts[line + 1]);
    }

    /** Cosine of two term vectors whose local term numbers are ascending. */
    private double cosine(int[] aTerms, int[] aCounts, int[] bTerms, int[] bCounts) {
        if (aTerms.length == 0 || bTerms.length == 0) {
            return 0;
        }
        double dot = 0;
        for (int i = 0, j = 0; i < aTerms.length && j < bTerms.length; ) {
            if (aTerms[i] < bTerms[j]) {
                i++;
            } else if (aTerms[i] > bTerms[j]) {
                j++;
            } else {
                dot += weight(aCounts[i], idf[aTerms[i]]) * weight(bCounts[j], idf[bTerms[j]]);
                i++;
                j++;
            }
        }
        return dot == 0 ? 0 : dot / (norm(aTerms, aCounts) * norm(bTerms, bCounts));
    }

    private double norm(int[] terms, int[] counts) {
        double s = 0;
        for (int i = 0; i < terms.length; i++) {
            double w = weight(counts[i], idf[terms[i]]);
            s += w * w;
        }
        return Math.sqrt(s);
    }

    private static double weight(double tf, double idf) {
        return OtherStories.weight(tf, idf);
    }

    /** BM25's IDF: always positive, and uniform over an empty corpus. */
    static double idf(double docCount, double docFreq) {
        double df = Math.min(docFreq, docCount);
        return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    }
}
