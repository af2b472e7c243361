package dev.winnow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class CharsetGuessTest {

    @Test
    void eucJpBytesAreReadAsEucJpWhenTheirDeclarationFails() {
        String text = "記事投稿が反映されない問題について、ゲーム三昧な正月を過ごしました。 ".repeat(20);
        byte[] b = ("<html><body><p>Tokyo news: " + text + "</p></body></html>").getBytes(Charset.forName("EUC-JP"));
        assertEquals(Charset.forName("EUC-JP"), CharsetGuess.best(b, b.length, TextDecoder.WINDOWS_1252));
    }

    @Test
    void accentedLatinFarIntoAnAsciiPageIsReadAsWindows1252() {
        // The guesser decodes only the stretches around non-ASCII bytes: "é " (0xE9 0x20) must still fail
        // Shift_JIS, GB18030 and Big5, whose lead byte cannot be followed by a space.
        String words = "Le caf\u00e9 et la cr\u00e8me br\u00fbl\u00e9e du march\u00e9 ";
        byte[] b = ("<html><body>" + "<p>plain ASCII text</p>".repeat(200) + "<p>" + words.repeat(10) + "</p></body></html>")
                .getBytes(TextDecoder.WINDOWS_1252);
        assertEquals(TextDecoder.WINDOWS_1252, CharsetGuess.best(b, b.length, null));
    }

    @Test
    void gb18030TextFarIntoAnAsciiPageIsStillRecognised() {
        String text = "\u4e2d\u56fd\u7ecf\u6d4e\u589e\u957f\u653e\u7f13\uff0c\u653f\u5e9c\u51fa\u53f0\u65b0\u7684"
                + "\u652f\u6301\u653f\u7b56\u3002 ";
        Charset gb = Charset.forName("GB18030");
        byte[] b = ("<html><body>" + "<p>plain ASCII text</p>".repeat(200) + "<p>" + text.repeat(20) + "</p></body></html>")
                .getBytes(gb);
        assertEquals(gb, CharsetGuess.best(b, b.length, TextDecoder.WINDOWS_1252));
    }
}
