package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void visibleCharactersAreExactlyTheNonWhitespaceOnesButNoBreakSpace() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            boolean expected = c > ' ' && c != '\u00a0' && !Character.isWhitespace(c);
            assertEquals(expected, Html.isVisible(c), () -> String.format("U+%04X", (int) c));
        }
    }

    @Test
    void lettersCountNeitherSpacesNorIdeographicSpace() {
        assertEquals(6, Html.letters("  ab\u00a0cd\u3000e\u2003f\n"));
        assertTrue(Html.isVisible('\u4e2d'));
        assertFalse(Html.isVisible('\u2028'));
    }
}
