package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.Block;
import dev.winnow.testing.Mutations;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A page damaged in any of many ways gives an article or a stated reason why there is none; never an exception,
 * and never the "unreadable page" answer that stands for one the extractor caught.
 */
class DamagedPagesTest {
    private final ArticleExtractor extractor = new ArticleExtractor(ExtractSettings.defaults());

    @Test
    void damagedPagesGiveAnArticleOrAReason() {
        Mutations mutations = new Mutations(3);
        byte[] page = Pages.article("<p class=byline>By Ana Pérez</p>" + Pages.paragraphs()
                + "<figure><img src=/a.jpg><figcaption>The new bus depot.</figcaption></figure>"
                + "<aside class=related><a href=/x>Harbour café reopens</a></aside>").getBytes(StandardCharsets.UTF_8);
        int articles = 0;
        for (int i = 0; i < 400; i++) {
            ExtractedArticle a = extractor.extract(new PageInput(mutations.damage(page), "https://news.example/a/1",
                    i % 2 == 0 ? null : "text/html; charset=windows-1252"));
            assertNotNull(a, "case " + i);
            if (a.isArticle()) {
                articles++;
                assertFalse(a.blocks().isEmpty(), "an article has a body, case " + i);
                for (Block b : a.blocks()) {
                    assertFalse(b.text().isBlank(), "case " + i);
                    assertFalse(b.text().contains("\n"), "a block is one line, case " + i);
                }
            } else {
                assertFalse(a.notArticleReason().isBlank(), "case " + i);
                assertFalse(a.notArticleReason().startsWith("unreadable page"),
                        "an exception was caught, case " + i + ": " + a.notArticleReason());
            }
        }
        assertTrue(articles > 200, "most damaged copies still hold the article: " + articles + " of 400");
    }
}
