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
    /**
     * Per slot, the key's mixed hash and its id plus one (0: an empty slot), side by side: a probe reads both
     * from one cache line and touches a key's characters only when the hashes agree.
     */
    private int[] slots;
    /** Keys by id. */
    private char[][] keys;
    private int size;

    CharIds() {
        this(256);
    }

    /** A table with room for {@code capacity / 2} ids before it grows; {@code capacity} a power of two. */
    CharIds(int capacity) {
        slots = new int[2 * capacity];
        keys = new char[capacity / 2][];
    }

    /** The id of {@code buffer[0..length)}, a new one (the next number) when it was not seen before. */
    int idOf(char[] buffer, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + buffer[i];
        }
        return idOf(buffer, length, h);
    }

    /**
     * {@link #idOf(char[], int)} for a caller that has already summed the characters' hash
     * ({@code h = 31 * h + c} over the range) while reading them.
     */
    int idOf(char[] buffer, int length, int rawHash) {
        int hash = mix(rawHash);
        int slot = slotOf(buffer, 0, length, hash);
        int idPlusOne = slots[2 * slot + 1];
        return idPlusOne != 0 ? idPlusOne - 1 : add(slot, Arrays.copyOf(buffer, length), hash);
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
        // An empty slot holds id plus one 0: -1.
        return slots[2 * slotOf(text, from, to, mix(rawHash)) + 1] - 1;
    }

    /** The slot holding {@code text[from..to)}, or the empty slot where it would go. */
    private int slotOf(char[] text, int from, int to, int hash) {
        int mask = slots.length / 2 - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int idPlusOne = slots[2 * slot + 1];
            if (idPlusOne == 0) {
                return slot;
            }
            if (slots[2 * slot] == hash) {
                char[] key = keys[idPlusOne - 1];
                if (Arrays.equals(key, 0, key.length, text, from, to)) {
                    return slot;
                }
            }
        }
    }

    int size() {
        return size;
    }

    private int add(int slot, char[] key, int hash) {
        int id = size++;
        if (id == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(8, keys.length * 2));
        }
        keys[id] = key;
        slots[2 * slot] = hash;
        slots[2 * slot + 1] = id + 1;
        if (size * 4 > slots.length) {
            grow();
        }
        return id;
    }

    /** Doubles the slots once they are half full, placing every key again by its hash. */
    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        int mask = slots.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int slot = old[i] & mask;
                while (slots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = old[i];
                slots[2 * slot + 1] = old[i + 1];
            }
        }
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
