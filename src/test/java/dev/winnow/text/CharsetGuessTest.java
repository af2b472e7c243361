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
}
