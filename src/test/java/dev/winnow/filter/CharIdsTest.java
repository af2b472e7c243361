package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CharIdsTest {
    private static int idOf(CharIds ids, String s) {
        char[] buffer = (s + "#####").toCharArray(); // a term buffer is usually longer than its term
        return ids.idOf(buffer, s.length());
    }

    @Test
    void numbersSequencesInTheOrderFirstSeen() {
        CharIds ids = new CharIds();

        assertEquals(0, idOf(ids, "lluvia"));
        assertEquals(1, idOf(ids, "embalse"));
        assertEquals(0, idOf(ids, "lluvia"));
        assertEquals(1, ids.find("embalse"));
        assertEquals(-1, ids.find("sequía"));
        assertEquals(2, ids.size());
    }

    @Test
    void keepsEveryIdAcrossGrowth() {
        CharIds ids = new CharIds();
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, idOf(ids, "w" + i));
        }
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, ids.find("w" + i));
        }
        assertEquals(-1, ids.find("w10000"));
        assertEquals(-1, ids.find(""), "the empty sequence was never added");
    }
}
