package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageReaderTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

    @Test
    void readsTheBytesBetweenTheCutsAsOneText() throws IOException {
        byte[] page = "<p>Año</p><script>drop()</script><p>日本</p>".getBytes(StandardCharsets.UTF_8);
        int start = indexOf(page, "drop");
        int[] cuts = {start, start + "drop()".getBytes(StandardCharsets.UTF_8).length};
        assertEquals("<p>Año</p><script></script><p>日本</p>",
                read(new PageReader(page, 0, page.length, cuts, StandardCharsets.UTF_8), 4096));
    }

    @Test
    void startsAfterAByteOrderMarkAndStopsAtTheGivenEnd() throws IOException {
        byte[] page = "\uFEFF<p>kept</p><p>past the cap</p>".getBytes(StandardCharsets.UTF_8);
        int end = 3 + "<p>kept</p>".length();
        assertEquals("<p>kept</p>", read(new PageReader(page, 3, end, new int[0], StandardCharsets.UTF_8), 4096));
    }

    @Test
    void malformedBytesReadAsJsoupsOwnReaderReadsThem() throws IOException {
        byte[] page = {'<', 'p', '>', (byte) 0xC3, '(', (byte) 0xE2, (byte) 0x82, '<', (byte) 0xF0, (byte) 0x9F,
            (byte) 0x98, (byte) 0x80, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x', (byte) 0xE2};
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, WINDOWS_1252, SHIFT_JIS}) {
            String expected = read(new InputStreamReader(new ByteArrayInputStream(page), charset), 4096);
            assertEquals(expected, read(new PageReader(page, 0, page.length, new int[0], charset), 4096),
                    charset.name());
        }
    }

    @Test
    void aCharacterSplitByACutIsReadWhole() throws IOException {
        // ScriptBodies never cuts inside a character; the reader still reads one whole if a cut splits it.
        byte[] page = "ab€cd".getBytes(StandardCharsets.UTF_8);
        assertEquals("ab€d", read(new PageReader(page, 0, page.length, new int[] {5, 6}, StandardCharsets.UTF_8), 1));
    }

    @Test
    void smallReadsGiveTheSameTextAsLargeOnes() throws IOException {
        Random random = new Random(7);
        String[] pieces = {"<p>", "text ", "é", "日本語", "😀", "</p>", "<script>x()</script>"};
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, WINDOWS_1252, SHIFT_JIS}) {
            for (int round = 0; round < 200; round++) {
                StringBuilder html = new StringBuilder();
                for (int i = 0; i < 40; i++) {
                    html.append(pieces[random.nextInt(pieces.length)]);
                }
                byte[] page = html.toString().getBytes(charset);
                int[] cuts = ScriptBodies.find(page, 0, page.length, charset);
                String whole = read(new PageReader(page, 0, page.length, cuts, charset), 4096);
                assertEquals(whole, read(new PageReader(page, 0, page.length, cuts, charset), 1 + random.nextInt(3)));
            }
        }
    }

    private static String read(Reader reader, int chunk) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[chunk];
        for (int n; (n = reader.read(buffer, 0, chunk)) != -1; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    private static int indexOf(byte[] bytes, String ascii) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(ascii);
    }
}
