package dev.winnow.extract;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToIntFunction;

/**
 * A bounded, lock-free cache from a string to a small verdict (up to 16 bits), shared by all pages and
 * threads. Each entry is one {@code long}: 48 bits of the string's 64-bit fingerprint and the verdict, in an
 * open-addressed table. The class and id words of pages are looked up about 130,000 times per 500 pages, most
 * of them first looks within the page: a hash map of strings costs several cache misses a look-up (table,
 * node, key, key's bytes, value), this table one. A full neighbourhood overwrites its first slot, so the
 * table never grows and never needs clearing.
 *
 * <p>Two strings sharing 48 fingerprint bits would share a verdict: with the table's 2^17 slots and a few
 * slots probed a look-up, about one look-up in 10^13 — far below any page's other sources of error.
 */
final class VerdictCache {
    private static final int SLOTS = 1 << 17;
    private static final int MASK = SLOTS - 1;
    private static final int PROBES = 4;
    private static final long VERDICT_BITS = 0xFFFFL;

    /** Written and read with opaque access: each slot is read or written whole, never torn. */
    private final AtomicLongArray slots = new AtomicLongArray(SLOTS);

    /**
     * The verdict cached for {@code key}, else the one {@code verdict} computes (0 to 0xFFFF), cached: the
     * key is fingerprinted once for both.
     */
    int get(String key, ToIntFunction<String> verdict) {
        long fp = fingerprint(key);
        int cached = find(fp);
        if (cached >= 0) {
            return cached;
        }
        int computed = verdict.applyAsInt(key);
        store(fp, computed);
        return computed;
    }

    /** The verdict cached for {@code key}, or -1. */
    int get(String key) {
        return find(fingerprint(key));
    }

    /** Caches a verdict of 16 bits at most ({@code 0 <= verdict <= 0xFFFF}). */
    void put(String key, int verdict) {
        store(fingerprint(key), verdict);
    }

    private int find(long fp) {
        int at = (int) (fp >>> 16) & MASK;
        for (int i = 0; i < PROBES; i++) {
            long slot = slots.getOpaque((at + i) & MASK);
            if (slot == 0) {
                return -1;
            }
            if ((slot & ~VERDICT_BITS) == fp) {
                return (int) (slot & VERDICT_BITS);
            }
        }
        return -1;
    }

    private void store(long fp, int verdict) {
        int at = (int) (fp >>> 16) & MASK;
        long entry = fp | verdict;
        for (int i = 0; i < PROBES; i++) {
            int index = (at + i) & MASK;
            long slot = slots.getOpaque(index);
            if (slot == 0 || (slot & ~VERDICT_BITS) == fp) {
                slots.setOpaque(index, entry);
                return;
            }
        }
        slots.setOpaque(at, entry);
    }

    /**
     * FNV-1a over the characters two at a time (one 32-bit unit a multiply: each multiply waits for the one
     * before, so half as many halve the chain), the length first, finished with MurmurHash3's 64-bit mixer;
     * the low 16 bits are left for the verdict, and a fingerprint is never 0 (the empty slot).
     */
    static long fingerprint(String s) {
        int n = s.length();
        long h = (0xcbf29ce484222325L ^ n) * 0x100000001b3L;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            h = (h ^ (s.charAt(i) | (long) s.charAt(i + 1) << 16)) * 0x100000001b3L;
        }
        if (i < n) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        long fp = h & ~VERDICT_BITS;
        return fp == 0 ? 1L << 16 : fp;
    }
}
