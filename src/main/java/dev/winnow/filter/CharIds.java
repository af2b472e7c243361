package dev.winnow.filter;

import java.util.Arrays;

/**
 * Numbers distinct character sequences 0, 1, 2… in the order they are first seen, looked up straight from
 * a character buffer (a token's term buffer) without making a string of it. An open-addressing table with
 * linear probing over well-mixed hashes: the filter looks up every word and term of every line here.
 *
 * <p>Not thread-safe; read-only use from several threads is safe once filling is done.
 */
final class CharIds {
    private char[][] keys;
    private int[] hashes;
    private int[] ids;
    private int size;

    CharIds() {
        this(256);
    }

    /** A table with room for {@code capacity / 2} ids before it grows; {@code capacity} a power of two. */
    CharIds(int capacity) {
        keys = new char[capacity][];
        hashes = new int[capacity];
        ids = new int[capacity];
    }

    /** The id of {@code buffer[0..length)}, a new one (the next number) when it was not seen before. */
    int idOf(char[] buffer, int length) {
        int hash = hash(buffer, length);
        int mask = keys.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key == null) {
                return add(slot, Arrays.copyOf(buffer, length), hash);
            }
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, buffer, 0, length)) {
                return ids[slot];
            }
        }
    }

    /** The id of the text, or -1 when it was never seen. */
    int find(CharSequence text) {
        return find(text, 0, text.length());
    }

    /** The id of {@code text[from..to)}, or -1 when it was never seen. */
    int find(CharSequence text, int from, int to) {
        char[] chars = new char[to - from];
        int h = 0;
        for (int i = from; i < to; i++) {
            chars[i - from] = text.charAt(i);
            h = 31 * h + chars[i - from];
        }
        return find(chars, 0, chars.length, h);
    }

    /**
     * The id of {@code text[from..to)}, or -1 when it was never seen, for a caller that has already summed
     * the characters' hash ({@code h = 31 * h + c} over the range) while reading them.
     */
    int find(char[] text, int from, int to, int rawHash) {
        int hash = mix(rawHash);
        int mask = keys.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            char[] key = keys[slot];
            if (key == null) {
                return -1;
            }
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, text, from, to)) {
                return ids[slot];
            }
        }
    }

    int size() {
        return size;
    }

    private int add(int slot, char[] key, int hash) {
        int id = size++;
        keys[slot] = key;
        hashes[slot] = hash;
        ids[slot] = id;
        if (size * 2 > keys.length) {
            grow();
        }
        return id;
    }

    private void grow() {
        char[][] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldIds = ids;
        keys = new char[oldKeys.length * 2][];
        hashes = new int[keys.length];
        ids = new int[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = oldHashes[i] & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                hashes[slot] = oldHashes[i];
                ids[slot] = oldIds[i];
            }
        }
    }

    private static int hash(char[] buffer, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + buffer[i];
        }
        return mix(h);
    }

    private static int mix(int h) {
        // Mix the bits (the MurmurHash3 finaliser), so that similar words do not crowd neighbouring slots.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
