package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlDecoderTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String TEXT = "Año de la canción: más café, señor — «olé»";

    private static String page(String head) {
        return "<html><head>" + head + "</head><body><p>" + TEXT + "</p></body></html>";
    }

    private static String decode(byte[] bytes, String contentType) {
        return HtmlDecoder.decode(bytes, bytes.length, contentType).text();
    }

    @Test
    void utf8ByteOrderMarkWinsOverDeclaration() {
        byte[] body = page("<meta charset=iso-8859-1>").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        String text = decode(withBom, "text/html; charset=windows-1252");
        assertEquals('<', text.charAt(0));
        assertEquals(true, text.contains(TEXT));
    }

    @Test
    void httpHeaderCharsetIsUsedForLegacyBytes() {
        byte[] bytes = page("").getBytes(CP1252);
        assertEquals(true, decode(bytes, "text/html; charset=windows-1252").contains(TEXT));
    }

    @Test
    void metaCharsetDeclarationIsUsed() {
        byte[] bytes = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">").getBytes(CP1252);
        assertEquals(true, decode(bytes, null).contains(TEXT));
    }

    @Test
    void declaredUtf8WithLegacyBytesIsReadAsWindows1252() {
        byte[] bytes = page("<meta charset=\"utf-8\">").getBytes(CP1252);
        assertEquals(true, decode(bytes, "text/html; charset=UTF-8").contains(TEXT));
    }

    @Test
    void declaredLatin1WithUtf8BytesIsReadAsUtf8() {
        byte[] bytes = page("<meta charset=\"iso-8859-1\">").getBytes(StandardCharsets.UTF_8);
        assertEquals(true, decode(bytes, null).contains(TEXT));
    }

    @Test
    void undeclaredUtf8IsDetected() {
        byte[] bytes = page("").getBytes(StandardCharsets.UTF_8);
        assertEquals(StandardCharsets.UTF_8, HtmlDecoder.decode(bytes, bytes.length, null).charset());
    }

    @Test
    void fewStrayBytesDoNotTurnAUtf8PageIntoMojibake() {
        byte[] good = page("<meta charset=utf-8>").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 1];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xE9; // one stray latin-1 byte at the end of the page
        assertEquals(true, decode(bytes, null).contains(TEXT));
    }

    @Test
    void sequenceCutByTheSizeCapIsNotAnError() {
        byte[] bytes = "<p>caf\u00e9</p>".getBytes(StandardCharsets.UTF_8);
        int cut = bytes.length - 5; // inside the two-byte é
        assertEquals(StandardCharsets.UTF_8, HtmlDecoder.decode(bytes, cut, null).charset());
    }
}
