package dev.winnow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.winnow.article.Block;
import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.feed.FeedItem;
import dev.winnow.filter.FilterResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleAssemblerTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant FEED_DATE = Instant.parse("2026-11-29T08:00:00Z");

    private static ExtractedArticle page(String title, Instant published, List<String> lines) {
        return new ExtractedArticle(title, List.of(), published, null, "es", null, "Diario", null, null, null,
                lines.stream().map(Block::paragraph).toList(),
                List.of(Removal.of("Compartir en Facebook", "extract", "share", 1.0)), null);
    }

    private static FeedItem item() {
        return new FeedItem("g1", "https://news.example/a", "Feed title", List.of("Ana"), FEED_DATE, "Summary", null, List.of());
    }

    @Test
    void keepsWhatTheFilterKeepsAndRecordsBothStagesRemovals() {
        Candidate c = new Candidate("https://news.example/a", item(), page("Page title", null,
                List.of("Uno.", "Intruso", "Dos.")), null);
        Removal intruder = new Removal("Intruso", "filter", "off-topic", 0.9, Map.of("similarity", 0.0), 1);
        StoredArticle a = ArticleAssembler.assemble(c, new FilterResult("es", List.of(intruder)), "https://feed", NOW);
        assertEquals(List.of("Uno.", "Dos."), a.paragraphs());
        assertEquals(List.of("share", "off-topic"), a.removed().stream().map(Removal::reason).toList());
        assertEquals("Page title", a.title());
        assertEquals("g1", a.guid());
    }

    @Test
    void feedItemFillsMissingTitleDateAndAuthors() {
        Candidate c = new Candidate("https://news.example/a", item(), page("", null, List.of("Uno.")), null);
        StoredArticle a = ArticleAssembler.assemble(c, new FilterResult("es", List.of()), null, NOW);
        assertEquals("Feed title", a.title());
        assertEquals(FEED_DATE, a.published());
        assertEquals(List.of("Ana"), a.authors());
    }

    @Test
    void contentHashChangesWithTheCleanText() {
        assertEquals(ArticleAssembler.contentHash("T", List.of("a", "b")), ArticleAssembler.contentHash("T", List.of("a", "b")));
        assertNotEquals(ArticleAssembler.contentHash("T", List.of("a", "b")), ArticleAssembler.contentHash("T", List.of("ab")));
    }

    @Test
    void pageLanguageWinsOverTheFeedsAndUnknownIsLeftToDetection() {
        Candidate declared = new Candidate("u", null, page("t", null, List.of("x")), "en");
        assertEquals("es", ArticleAssembler.declaredLanguage(declared));
        ExtractedArticle noLang = new ExtractedArticle("t", null, null, null, null, null, null, null, null, null,
                List.of(Block.paragraph("x")), null, null);
        assertEquals("en", ArticleAssembler.declaredLanguage(new Candidate("u", null, noLang, "en-GB")));
        assertEquals(null, ArticleAssembler.declaredLanguage(new Candidate("u", null, noLang, null)));
    }
}
