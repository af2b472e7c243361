package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PageParserTest {
    @Test
    void pagesParsedOneAfterAnotherComeOutAsAFreshParserMakesThem() {
        // The first page closes its custom elements itself and misplaces a table cell; the second uses the same
        // tags as containers. Tags the first page taught the parser must not change how the second is read.
        String first = "<html><body><x-icon/><my-card/><p>One <td>cell</td></p><svg><path/></svg></body></html>";
        String second = "<html><body><x-icon>icon text</x-icon><my-card><p>Card text</p></my-card>"
                + "<svg><path>path</path></svg><table><tr><td>cell</td></tr></table></body></html>";
        parse(first);
        for (String page : new String[] {second, first, second}) {
            Document shared = parse(page);
            Document fresh = Jsoup.parse(page, "http://127.0.0.1/");
            assertEquals(fresh.body().html(), shared.body().html());
        }
    }

    @Test
    void theParserIsKeptFromPageToPageAndReplacedOnceItHasTakenInTooManyTags() {
        Document a = parse("<p>One</p>");
        Document b = parse("<p>Two</p>");
        assertSame(a.parser(), b.parser(), "pages of one thread share a parser");

        StringBuilder madeUp = new StringBuilder();
        for (int i = 0; i <= PageParser.MAX_NEW_TAGS; i++) {
            madeUp.append("<t").append(i).append(">x</t").append(i).append('>');
        }
        Document c = parse(madeUp.toString());
        assertSame(b.parser(), c.parser(), "the page that fills the tag set is still read by that parser");
        Document d = parse("<p>Three</p>");
        assertNotSame(c.parser(), d.parser(), "the next page gets a fresh parser");
        assertEquals("Three", d.body().text());
    }

    @Test
    void aLargePageGetsAParserOfItsOwn() {
        Document small = parse("<p>One</p>");
        String large = "<p>" + "word ".repeat(PageParser.MAX_SHARED_BYTES / 5 + 1) + "</p>";
        Document big = parse(large);
        assertNotSame(small.parser(), big.parser(), "the parser that keeps the large document is not kept");
        assertSame(small.parser(), parse("<p>Two</p>").parser(), "the thread's own parser stays in use");
    }

    @Test
    void aParserThatFailedHalfwayIsNotUsedAgain() {
        Document before = parse("<p>One</p>");
        Reader failing = new Reader() {
            private int reads;

            @Override
            public int read(char[] into, int offset, int length) throws IOException {
                if (reads++ > 0) {
                    throw new IOException("connection reset");
                }
                String start = "<div><p>Unfinished";
                start.getChars(0, start.length(), into, offset);
                return start.length();
            }

            @Override
            public void close() {
            }
        };
        assertThrows(UncheckedIOException.class, () -> PageParser.parse(failing, 1000, "http://127.0.0.1/"));
        Document after = parse("<p>Two</p>");
        assertNotSame(before.parser(), after.parser());
        assertEquals("Two", after.body().text());
    }

    private static Document parse(String html) {
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        return PageParser.parse(new StringReader(html), bytes, "http://127.0.0.1/");
    }
}
