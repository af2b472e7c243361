package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerdictCacheTest {
    @Test
    void aStringNeverPutIsAMiss() {
        assertEquals(-1, new VerdictCache().get("entry-content"));
    }

    @Test
    void returnsTheVerdictPutForTheSameString() {
        VerdictCache cache = new VerdictCache();
        cache.put("entry-content", 0);
        cache.put("share-bar", 0xFFFF);
        cache.put("col-md-6", 37);
        assertEquals(0, cache.get("entry-content"));
        assertEquals(0xFFFF, cache.get("share-bar"));
        assertEquals(37, cache.get("col-md-6"));
        assertEquals(-1, cache.get("Entry-content"), "a different string");
    }

    @Test
    void aNewVerdictReplacesTheOld() {
        VerdictCache cache = new VerdictCache();
        cache.put("sidebar", 3);
        cache.put("sidebar", 4);
        assertEquals(4, cache.get("sidebar"));
    }

    @Test
    void staysCorrectWhenFarMoreStringsArriveThanItHoldsSlotsFor() {
        VerdictCache cache = new VerdictCache();
        for (int i = 0; i < 1_000_000; i++) {
            cache.put("post-" + i, i & 0xFFFF);
        }
        int found = 0;
        for (int i = 0; i < 1_000_000; i++) {
            int v = cache.get("post-" + i);
            if (v >= 0) {
                assertEquals(i & 0xFFFF, v, "post-" + i);
                found++;
            }
        }
        // Older entries are overwritten, never mixed up: what is still there is right.
        assertNotEquals(0, found);
    }

    @Test
    void fingerprintsLeaveTheVerdictBitsFreeAndAreNeverEmpty() {
        for (String s : new String[] {"", "a", "nav", "Ünïcödé-класс", "x".repeat(500)}) {
            long fp = VerdictCache.fingerprint(s);
            assertEquals(0, fp & 0xFFFF, s);
            assertNotEquals(0, fp, s);
        }
    }

    @Test
    void shortStringsAndTheirNearNeighboursNeverShareAFingerprint() {
        // Every string of up to three characters over letters, a hyphen, a space and the zero character:
        // odd and even lengths, a trailing zero ("ab" against "ab\0"), swapped pairs ("ab" against "ba").
        String alphabet = "\0abzAZ- é";
        java.util.Set<Long> seen = new java.util.HashSet<>();
        java.util.List<String> strings = new java.util.ArrayList<>(java.util.List.of(""));
        for (int length = 1; length <= 3; length++) {
            java.util.List<String> longer = new java.util.ArrayList<>();
            for (String s : strings) {
                if (s.length() == length - 1) {
                    for (char c : alphabet.toCharArray()) {
                        longer.add(s + c);
                    }
                }
            }
            strings.addAll(longer);
        }
        for (String s : strings) {
            assertTrue(seen.add(VerdictCache.fingerprint(s)), "fingerprint shared by [" + s + "]");
        }
    }
}
