package dev.winnow.feed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.testing.Mutations;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A feed damaged in any of many ways is either read or refused with a message, never an exception of another kind. */
class DamagedFeedsTest {
    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Daily Example</title><link>https://news.example/</link><language>en</language>
            <item><title>Council expands bus network</title><link>/2025/buses</link><guid>b-1</guid>
              <pubDate>Wed, 02 Oct 2024 13:00:00 +0200</pubDate><description>Three new lines &amp; more</description>
              <content:encoded><![CDATA[<p>The council voted on Tuesday.</p>]]></content:encoded></item>
            <item><title>Harbour café reopens</title><link>https://news.example/2025/cafe</link></item>
            </channel></rss>
            """;
    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Diario Ejemplo</title>
            <link href="https://diario.example/"/><updated>2024-10-02T11:00:00Z</updated>
            <entry><title>El ayuntamiento amplía la red de autobuses</title><id>tag:diario.example,2024:1</id>
              <link href="/2024/autobuses"/><updated>2024-10-02T11:00:00Z</updated>
              <summary type="html">&lt;p&gt;Tres líneas nuevas&lt;/p&gt;</summary></entry>
            </feed>
            """;

    private final FeedParser parser = new FeedParser();

    @Test
    void damagedRssIsReadOrRefusedWithAMessage() {
        readOrRefuse(RSS, 1);
    }

    @Test
    void damagedAtomIsReadOrRefusedWithAMessage() {
        readOrRefuse(ATOM, 2);
    }

    private void readOrRefuse(String feed, long seed) {
        Mutations mutations = new Mutations(seed);
        byte[] original = feed.getBytes(StandardCharsets.UTF_8);
        int read = 0;
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            byte[] damaged = mutations.damage(original);
            try {
                ParsedFeed parsed = parser.parse(damaged, "https://news.example/feed", i % 2 == 0 ? null
                        : "application/rss+xml; charset=iso-8859-1");
                for (FeedItem item : parsed.items()) {
                    assertTrue(item.guid() != null || item.link() == null,
                            "an item with a link has an identity (its link when it has no guid), case " + i);
                }
                read++;
            } catch (FeedParseException e) {
                assertNotNull(e.getMessage(), "case " + i);
                assertFalse(e.getMessage().isBlank(), "case " + i);
                refused++;
            }
        }
        assertTrue(read > 0 && refused > 0, "both outcomes occur: read " + read + ", refused " + refused);
    }
}
