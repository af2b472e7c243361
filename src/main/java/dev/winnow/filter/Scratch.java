package dev.winnow.filter;

/**
 * Per-thread work arrays indexed by vocabulary id, reused from article to article: they let the filter
 * map an article's terms and words to counts in one pass, without sorting or hashing. A slot is valid only
 * for the current {@link #next() round}, so nothing has to be cleared between articles.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    /** Slot {@code 2 id} holds the round an id's value was put in, slot {@code 2 id + 1} the value. */
    private int[] slots = new int[2048];
    private int round;

    /** This thread's scratch, cleared (logically) and able to hold ids below {@code size}. */
    static Scratch forIds(int size) {
        Scratch s = PER_THREAD.get();
        if (s.slots.length < 2L * size) {
            // Stamp and value side by side: the filter reads them at random ids, one cache line apiece.
            s.slots = new int[Math.max(2 * size, s.slots.length * 2)];
            s.round = 0;
        }
        s.next();
        return s;
    }

    private void next() {
        if (++round == Integer.MAX_VALUE) {
            java.util.Arrays.fill(slots, 0);
            round = 1;
        }
    }

    void put(int id, int value) {
        slots[2 * id] = round;
        slots[2 * id + 1] = value;
    }

    boolean has(int id) {
        return slots[2 * id] == round;
    }

    /** The value put for {@code id} this round; only meaningful when {@link #has} it. */
    int get(int id) {
        return slots[2 * id + 1];
    }

    /** Adds one to the value of {@code id} when it has one this round. */
    void incrementIfPresent(int id) {
        if (slots[2 * id] == round) {
            slots[2 * id + 1]++;
        }
    }
}
