package dev.winnow.index;

/**
 * Band key → ring slots of {@link NearDuplicates}: an open-addressing table (linear probing,
 * backward-shift deletion) over primitive keys. A boxed map of the same size spent most of the
 * near-duplicate time on cache misses and boxing.
 */
final class BandTable {
    private final long[] keys;
    private final int[][] values;
    private final int mask;

    /** A table that stays at most half full with {@code maxKeys} keys. */
    BandTable(long maxKeys) {
        long size = Long.highestOneBit(Math.max(8, maxKeys) * 2 - 1) << 1;
        int n = (int) Math.min(size, 1 << 30);
        keys = new long[n];
        values = new int[n][];
        mask = n - 1;
    }

    /** The slots of a key, or null. */
    int[] get(long key) {
        for (int i = home(key); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return null;
    }

    void put(long key, int[] slots) {
        int i = home(key);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = slots;
    }

    void remove(long key) {
        int i = home(key);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        values[i] = null;
        // Pull later entries of the probe run back over the hole, unless that would move one before its home.
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int h = home(keys[j]);
            boolean staysPut = i <= j ? (i < h && h <= j) : (i < h || h <= j);
            if (!staysPut) {
                keys[i] = keys[j];
                values[i] = values[j];
                values[j] = null;
                i = j;
            }
        }
    }

    /** Band keys are already well-mixed hashes, so their low bits serve as the home position. */
    private int home(long key) {
        return (int) key & mask;
    }
}
