package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HeadlineTest {

    private static List<Element> headings(String html) {
        return Jsoup.parse(html).select("h1, h2, h3");
    }

    @Test
    void anH2ThatReadsAsTheTitleIsTheHeadline() {
        List<Element> h = headings("<h1><a href=/>Daily Example</a></h1><h2>Council expands bus network</h2>");
        assertEquals("h2", Headline.find(h, "Council expands bus network").normalName());
    }

    @Test
    void anEmptyH1IsNoHeadline() {
        List<Element> h = headings("<h1><img src=logo.png></h1><h3>Most read</h3>");
        assertNull(Headline.find(h, "Council expands bus network"));
    }

    @Test
    void theFirstH1WithTextIsTheHeadlineWhenNoHeadingReadsAsTheTitle() {
        List<Element> h = headings("<h1></h1><h2>Latest</h2><h1>Buses for the north</h1>");
        assertEquals("Buses for the north", Headline.find(h, "Council expands bus network").text());
    }
}
