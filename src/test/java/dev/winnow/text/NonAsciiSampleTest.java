package dev.winnow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class NonAsciiSampleTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final SingleByteTable TABLE = SingleByteTable.of(CP1252);

    private static String sampled(String text, int limit) {
        byte[] b = text.getBytes(CP1252);
        return NonAsciiSample.of(b, b.length, limit).text(b, b.length, TABLE);
    }

    @Test
    void keepsOnlyTheWordsThatHoldNonAsciiBytes() {
        assertEquals("café señor ", sampled("The café of the señor was open.", 100));
    }

    @Test
    void aWordAtTheVeryEndIsNotFollowedByASpace() {
        assertEquals("café", sampled("at the café", 100));
    }

    @Test
    void stopsSamplingAtTheLimitButRecordsEveryByteValueOfThePage() {
        byte[] b = "café and then ¿qué?".getBytes(CP1252);
        NonAsciiSample s = NonAsciiSample.of(b, b.length, 1);
        assertEquals("café ", s.text(b, b.length, TABLE));
        assertTrue(s.present()[0xE9]); // é
        assertTrue(s.present()[0xBF]); // ¿, after the sample ended
        assertFalse(s.present()[0xF1]); // ñ is not on the page
    }

    @Test
    void decodedTextIsJudgedOnTheWordsThatHoldNonAsciiCharacters() {
        assertEquals("東京都 2024年の ", NonAsciiSample.words("In 東京都, the 2024年の plan.", 4000));
    }
}
