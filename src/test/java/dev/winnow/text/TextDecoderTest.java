package dev.winnow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDecoderTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String TEXT = "Año de la canción: más café, señor — «olé»";
    private static final String JAPANESE = "記事投稿が反映されない問題について、ゲーム三昧な正月を過ごしました";
    private static final String CHINESE = "不归移民漫画系列：专业工作者的新闻与天气预报";

    private static String page(String head, String text) {
        return "<html><head>" + head + "</head><body><p>" + text + "</p></body></html>";
    }

    private static String feed(String prolog, String text) {
        return prolog + "<rss version=\"2.0\"><channel><item><title>" + text + "</title></item></channel></rss>";
    }

    private static TextDecoder.Decoded decode(byte[] bytes, String contentType) {
        return TextDecoder.decode(bytes, contentType);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void utf8WithoutByteOrderMarkIsDetected() {
        TextDecoder.Decoded d = decode(page("", TEXT).getBytes(StandardCharsets.UTF_8), null);
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void utf8ByteOrderMarkWinsOverEveryDeclarationAndIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bytes = concat(bom, page("<meta charset=iso-8859-1>", TEXT).getBytes(StandardCharsets.UTF_8));
        TextDecoder.Decoded d = decode(bytes, "text/html; charset=windows-1252");
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals('<', d.text().charAt(0));
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void utf16WithByteOrderMarkIsRead() {
        byte[] bytes = feed("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", TEXT).getBytes(StandardCharsets.UTF_16);
        TextDecoder.Decoded d = decode(bytes, null);
        assertEquals(StandardCharsets.UTF_16BE, d.charset());
        assertTrue(d.text().startsWith("<?xml"));
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void utf16WithoutByteOrderMarkIsReadFromItsZeroBytes() {
        byte[] bytes = feed("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", TEXT).getBytes(StandardCharsets.UTF_16LE);
        TextDecoder.Decoded d = decode(bytes, null);
        assertEquals(StandardCharsets.UTF_16LE, d.charset());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void httpHeaderCharsetIsUsedForLegacyBytes() {
        byte[] bytes = page("", TEXT).getBytes(CP1252);
        assertTrue(decode(bytes, "text/html; charset=windows-1252").text().contains(TEXT));
    }

    @Test
    void metaCharsetAndXmlPrologAreUsedWithoutAHeader() {
        byte[] html = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", TEXT).getBytes(CP1252);
        byte[] xml = feed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", TEXT).getBytes(CP1252);
        assertEquals(CP1252, decode(html, null).charset());
        assertEquals(CP1252, decode(xml, null).charset());
        assertTrue(decode(html, null).text().contains(TEXT));
        assertTrue(decode(xml, null).text().contains(TEXT));
    }

    @Test
    void latin1LabelIsReadAsWindows1252ForItsCurlyQuotes() {
        String quoted = "“Olé” — he said";
        byte[] bytes = page("<meta charset=iso-8859-1>", quoted).getBytes(CP1252);
        assertTrue(decode(bytes, null).text().contains(quoted));
    }

    @Test
    void httpHeaderWinsOverTheDocumentsDeclaration() {
        String cyrillic = "Новости дня: погода в Москве";
        byte[] bytes = page("<meta charset=windows-1252>", cyrillic).getBytes(Charset.forName("windows-1251"));
        TextDecoder.Decoded d = decode(bytes, "text/html; charset=windows-1251");
        assertEquals(Charset.forName("windows-1251"), d.charset());
        assertTrue(d.text().contains(cyrillic));
    }

    @Test
    void declaredUtf8WithLegacyBytesIsReadAsWindows1252() {
        byte[] bytes = page("<meta charset=\"utf-8\">", TEXT).getBytes(CP1252);
        TextDecoder.Decoded d = decode(bytes, "text/html; charset=UTF-8");
        assertEquals(CP1252, d.charset());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void declaredLatin1WithUtf8BytesIsReadAsUtf8() {
        byte[] bytes = page("<meta charset=\"iso-8859-1\">", TEXT).getBytes(StandardCharsets.UTF_8);
        assertTrue(decode(bytes, "text/html; charset=ISO-8859-1").text().contains(TEXT));
    }

    @Test
    void declaredLatin1OverShiftJisBytesIsOverruled() {
        byte[] bytes = page("<meta charset=\"windows-1252\">", JAPANESE).getBytes(Charset.forName("Shift_JIS"));
        TextDecoder.Decoded d = decode(bytes, null);
        assertTrue(d.text().contains(JAPANESE), d.text());
    }

    @Test
    void declaredShiftJisOverEucJpBytesIsOverruled() {
        byte[] bytes = feed("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>", JAPANESE).getBytes(Charset.forName("EUC-JP"));
        TextDecoder.Decoded d = decode(bytes, null);
        assertEquals(Charset.forName("EUC-JP"), d.charset());
        assertTrue(d.text().contains(JAPANESE));
    }

    @Test
    void aStrayUndefinedByteDoesNotOverruleASingleByteDeclaration() {
        byte[] good = page("<meta charset=windows-1252>", TEXT).getBytes(CP1252);
        byte[] bytes = concat(good, new byte[] {(byte) 0x81}); // undefined in windows-1252
        TextDecoder.Decoded d = decode(bytes, null);
        assertEquals(CP1252, d.charset());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void undeclaredEnglishWithAFewSymbolsIsNotReadAsThaiOrCyrillic() {
        String text = "“Quick start” guide… © 2005 Jane Doe, 1½ hours, £20 ™";
        byte[] bytes = concat(page("", text).getBytes(CP1252), new byte[] {(byte) 0x81}); // 0x81: no strict cp1252
        TextDecoder.Decoded d = decode(bytes, null);
        assertEquals(CP1252, d.charset());
        assertTrue(d.text().contains("© 2005 Jane Doe, 1½ hours, £20 ™"), d.text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Shift_JIS, ja", "EUC-JP, ja", "GBK, zh"})
    void undeclaredEastAsianBytesAreGuessedTheSameForAPageAndAFeed(String charset, String lang) {
        String text = lang.equals("ja") ? JAPANESE : CHINESE;
        Charset cs = Charset.forName(charset);
        TextDecoder.Decoded html = decode(page("", text).getBytes(cs), "text/html");
        TextDecoder.Decoded xml = decode(feed("", text).getBytes(cs), "application/rss+xml");
        assertTrue(html.text().contains(text), html.text());
        assertTrue(xml.text().contains(text), xml.text());
        assertEquals(html.charset(), xml.charset());
    }

    @Test
    void unknownOrMisspelledLabelsAreIgnored() {
        byte[] bytes = page("<meta charset=\"no-such-charset\">", TEXT).getBytes(StandardCharsets.UTF_8);
        TextDecoder.Decoded d = decode(bytes, "text/html; charset=\"utf8\"");
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void fewStrayBytesDoNotTurnAUtf8PageIntoMojibake() {
        byte[] bytes = concat(page("<meta charset=utf-8>", TEXT).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9});
        assertTrue(decode(bytes, null).text().contains(TEXT));
    }

    @Test
    void sequenceCutByTheSizeCapIsNotAnError() {
        byte[] bytes = "<p>caf\u00e9 cr\u00e8me</p>".getBytes(StandardCharsets.UTF_8);
        int cut = bytes.length - 7; // inside the two-byte è
        TextDecoder.Decoded d = TextDecoder.decode(bytes, cut, null);
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals("<p>caf\u00e9 cr", d.text());
    }

    @Test
    void legacyPageLabeledUtf8IsDetectedWhenItsAccentsComeOnlyAfterALongAsciiHead() {
        String ascii = "<p>The council met on Tuesday and voted for the plan.</p>".repeat(400);
        byte[] bytes = page("<meta charset=utf-8>", ascii + TEXT).getBytes(CP1252);
        assertEquals(CP1252, TextDecoder.detect(bytes, bytes.length, null).charset());
        assertTrue(decode(bytes, null).text().contains(TEXT));
    }

    @Test
    void longEnglishPageWithFewAccentedWordsIsJudgedOnThoseWords() {
        String english = "The council met on Tuesday and voted for the plan to extend the network. ".repeat(400);
        String accented = "Gómez, Müller and Françoise spoke at the café about the señor's résumé. ";
        byte[] bytes = page("", english + accented.repeat(3) + english).getBytes(CP1252);
        TextDecoder.Decoded d = decode(bytes, null);
        assertEquals(CP1252, d.charset());
        assertTrue(d.text().contains(accented));
    }
}
