package dev.winnow.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), "https://news.example/feed/rss", null);
    }

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>News &amp; Views</title><link>https://news.example/</link><language>es</language><ttl>45</ttl>
            <item><title>First &lt;b&gt;story&lt;/b&gt;</title><link>/2025/first</link><guid>id-1</guid>
              <dc:creator>Ana Pérez</dc:creator><category>Política</category>
              <pubDate>Wed, 02 Oct 2024 13:00:00 +0200</pubDate>
              <description>Short &lt;i&gt;summary&lt;/i&gt;</description>
              <content:encoded><![CDATA[<p>Body <a href="/more">more</a><script>alert(1)</script></p>]]></content:encoded></item>
            <item><media:title>Only media title</media:title><link>https://news.example/2</link></item>
            </channel></rss>
            """;

    @Test
    void readsRss2WithNamespacesAsPlainTextAndAbsoluteLinks() throws Exception {
        ParsedFeed f = parse(RSS);
        assertEquals("rss_2.0", f.format());
        assertEquals("News & Views", f.title());
        assertEquals("es", f.lang());
        assertEquals(Duration.ofMinutes(45), f.ttl());
        FeedItem first = f.items().get(0);
        assertEquals("First story", first.title());
        assertEquals("https://news.example/2025/first", first.link());
        assertEquals("id-1", first.guid());
        assertEquals(java.util.List.of("Ana Pérez"), first.authors());
        assertEquals(java.util.List.of("Política"), first.categories());
        assertEquals(Instant.parse("2024-10-02T11:00:00Z"), first.published());
        assertEquals("Short summary", first.summary());
        assertTrue(first.contentHtml().contains("href=\"https://news.example/more\""), first.contentHtml());
        assertFalse(first.contentHtml().contains("script"));
        assertEquals("Only media title", f.items().get(1).title());
        assertEquals("https://news.example/2", f.items().get(1).guid(), "no guid: the link stands in");
    }

    @Test
    void resolvesAtomLinksAgainstXmlBase() throws Exception {
        ParsedFeed f = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/base/">
                <title type="html">A &lt;em&gt;blog&lt;/em&gt;</title>
                <entry><id>tag:1</id><title>Entry</title><link href="posts/1"/><updated>2024-05-01T10:00:00Z</updated>
                <content type="html">&lt;p&gt;Hi&lt;/p&gt;</content><author><name>Bo</name></author></entry></feed>
                """);
        assertEquals("atom_1.0", f.format());
        assertEquals("A blog", f.title());
        assertEquals("https://blog.example/base/posts/1", f.items().get(0).link());
        assertEquals(java.util.List.of("Bo"), f.items().get(0).authors());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), f.items().get(0).published());
    }

    @Test
    void readsJsonFeed() throws Exception {
        ParsedFeed f = parse("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://j.example/",
                 "items": [{"id": "1", "url": "/a", "title": "Hello", "content_html": "<p>x</p>",
                            "date_published": "2024-03-01T12:00:00+01:00", "authors": [{"name": "Cy"}], "tags": ["t"]}]}
                """);
        assertEquals("json_1.1", f.format());
        FeedItem i = f.items().get(0);
        assertEquals("https://news.example/a", i.link());
        assertEquals(Instant.parse("2024-03-01T11:00:00Z"), i.published());
        assertEquals(java.util.List.of("Cy"), i.authors());
    }

    @Test
    void readsRssWrittenAsJson() throws Exception {
        ParsedFeed f = parse("""
                {"rss": {"version": "2.0", "channel": {"title": "Notes", "link": "https://notes.example/", "language": "en",
                 "item": [{"title": "First", "link": "https://notes.example/1", "guid": "n1",
                           "pubDate": "Mon, 26 Jun 2017 12:20:05 GMT", "description": "Hello <b>there</b>"},
                          {"description": "An untitled note", "guid": "n2"}]}}}
                """);
        assertEquals("rss_json", f.format());
        assertEquals(2, f.items().size());
        assertEquals("First", f.items().get(0).title());
        assertEquals(Instant.parse("2017-06-26T12:20:05Z"), f.items().get(0).published());
        assertEquals("n2", f.items().get(1).guid());
    }

    @Test
    void truncatedJsonFeedIsOneClearLine() {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parse("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{\"id\": \"1\""));
        assertTrue(e.getMessage().startsWith("truncated JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void salvagesJunkBareAmpersandsHtmlEntitiesControlCharsAndOpenCdata() throws Exception {
        ParsedFeed f = parse("\n\n  garbage<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>Salt &amp; pepper & more&nbsp;&hellip; \u0001ok</title><link>https://x.example/?a=1&b=2</link>"
                + "<description><![CDATA[never closed</description></item></channel></rss>");
        FeedItem i = f.items().get(0);
        assertEquals("Salt & pepper & more … ok", i.title()); // nbsp read as a space in plain text
        assertEquals("https://x.example/?a=1&b=2", i.link());
        assertEquals("never closed", i.summary());
    }

    @Test
    void readsRssWithoutVersionChannelOrNamespaceDeclarations() throws Exception {
        ParsedFeed f = parse("<rss><item><title>Loose</title><dc:creator>Dee</dc:creator></item></rss>");
        assertEquals("Loose", f.items().get(0).title());
        assertEquals(java.util.List.of("Dee"), f.items().get(0).authors());
    }

    @Test
    void externalEntityDeclarationRefusesTheDocumentWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<rss version=\"2.0\"><channel><title>t</title><item><title>a &xxe; b</title></item></channel></rss>";
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(xxe));
        assertTrue(e.getMessage().startsWith("refused: the DOCTYPE declares external entity 'xxe'"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void undefinedEntityStaysVisibleText() throws Exception {
        ParsedFeed f = parse("<rss version=\"2.0\"><channel><item><title>a &xxe; b</title></item></channel></rss>");
        assertEquals("a &xxe; b", f.items().get(0).title());
    }

    @Test
    void entityExpansionBombIsDefused() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        ParsedFeed f = parse(dtd + "<rss version=\"2.0\"><channel><item><title>&a9;</title></item></channel></rss>");
        assertTrue(f.items().get(0).title().length() < 20, "no expansion: " + f.items().get(0).title());
    }

    @Test
    void harmlessInternalTextEntitiesAreKept() throws Exception {
        ParsedFeed f = parse("<!DOCTYPE rss [<!ENTITY brand \"Winnow Daily\">]><rss version=\"2.0\"><channel>"
                + "<item><title>&brand; news</title></item></channel></rss>");
        assertEquals("Winnow Daily news", f.items().get(0).title());
    }

    @Test
    void recoversWhenTheDeclaredCharsetLies() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel>"
                + "<item><title>Año nuevo, café</title></item></channel></rss>";
        ParsedFeed utf8AsLatin = parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("Año nuevo, café", utf8AsLatin.items().get(0).title());
        String declaredUtf8 = xml.replace("ISO-8859-1", "UTF-8");
        ParsedFeed latinAsUtf8 = parser.parse(declaredUtf8.getBytes(Charset.forName("windows-1252")), null, null);
        assertEquals("Año nuevo, café", latinAsUtf8.items().get(0).title());
    }

    @Test
    void httpCharsetOverridesTheDeclaration() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<item><title>Привет</title></item></channel></rss>";
        ParsedFeed f = parser.parse(xml.getBytes(Charset.forName("KOI8-R")), null, "text/xml; charset=koi8-r");
        assertEquals("Привет", f.items().get(0).title());
    }

    @Test
    void readsUtf16WithAndWithoutBom() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><item><title>Ü</title></item></channel></rss>";
        assertEquals("Ü", parser.parse(xml.getBytes(StandardCharsets.UTF_16), null, null).items().get(0).title());
        assertEquals("Ü", parser.parse(xml.getBytes(StandardCharsets.UTF_16LE), null, null).items().get(0).title());
    }

    @Test
    void capsItemsPerFeed() throws Exception {
        String items = "<item><title>x</title></item>".repeat(30);
        ParsedFeed f = new FeedParser(new FeedSettings(10, 1 << 20))
                .parse(("<rss version=\"2.0\"><channel>" + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(10, f.items().size());
    }

    @Test
    void unreadableDocumentsGiveOneLineReasons() {
        assertEquals("empty document", assertThrows(FeedParseException.class, () -> parser.parse(new byte[0], null, null)).getMessage());
        String html = assertThrows(FeedParseException.class, () -> parse("<!DOCTYPE html><html><body>hi</body></html>")).getMessage();
        assertEquals("not a feed: the root element is <html> (an HTML page)", html);
        String broken = assertThrows(FeedParseException.class, () -> parse("<feed xmlns=\"http://example.org/not-atom\"><entry/></feed>")).getMessage();
        assertEquals("not a feed Rome knows (no RSS/Atom structure found)", broken);
    }

    @Test
    void readsFreeFormDatesRomeCannot() throws Exception {
        ParsedFeed f = parse("<rss version=\"2.0\"><channel><item><title>x</title>"
                + "<pubDate>miércoles, 07 de junio de 2017 10:30 ART</pubDate></item></channel></rss>");
        assertEquals(Instant.parse("2017-06-07T13:30:00Z"), f.items().get(0).published());
    }

    @Test
    void gzipFileServedAsIsIsInflated() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(RSS.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(2, parser.parse(out.toByteArray(), "https://news.example/", null).items().size());
        assertNull(parser.parse(out.toByteArray(), null, null).items().get(1).summary());
    }

    @Test
    void brokenDocumentSalvagingNoUsableItemIsOneLineMalformedXmlError() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parser.parse(
                "<?xml version=\"1.0\"?><rss><channel><<item>>&&</rss>".getBytes(StandardCharsets.UTF_8),
                "https://news.example/feed", "application/rss+xml"));
        assertTrue(e.getMessage().matches("malformed XML: .+ at line 1, column \\d+"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void brokenDocumentKeepsOnlyItemsWithLinkTitleIdOrContent() throws Exception {
        ParsedFeed f = parse("<rss version=\"2.0\"><channel><item><author>x@y.example</author></item>"
                + "<item><title>Kept</title></item><<item>></channel></rss>");
        assertEquals(1, f.items().size());
        assertEquals("Kept", f.items().get(0).title());
    }

    @Test
    void validEmptyFeedStaysValid() throws Exception {
        ParsedFeed rss = parse("<rss version=\"2.0\"><channel><title>Quiet</title></channel></rss>");
        assertEquals("Quiet", rss.title());
        assertTrue(rss.items().isEmpty());
        ParsedFeed onlyEmptyItems = parse("<rss version=\"2.0\"><channel><item></item><item> </item></channel></rss>");
        assertEquals(2, onlyEmptyItems.items().size(), "a well-formed feed is read as written, empty items too");
        ParsedFeed dateOnly = parse("<rss version=\"2.0\"><channel><item><pubDate>Wed, 02 Oct 2024 13:00:00 GMT</pubDate>"
                + "</item></channel></rss>");
        assertEquals(1, dateOnly.items().size(), "a well-formed feed's deliberate item is kept");
    }

    @Test
    void brokenDocumentWithUsableItemsIsSalvaged() throws Exception {
        ParsedFeed f = parse("<rss version=\"2.0\"><channel><item><title>Still here</title><link>https://x.example/1</link>"
                + "<description><b>unclosed</description></item></channel></rss>");
        assertEquals("Still here", f.items().get(0).title());
    }
}
