package dev.winnow.filter;

/**
 * Per-thread work arrays indexed by vocabulary id, reused from article to article: they let the filter
 * map an article's terms and words to counts in one pass, without sorting or hashing. A slot is valid only
 * for the current {@link #next() round}, so nothing has to be cleared between articles.
 */
final class Scratch {
    private static final ThreadLocal<Scratch> PER_THREAD = ThreadLocal.withInitial(Scratch::new);

    private int[] stamps = new int[1024];
    private int[] values = new int[1024];
    private int round;

    /** This thread's scratch, cleared (logically) and able to hold ids below {@code size}. */
    static Scratch forIds(int size) {
        Scratch s = PER_THREAD.get();
        if (s.stamps.length < size) {
            int n = Math.max(size, s.stamps.length * 2);
            s.stamps = new int[n];
            s.values = new int[n];
            s.round = 0;
        }
        s.next();
        return s;
    }

    private void next() {
        if (++round == Integer.MAX_VALUE) {
            java.util.Arrays.fill(stamps, 0);
            round = 1;
        }
    }

    void put(int id, int value) {
        stamps[id] = round;
        values[id] = value;
    }

    boolean has(int id) {
        return stamps[id] == round;
    }

    /** The value put for {@code id} this round; only meaningful when {@link #has} it. */
    int get(int id) {
        return values[id];
    }

    /** Adds one to the value of {@code id} when it has one this round. */
    void incrementIfPresent(int id) {
        if (stamps[id] == round) {
            values[id]++;
        }
    }
}
