package dev.winnow.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BandTableTest {
    @Test
    void keepsCollidingKeysFindableAcrossRemovals() {
        BandTable table = new BandTable(8); // 16 positions: keys 3, 19, 35 share a home and wrap-around
        table.put(15, new int[] {1});
        table.put(31, new int[] {2});
        table.put(3, new int[] {3});
        table.put(19, new int[] {4});
        table.remove(15);
        assertNull(table.get(15));
        assertArrayEquals(new int[] {2}, table.get(31));
        assertArrayEquals(new int[] {3}, table.get(3));
        assertArrayEquals(new int[] {4}, table.get(19));
    }

    @Test
    void agreesWithAMapUnderRandomPutsAndRemoves() {
        BandTable table = new BandTable(64);
        Map<Long, int[]> expected = new HashMap<>();
        Random rnd = new Random(3);
        for (int step = 0; step < 20_000; step++) {
            long key = rnd.nextInt(200) * 64L + rnd.nextInt(3); // few distinct homes: long probe runs
            if (expected.size() < 64 && rnd.nextBoolean()) {
                int[] v = {step};
                table.put(key, v);
                expected.put(key, v);
            } else {
                table.remove(key);
                expected.remove(key);
            }
        }
        for (long key = 0; key < 200 * 64L; key++) {
            assertArrayEquals(expected.get(key), table.get(key), "key " + key);
        }
    }
}
