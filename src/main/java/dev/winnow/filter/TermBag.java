package dev.winnow.filter;

import java.util.Arrays;
import java.util.List;

/**
 * The analysed terms of one text as ids of a {@link Vocabulary}, ascending, with their counts: the form the
 * filter compares texts in, without hashing a term string again.
 */
final class TermBag {
    static final TermBag EMPTY = new TermBag(new int[0], new int[0]);

    final int[] ids;
    final int[] counts;

    private TermBag(int[] ids, int[] counts) {
        this.ids = ids;
        this.counts = counts;
    }

    /** The bag of these term ids, one entry per occurrence (only the first {@code n} of the array). */
    static TermBag ofIds(int[] occurrences, int n) {
        int[] sorted = Arrays.copyOf(occurrences, n);
        Arrays.sort(sorted);
        int[] ids = new int[n];
        int[] counts = new int[n];
        int k = -1;
        for (int id : sorted) {
            if (k >= 0 && ids[k] == id) {
                counts[k]++;
            } else {
                ids[++k] = id;
                counts[k] = 1;
            }
        }
        return new TermBag(Arrays.copyOf(ids, k + 1), Arrays.copyOf(counts, k + 1));
    }

    /** The bag of all these bags' terms together, counts added up. */
    static TermBag sum(TermBag first, List<TermBag> rest) {
        int total = first.size();
        for (TermBag b : rest) {
            total += b.size();
        }
        long[] packed = new long[total];
        int k = 0;
        for (int i = 0; i < first.size(); i++) {
            packed[k++] = ((long) first.ids[i] << 32) | first.counts[i];
        }
        for (TermBag b : rest) {
            for (int i = 0; i < b.size(); i++) {
                packed[k++] = ((long) b.ids[i] << 32) | b.counts[i];
            }
        }
        Arrays.sort(packed);
        int[] ids = new int[total];
        int[] counts = new int[total];
        int n = -1;
        for (long p : packed) {
            int id = (int) (p >>> 32);
            if (n >= 0 && ids[n] == id) {
                counts[n] += (int) p;
            } else {
                ids[++n] = id;
                counts[n] = (int) p;
            }
        }
        return new TermBag(Arrays.copyOf(ids, n + 1), Arrays.copyOf(counts, n + 1));
    }

    /** Number of term occurrences: the sum of the counts. */
    int occurrences() {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }

    int size() {
        return ids.length;
    }

    boolean isEmpty() {
        return ids.length == 0;
    }
}
