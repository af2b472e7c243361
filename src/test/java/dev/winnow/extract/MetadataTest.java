package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.winnow.text.Dates;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataTest {
    private static String page(String head, String htmlAttrs) {
        return "<html " + htmlAttrs + "><head>" + head + "</head><body><article><h1>Headline from the DOM</h1>"
                + Pages.paragraphs() + "</article></body></html>";
    }

    @Test
    void readsNewsArticleInsideJsonLdGraph() {
        String ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebSite\",\"name\":\"Daily Example\"},"
                + "{\"@type\":[\"NewsArticle\"],\"headline\":\"Council expands bus network\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ana Pérez\"},{\"@type\":\"Person\",\"name\":\"Tom Li\"}],"
                + "\"datePublished\":\"2024-03-05T10:15:00+01:00\",\"dateModified\":\"2024-03-05T12:00:00Z\","
                + "\"inLanguage\":\"es-MX\",\"articleSection\":[\"Ciudad\"],"
                + "\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://news.example/img/bus.jpg\"},"
                + "\"description\":\"Three new lines.\"}]}</script>";
        ExtractedArticle a = Pages.extract(page(ld + "<meta property=og:title content=\"Other title\">", "lang=en"));
        assertEquals("Council expands bus network", a.title());
        assertEquals(List.of("Ana Pérez", "Tom Li"), a.authors());
        assertEquals(Instant.parse("2024-03-05T09:15:00Z"), a.published());
        assertEquals(Instant.parse("2024-03-05T12:00:00Z"), a.modified());
        assertEquals("es", a.lang());
        assertEquals("Ciudad", a.section());
        assertEquals("Daily Example", a.siteName());
        assertEquals("https://news.example/img/bus.jpg", a.imageUrl());
        assertEquals("Three new lines.", a.description());
    }

    @Test
    void fallsBackToOpenGraphAndMetaTags() {
        String head = "<title>Ignored | Daily Example</title>"
                + "<meta property=og:title content=\"Council expands bus network\">"
                + "<meta property=og:site_name content=\"Daily Example\">"
                + "<meta property=article:published_time content=\"2024-03-05\">"
                + "<meta name=author content=\"By Ana Pérez\">"
                + "<meta property=og:image content=\"/img/bus.jpg\">"
                + "<meta name=description content=\"Three new lines.\">"
                + "<link rel=canonical href=\"/a/canonical-1\">";
        ExtractedArticle a = Pages.extract(page(head, "lang=pt-BR"));
        assertEquals("Council expands bus network", a.title());
        assertEquals(List.of("Ana Pérez"), a.authors());
        assertEquals(Instant.parse("2024-03-05T00:00:00Z"), a.published());
        assertEquals("pt", a.lang());
        assertEquals("https://news.example/a/canonical-1", a.canonicalUrl());
        assertEquals("https://news.example/img/bus.jpg", a.imageUrl());
        assertEquals("Daily Example", a.siteName());
    }

    @Test
    void readsMicrodataAndDomWhenNothingElse() {
        String body = "<html><head><title>Council expands bus network - Daily Example</title></head><body>"
                + "<article itemscope itemtype=\"https://schema.org/NewsArticle\">"
                + "<span itemprop=author itemscope><span itemprop=name>Ana Pérez</span></span>"
                + "<time itemprop=datePublished datetime=\"2024-03-05T08:00:00Z\">5 March</time>"
                + Pages.paragraphs() + "</article></body></html>";
        ExtractedArticle a = Pages.extract(body);
        assertEquals("Council expands bus network", a.title());
        assertEquals(List.of("Ana Pérez"), a.authors());
        assertEquals(Instant.parse("2024-03-05T08:00:00Z"), a.published());
        assertEquals(null, a.lang());
    }

    @Test
    void brokenJsonLdIsIgnored() {
        String ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\": </script>"
                + "<meta property=og:title content=\"Council expands bus network\">";
        ExtractedArticle a = Pages.extract(page(ld, ""));
        assertEquals("Council expands bus network", a.title());
        assertEquals(true, a.isArticle());
    }

    @Test
    void parsesCommonDateForms() {
        assertEquals(Instant.parse("2024-03-05T09:15:00Z"), Dates.parse("2024-03-05T10:15:00+0100"));
        assertEquals(Instant.parse("2024-03-05T10:15:00Z"), Dates.parse("2024-03-05 10:15"));
        assertEquals(Instant.parse("2024-03-05T10:15:30Z"), Dates.parse("Tue, 5 Mar 2024 10:15:30 GMT"));
        assertEquals(null, Dates.parse("yesterday"));
        assertEquals(null, Dates.parse("2024-13-45"));
    }

    @Test
    void blogHeadlineInAnH2UnderTheSiteNameInTheH1IsTheTitle() {
        String html = "<html><head><title>Example Blog \u00bb Council expands bus network</title></head><body>"
                + "<div id=header><h1><a href=/>Example Blog</a></h1></div><div class=post>"
                + "<h2>Council expands bus network</h2>" + Pages.paragraphs() + "</div></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertEquals("Council expands bus network", a.title());
        // The body does not repeat the headline.
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), a.blocks().stream().map(b -> b.text()).toList());
    }

    /** The title extracted from a page with this {@code <title>} and this markup before the paragraphs. */
    private static String titleOf(String title, String top) {
        return Pages.extract("<html><head><title>" + title + "</title></head><body>" + top + Pages.paragraphs()
                + "</body></html>").title();
    }

    @Test
    void aShortHeadingInsideALongTitleIsNotTheHeadline() {
        assertEquals("Watch: portrait of a craftsman who makes bags by hand",
                titleOf("Watch: portrait of a craftsman who makes bags by hand | Example Daily",
                        "<h2>Example Daily</h2><h2>Latest</h2>"));
    }

    @Test
    void theSiteNameInALogoH1IsCutFromTheTitle() {
        assertEquals("Council expands bus network", titleOf("Example Blog: Council expands bus network",
                "<h1><a href=\"https://blog.example/\">Example Blog</a></h1>"
                        + "<p><b>Council expands bus network</b></p>"));
    }

    @Test
    void aHeadlineH1LinkedToItsOwnPageIsNotALogo() {
        assertEquals("Council expands bus network", titleOf("Council expands bus network | Example Blog - News, "
                + "Buses, Trains, Trams and Ferries of the City and the Region",
                "<h1><a href=\"https://blog.example/2024/03/council-bus.html\">Council expands bus network</a></h1>"));
    }

    @Test
    void aHeadlineInAnH3BelowTheSiteNameInTheH1IsTheTitle() {
        assertEquals("Council expands bus network", titleOf("Council expands bus network - Example Blog",
                "<h1>Example Blog</h1><h3 class=entry-title>Council expands bus network</h3>"));
    }
}
