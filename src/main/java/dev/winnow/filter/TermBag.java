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

    /**
     * The bag of all these bags' terms together, counts added up; {@code idBound} is above every id (the
     * vocabulary's size).
     */
    static TermBag sum(TermBag first, List<TermBag> rest, int idBound) {
        // Counts gathered per id in the scratch, so only the distinct ids are sorted, not every entry.
        Scratch counted = Scratch.forIds(idBound);
        int[] ids = new int[Math.max(16, first.size())];
        int n = add(first, counted, ids, 0);
        for (TermBag b : rest) {
            if (n + b.size() > ids.length) {
                ids = Arrays.copyOf(ids, Math.max(ids.length * 2, n + b.size()));
            }
            n = add(b, counted, ids, n);
        }
        ids = Arrays.copyOf(ids, n);
        Arrays.sort(ids);
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[i] = counted.get(ids[i]);
        }
        return new TermBag(ids, counts);
    }

    /** Adds the bag's counts to the scratch; its ids new to the scratch go to {@code ids} from {@code n}. */
    private static int add(TermBag bag, Scratch counted, int[] ids, int n) {
        for (int i = 0; i < bag.ids.length; i++) {
            int id = bag.ids[i];
            if (counted.has(id)) {
                counted.put(id, counted.get(id) + bag.counts[i]);
            } else {
                counted.put(id, bag.counts[i]);
                ids[n++] = id;
            }
        }
        return n;
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

    /** How many times the bag holds term {@code id} (0 when it does not). */
    int count(int id) {
        int k = Arrays.binarySearch(ids, id);
        return k < 0 ? 0 : counts[k];
    }
}
