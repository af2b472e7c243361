package dev.winnow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SingleByteTableTest {

    private static boolean[] present(int... bytes) {
        boolean[] p = new boolean[256];
        for (int b : bytes) {
            p[b] = true;
        }
        return p;
    }

    @Test
    void readsEachByteAsTheCharsetDoes() {
        SingleByteTable koi8 = SingleByteTable.of(Charset.forName("KOI8-R"));
        assertNotNull(koi8);
        for (int b = 0; b < 256; b++) {
            assertEquals(new String(new byte[] {(byte) b}, Charset.forName("KOI8-R")).charAt(0), koi8.charOf((byte) b));
        }
    }

    @Test
    void bytesTheCharsetLeavesUndefinedDoNotDecodeStrictly() {
        SingleByteTable cp1252 = SingleByteTable.of(Charset.forName("windows-1252"));
        assertTrue(cp1252.decodesStrictly(present(0xE9, 0x80)));
        assertFalse(cp1252.decodesStrictly(present(0xE9, 0x81)), "0x81 is undefined in windows-1252");
    }

    @Test
    void multiByteAndNonAsciiCharsetsHaveNoTable() {
        assertNull(SingleByteTable.of(StandardCharsets.UTF_8));
        assertNull(SingleByteTable.of(Charset.forName("Shift_JIS")));
        assertNull(SingleByteTable.of(Charset.forName("IBM037")), "EBCDIC is not ASCII below 0x80");
    }
}
