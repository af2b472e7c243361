package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderLinesTest {
    @Test
    void collapsesEveryRunOfSpacesToOneSpaceAsThePatternDid() {
        java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("[\\s\\u00a0\\u200b]+");
        String alphabet = "ab \t\n\u000b\f\r\u00a0\u200b\u2003\u3000é.";
        java.util.Random random = new java.util.Random(29);
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(spaces.matcher(text).replaceAll(" "), HeaderLines.collapseSpaces(text), "[" + text + "]");
        }
    }


    private static List<String> body(ExtractedArticle a) {
        return a.blocks().stream().map(Block::text).toList();
    }

    /** A page whose headline and header sit in a box of their own, before the body's box. */
    private static String headerBoxPage(String header) {
        return "<!doctype html><html lang=en><head><title>Council expands bus network | Daily Example</title>"
                + "</head><body><div class=top><h1>Council expands bus network</h1>" + header + "</div>"
                + "<div class=story>" + Pages.paragraphs() + "</div></body></html>";
    }

    @Test
    void aBylineUnderTheHeadlineIsTheHeaderNotTheBody() {
        ExtractedArticle a = Pages.extract(Pages.article("<p>By Jane Doe</p>" + Pages.paragraphs()));
        assertEquals(List.of("By Jane Doe"), a.header());
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), body(a));
    }

    @Test
    void bylineAndDatelineAreKeptInPageOrder() {
        String meta = "<div class=meta><p>By Jane Doe</p><p>Updated 5 March 2024 10:32</p></div>";
        ExtractedArticle a = Pages.extract(Pages.article(meta + Pages.paragraphs()));
        assertEquals(List.of("By Jane Doe", "Updated 5 March 2024 10:32"), a.header());
        assertEquals(Pages.P1, body(a).get(0));
    }

    @Test
    void aHeaderOutsideTheBodysBoxIsFound() {
        ExtractedArticle a = Pages.extract(headerBoxPage("<p class=date>5 March 2024</p><p>By Jane Doe</p>"));
        assertEquals(List.of("5 March 2024", "By Jane Doe"), a.header());
        assertEquals(List.of(Pages.P1, Pages.P2, Pages.P3), body(a));
    }

    @Test
    void aStandfirstAndShareLabelsBetweenDoNotStopTheSearch() {
        String header = "<p>Three new lines for the north.</p><div class=share-tools><a href=#>Share</a></div>"
                + "<p>By Jane Doe</p>";
        ExtractedArticle a = Pages.extract(headerBoxPage(header));
        assertEquals(List.of("By Jane Doe"), a.header());
    }

    @Test
    void aShortLineInABoxNamedAsTheBylineIsAHeaderLineWhateverItsWording() {
        String header = "<div class=byline><span class=author-name>Jane Doe</span> <span class=timestamp>"
                + "Tuesday 14:05</span></div>";
        ExtractedArticle a = Pages.extract(headerBoxPage(header));
        assertEquals(List.of("Jane Doe", "Tuesday 14:05"), a.header());
    }

    @Test
    void anAuthorsBioInABylineBoxIsNoHeaderLine() {
        String bio = "<div class=author-bio><p>Jane Doe covers transport, housing and city politics for the "
                + "Daily Example and has lived in the northern districts since 2009.</p></div>";
        ExtractedArticle a = Pages.extract(headerBoxPage(bio));
        assertEquals(List.of(), a.header());
    }

    @Test
    void aBylineAfterTheFirstParagraphIsNoHeader() {
        String inside = "<p>" + Pages.P1 + "</p><p>By Jane Doe</p><p>" + Pages.P2 + "</p>";
        ExtractedArticle a = Pages.extract(Pages.article(inside));
        assertEquals(List.of(), a.header());
    }

    @Test
    void theHeaderHoldsAtMostThreeLines() {
        String meta = "<p>By Jane Doe</p><p>By John Roe</p><p>Published 4 March 2024</p><p>Updated 5 March 2024</p>";
        ExtractedArticle a = Pages.extract(Pages.article(meta + Pages.paragraphs()));
        assertEquals(HeaderLines.MAX_LINES, a.header().size());
        assertFalse(body(a).get(0).startsWith("By ") || body(a).get(0).startsWith("Updated"));
    }

    @Test
    void theAuthorsNameFromTheMetadataIsAHeaderLine() {
        String html = Pages.article("<p>Jane Doe</p>" + Pages.paragraphs())
                .replace("</title>", "</title><meta name=author content=\"Jane Doe\">");
        ExtractedArticle a = Pages.extract(html);
        assertEquals(List.of("Jane Doe"), a.header());
        assertEquals(Pages.P1, body(a).get(0));
    }

    @Test
    void aPageWithoutAHeadlineHasNoHeader() {
        String html = "<html><head><title>Council expands bus network</title></head><body><div>"
                + "<p>By Jane Doe</p>" + Pages.paragraphs() + "</div></body></html>";
        ExtractedArticle a = Pages.extract(html);
        assertEquals(List.of(), a.header());
        assertFalse(body(a).contains("By Jane Doe"));
    }

    @Test
    void aHeadlineSetInAnH2UnderALogoH1LeadsTheHeader() {
        String page = Pages.article("<p>Posted 5 March 2024</p>" + Pages.paragraphs());
        page = page.replace("<nav>", "<h1><a href=/>Daily Example</a></h1><nav>")
                .replace("<h1>Council", "<h2>Council").replace("network</h1>", "network</h2>");
        ExtractedArticle a = Pages.extract(page);
        assertEquals(List.of("Posted 5 March 2024"), a.header());
    }

    @Test
    void theOldConstructorMakesAnArticleWithoutHeader() {
        ExtractedArticle a = new ExtractedArticle("t", null, null, null, "en", null, null, null, null, null,
                List.of(Block.paragraph("text")), List.of(), null);
        assertTrue(a.header().isEmpty());
        assertTrue(a.isArticle());
    }
}
