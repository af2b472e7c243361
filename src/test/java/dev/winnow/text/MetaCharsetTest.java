package dev.winnow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MetaCharsetTest {
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");
    private static final Charset CP1251 = Charset.forName("windows-1251");

    private static Charset declared(String head) {
        byte[] b = head.getBytes(StandardCharsets.ISO_8859_1);
        return MetaCharset.declared(b, b.length);
    }

    @Test
    void readsTheCharsetAttribute() {
        assertEquals(SHIFT_JIS, declared("<html><head><meta charset=\"shift_jis\"><title>x</title>"));
    }

    @Test
    void readsTheContentTypeOfAnHttpEquivTag() {
        assertEquals(CP1251, declared("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"));
    }

    @Test
    void ignoresLetterCaseAndSpacesAroundTheEqualsSign() {
        assertEquals(SHIFT_JIS, declared("<HEAD><META\nCharSet = ' Shift_JIS' ></HEAD>"));
    }

    @Test
    void skipsATagWhoseLabelIsUnknownForALaterOne() {
        assertEquals(CP1251, declared("<meta charset=\"x-unknown-thing\"><meta charset=\"windows-1251\">"));
    }

    @Test
    void ignoresCharsetWordsOutsideMetaTags() {
        assertNull(declared("<p>charset=shift_jis</p><meta name=\"viewport\" content=\"width=device-width\">"));
        assertNull(declared("<script src=\"a.js\" charset=\"shift_jis\"></script>"));
    }

    @Test
    void takesTheLastCharsetOfATagAsAGreedyReadingWould() {
        assertEquals(CP1251, declared("<meta data-charset=\"shift_jis\" charset=\"windows-1251\">"));
    }

    @Test
    void readsATagCutByTheEndOfThePrescan() {
        assertEquals(SHIFT_JIS, declared("<meta charset=shift_jis"));
        assertNull(declared("<meta charset="));
    }

    @Test
    void needsSomethingBetweenMetaAndCharset() {
        assertNull(declared("<metacharset=shift_jis>"));
    }
}
