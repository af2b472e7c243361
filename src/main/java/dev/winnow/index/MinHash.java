package dev.winnow.index;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * MinHash signatures of word shingles, for recognising the same story syndicated across feeds.
 *
 * <p>A text is reduced to overlapping runs of {@code shingleWords} lower-cased words; the signature keeps
 * {@link #SIZE} minimum hashes over those shingles. The share of equal
 * positions in two signatures estimates the Jaccard overlap of their shingle sets. Signatures are cut
 * into {@link #BANDS} bands whose keys are looked up in a table, so candidates are found by exact match
 * (locality-sensitive hashing) instead of comparing against every article.
 */
public final class MinHash {
    static final int SIZE = 64;
    static final int BANDS = 16;
    private static final int ROWS = SIZE / BANDS;
    private static final long SEED = 0x2545F4914F6CDD1DL;

    /** Lower-cased ASCII letters and digits; 0 for every other ASCII character. */
    private static final char[] ASCII_LOWER = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LOWER[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
        }
    }

    private final int shingleWords;

    public MinHash(int shingleWords) {
        this.shingleWords = shingleWords;
    }

    /**
     * The signature of a text, or null when the text has no words. One-permutation hashing: each shingle
     * is hashed once, its hash picks one of {@link #SIZE} bins and competes for that bin's minimum; bins no
     * shingle fell into borrow from the next filled bin (densification), so short texts still compare.
     */
    public int[] signature(String text) {
        long[] words = wordHashes(text);
        if (words.length == 0) {
            return null;
        }
        long[] mins = new long[SIZE];
        Arrays.fill(mins, Long.MAX_VALUE);
        int n = Math.min(shingleWords, words.length);
        for (int start = 0; start + n <= words.length; start++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int i = start; i < start + n; i++) {
                h = mix(h * 31 + words[i]);
            }
            int bin = (int) (h >>> 58); // top 6 bits: SIZE = 64 bins
            long v = h & 0x03FFFFFFFFFFFFFFL;
            if (v < mins[bin]) {
                mins[bin] = v;
            }
        }
        int[] sig = new int[SIZE];
        for (int k = 0; k < SIZE; k++) {
            int from = k;
            int hops = 0;
            while (mins[from] == Long.MAX_VALUE) {
                from = (from + 1) % SIZE;
                hops++;
            }
            // The hop count keeps a borrowed value distinct from the bin it came from.
            sig[k] = (int) (mix(mins[from] + hops * SEED) >>> 32);
        }
        return sig;
    }

    /** Estimated Jaccard overlap of the shingle sets behind two signatures. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int k = 0; k < SIZE; k++) {
            if (a[k] == b[k]) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    /** One key per band; two signatures sharing a key are near-duplicate candidates. */
    static long[] bandKeys(int[] sig) {
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + sig[b * ROWS + r]);
            }
            keys[b] = h;
        }
        return keys;
    }

    public static byte[] encode(int[] sig) {
        ByteBuffer buf = ByteBuffer.allocate(SIZE * Integer.BYTES);
        for (int v : sig) {
            buf.putInt(v);
        }
        return buf.array();
    }

    public static int[] decode(byte[] bytes, int offset, int length) {
        if (length != SIZE * Integer.BYTES) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, offset, length);
        int[] sig = new int[SIZE];
        for (int k = 0; k < SIZE; k++) {
            sig[k] = buf.getInt();
        }
        return sig;
    }

    private static long[] wordHashes(String text) {
        long[] out = new long[Math.max(16, text.length() / 5)];
        int count = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isWordChar(c)) {
                h = h * 1_000_003L + (c < 128 ? ASCII_LOWER[c] : Character.toLowerCase(c));
                inWord = true;
            } else if (inWord) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = mix(h);
                h = 0;
                inWord = false;
            }
        }
        if (inWord) {
            if (count == out.length) {
                out = Arrays.copyOf(out, count + 1);
            }
            out[count++] = mix(h);
        }
        return Arrays.copyOf(out, count);
    }

    /** ASCII letters and digits answered from a table: most news text is mostly ASCII. */
    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_LOWER[c] != 0 : Character.isLetterOrDigit(c);
    }

    /** A 64-bit finaliser (SplitMix64) spreading every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
