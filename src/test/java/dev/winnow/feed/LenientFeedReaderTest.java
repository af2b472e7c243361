package dev.winnow.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LenientFeedReaderTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "https://news.example/feed", null);
    }

    @Test
    void findsItemsLeftInsideAnUnclosedElement() throws Exception {
        ParsedFeed f = parse("<rss version=\"2.0\"><channel><title>Pod</title><itunes:category text='Tech'>"
                + "<itunes:category text='Gadgets'/><item><title>One</title><link>/1</link></item>"
                + "<item><title>Two</title><link>/2</link></item></channel></rss>");
        assertEquals(2, f.items().size());
        assertEquals("https://news.example/1", f.items().get(0).link());
        assertEquals("Pod", f.title());
    }

    @Test
    void decodesAtom03Base64Content() throws Exception {
        String b64 = Base64.getEncoder().encodeToString("Example <b>Atom</b>".getBytes(StandardCharsets.UTF_8));
        ParsedFeed f = parse("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry>"
                + "<content mode=\"base64\">" + b64 + "</content></entry></feed>");
        assertEquals("Example <b>Atom</b>", f.items().get(0).contentHtml());
    }

    @Test
    void readsCdfItemsWithHrefAttributes() throws Exception {
        ParsedFeed f = parse("<CHANNEL HREF=\"http://www.example.org/\"><TITLE>c</TITLE>"
                + "<ITEM HREF=\"/item/1\" LASTMOD=\"2004-04-06T23:05:43-05:00\"><TITLE>item title</TITLE>"
                + "<ABSTRACT>item abstract</ABSTRACT></ITEM></CHANNEL>");
        FeedItem i = f.items().get(0);
        assertEquals("item title", i.title());
        assertEquals("item abstract", i.summary());
        assertEquals("https://news.example/item/1", i.link());
        assertEquals(java.time.Instant.parse("2004-04-07T04:05:43Z"), i.published());
    }

    @Test
    void readsAtomFeedThatUsesItemElements() throws Exception {
        ParsedFeed f = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><item><title>Odd</title></item></feed>");
        assertEquals("Odd", f.items().get(0).title());
    }

    @Test
    void restoresAMissingFirstAngleBracket() throws Exception {
        ParsedFeed f = parse("rss version=\"2.0\">\n<channel><item><title>Kept</title></item></channel></rss>\n<!-- broken");
        assertEquals("Kept", f.items().get(0).title());
    }

    @Test
    void wellFormedFeedKeepsItsItemsAsWrittenEvenWhenEmpty() throws Exception {
        // An Atom feed using <item>: a tolerant reader still sees the entry its author wrote.
        assertEquals(1, parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><item><x:y xmlns:x=\"urn:x\"/></item></feed>")
                .items().size());
    }
}
