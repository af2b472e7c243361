package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Another story's lede names its own subject at once, with a definite article and a noun the host article
 * never uses; the article's own lines that open that way name what the article is about.
 */
class LedeShapeTest {
    private final OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());

    /** Whether line {@code i} of the article, in a batch of its own, has a lede's shape. */
    private boolean shaped(List<String> lines, int i, String title, String lang) {
        FilterInput in = new FilterInput("u:host", title, lines, lang, List.of());
        return filter.assess(in, Fixtures.statsWith(in)).get(i).signals().get(LineSignals.LEDE_SHAPE) == 1.0;
    }

    /** Whether the line, put into the Spanish fixture article, has a lede's shape there. */
    private boolean shapedInSpanishArticle(String line) {
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
    void theArticlesFirstLineIsItsOwnLedeNotAnothers() {
        String lede = "El cantante colombiano anuncia una gira por Europa tras publicar su nuevo disco en noviembre.";

        assertFalse(shaped(Fixtures.inject(Fixtures.ES_BODY, 0, lede), 0, Fixtures.ES_TITLE, "es"));
        assertTrue(shaped(Fixtures.inject(Fixtures.ES_BODY, 4, lede), 4, Fixtures.ES_TITLE, "es"));
    }
}
