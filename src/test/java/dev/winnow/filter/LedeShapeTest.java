package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.TitleKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Another story's lede names its own subject at once, with a definite article and a noun the host article
 * never uses; the article's own lines that open that way name what the article is about.
 */
class LedeShapeTest {
    private final OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());

    private static boolean shaped(List<String> lines, int i, String title, String lang) {
        List<String> keys = lines.stream().map(TitleKeys::of).toList();
        return LedeShapes.hasLedeShape(i, lines.get(i), keys, TitleKeys.of(title), lang);
    }

    /** Whether the line, put into the Spanish fixture article, has a lede's shape there. */
    private static boolean shapedInSpanishArticle(String line) {
        return shaped(Fixtures.inject(Fixtures.ES_BODY, 3, line), 3, Fixtures.ES_TITLE, "es");
    }

    @Test
    void aSentenceOpeningOnASubjectTheArticleNeverNamesHasTheShape() {
        assertTrue(shapedInSpanishArticle(
                "El cantante colombiano anuncia una gira por Europa tras publicar su nuevo disco en noviembre."));
    }

    @Test
    void aSentenceOpeningOnTheArticlesOwnSubjectHasNot() {
        // "embalse" is in the title and in other lines.
        assertFalse(shapedInSpanishArticle(
                "El embalse podría quedar por debajo del 10 % antes del invierno, según los técnicos."));
    }

    @Test
    void anotherInflectionOfANounTheArticleUsesCountsAsUsed() {
        // "agricultor" against "agricultores" of another line.
        assertFalse(shapedInSpanishArticle(
                "El agricultor más afectado ha perdido ya la mitad de sus árboles por la falta de riego."));
    }

    @Test
    void aParagraphOfSeveralSentencesHasNot() {
        assertFalse(shapedInSpanishArticle(
                "El cantante colombiano anuncia una gira por Europa. Sus seguidores celebran la noticia."));
    }

    @Test
    void aLineOpeningWithoutADefiniteArticleHasNot() {
        assertFalse(shapedInSpanishArticle(
                "Un cantante colombiano anuncia una gira por Europa tras publicar su nuevo disco."));
    }

    @Test
    void theArticlesOfTheArticlesLanguageCount() {
        List<String> en = Fixtures.inject(Fixtures.EN_BODY, 3,
                "The mayor ordered police to change their tactics after complaints about racial profiling.");
        List<String> pt = Fixtures.inject(Fixtures.ES_BODY, 3,
                "O cantor colombiano anuncia uma turnê pela Europa depois de lançar seu novo disco.");

        assertTrue(shaped(en, 3, Fixtures.EN_TITLE, "en"));
        assertTrue(shaped(pt, 3, Fixtures.ES_TITLE, "pt"));
        // Spanish "el" is no Portuguese article.
        assertFalse(shaped(Fixtures.inject(Fixtures.ES_BODY, 3, "El cantante colombiano anuncia una gira por Europa."), 3,
                Fixtures.ES_TITLE, "pt"));
    }

    @Test
    void theFilterRecordsTheShapeButNotOnTheFirstLine() {
        String lede = "El cantante colombiano anuncia una gira por Europa tras publicar su nuevo disco en noviembre.";
        FilterInput in = new FilterInput("u:host", Fixtures.ES_TITLE, Fixtures.inject(Fixtures.ES_BODY, 0, lede), "es",
                List.of());
        FilterInput moved = new FilterInput("u:host", Fixtures.ES_TITLE, Fixtures.inject(Fixtures.ES_BODY, 4, lede), "es",
                List.of());

        assertEquals(0.0, filter.assess(in, Fixtures.statsWith(in)).get(0).signals().get(LineSignals.LEDE_SHAPE));
        assertEquals(1.0, filter.assess(moved, Fixtures.statsWith(moved)).get(4).signals()
                .get(LineSignals.LEDE_SHAPE));
    }
}
