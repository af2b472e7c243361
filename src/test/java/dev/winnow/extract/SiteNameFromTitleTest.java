package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The site name a page's title carries is kept as the site when the page names it nowhere else. */
class SiteNameFromTitleTest {
    private static String page(String head) {
        return "<html><head>" + head + "</head><body><article>" + Pages.paragraphs() + "</article></body></html>";
    }

    @Test
    void titleSuffixNamesTheSiteWhenNothingElseDoes() {
        ExtractedArticle a = Pages.extract(page("<title>Council expands bus network - Daily Example</title>"));
        assertEquals("Council expands bus network", a.title());
        assertEquals("Daily Example", a.siteName());
    }

    @Test
    void declaredSiteNameWinsOverTheTitleSuffix() {
        ExtractedArticle a = Pages.extract(page("<title>Council expands bus network | Daily</title>"
                + "<meta property=og:site_name content=\"Daily Example\">"));
        assertEquals("Daily Example", a.siteName());
    }

    @Test
    void aTitleWithoutSuffixGivesNoSite() {
        ExtractedArticle a = Pages.extract(page("<title>Council expands bus network</title>"));
        assertEquals(null, a.siteName());
    }
}
