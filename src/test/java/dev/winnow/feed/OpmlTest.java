package dev.winnow.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlTest {
    private final OpmlReader reader = new OpmlReader();

    private List<FeedSource> read(String opml) throws FeedParseException {
        return reader.read(opml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsNestedOutlinesWithWinnowAttributes() throws Exception {
        List<FeedSource> feeds = read("""
                <opml version="2.0"><head><title>Mine</title></head><body>
                <outline text="News"><outline text="Deep"><outline type="rss" text="A" xmlurl="https://a.example/rss"
                   winnowInterval="15m" language="es"/></outline></outline>
                <outline type="rss" title="B" text="ignored" xmlUrl="https://b.example/atom" winnowInterval="PT2H"/>
                <outline type="rss" text="A again" xmlUrl="https://a.example/rss"/>
                </body></opml>""");
        assertEquals(2, feeds.size(), "duplicates collapse");
        assertEquals(new FeedSource("https://a.example/rss", "A", Duration.ofMinutes(15), "es"), feeds.get(0));
        assertEquals(new FeedSource("https://b.example/atom", "B", Duration.ofHours(2), null), feeds.get(1));
    }

    @Test
    void salvagesBareAmpersandsAndMissingVersion() throws Exception {
        List<FeedSource> feeds = read("<opml><body><outline text=\"Salt & Pepper\" xmlUrl=\"https://x.example/?a=1&b=2\"/></body></opml>");
        assertEquals("Salt & Pepper", feeds.get(0).title());
        assertEquals("https://x.example/?a=1&b=2", feeds.get(0).url());
    }

    @Test
    void brokenFilesNameTheirProblem() {
        assertEquals("not OPML: the root element is <rss>, not <opml>",
                assertThrows(FeedParseException.class, () -> read("<rss/>")).getMessage());
        assertEquals("OPML has no <body> element, so it lists no feeds",
                assertThrows(FeedParseException.class, () -> read("<opml><head/></opml>")).getMessage());
        assertTrue(assertThrows(FeedParseException.class, () -> read("<opml><body><outline </body>")).getMessage()
                .startsWith("OPML is not well-formed XML at line 1"));
        assertTrue(assertThrows(FeedParseException.class,
                () -> read("<opml><body><outline xmlUrl=\"|cat feed\"/></body></opml>")).getMessage()
                .contains("not an http(s) URL"));
    }

    @Test
    void writerOutputReadsBackTheSameFeeds() throws Exception {
        List<FeedSource> feeds = List.of(new FeedSource("https://a.example/rss?x=1&y=2", "A \"quoted\" <b>", Duration.ofMinutes(90), "en"),
                FeedSource.of("https://b.example/feed"));
        String opml = new OpmlWriter().write(feeds, "Export");
        assertTrue(opml.contains("version=\"2.0\""));
        List<FeedSource> back = read(opml);
        assertEquals(feeds.get(0), back.get(0));
        assertEquals("https://b.example/feed", back.get(1).url());
    }
}
