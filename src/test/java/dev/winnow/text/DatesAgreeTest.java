package dev.winnow.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.extract.PageInput;
import dev.winnow.feed.FeedParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page's published date and a feed item's date, written the same way, are read as the same instant
 * (RSS and Atom dates go through Rome's reader first and {@link Dates} for what Rome cannot read).
 */
class DatesAgreeTest {
    private static final String BODY = "<p>" + "The council met on Tuesday and voted on the new bus routes. ".repeat(12) + "</p>";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "2024-03-05T10:15:00+01:00", "2024-03-05T10:15:00+0100", "2024-03-05 10:15", "2024-3-5",
            "Tue, 05 Mar 2024 10:15:00 GMT", "Tue, 05 Mar 2024 10:15:00 EST", "05 Mar 24 10:15 +0530",
            "martes, 5 de marzo de 2024 10:15 ART", "5. März 2024 10:15"})
    void pageMetadataAndFeedItemReadTheSameInstant(String date) throws Exception {
        String html = "<html><head><title>Buses</title><meta property=\"article:published_time\" content=\"" + date
                + "\"></head><body><article><h1>Buses</h1>" + BODY + "</article></body></html>";
        Instant page = new ArticleExtractor(ExtractSettings.defaults())
                .extract(new PageInput(html.getBytes(StandardCharsets.UTF_8), "https://news.example/a", "text/html"))
                .published();
        String rss = "<rss version=\"2.0\"><channel><title>N</title><item><title>Buses</title>"
                + "<link>https://news.example/a</link><pubDate>" + date + "</pubDate></item></channel></rss>";
        Instant feed = new FeedParser().parse(rss.getBytes(StandardCharsets.UTF_8), null, null).items().get(0).published();
        assertNotNull(page, date);
        assertEquals(Dates.parse(date), page, date);
        assertEquals(page, feed, date);
    }
}
