package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.TitleKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCorpusStatsTest {
    private static final CorpusStats BASE = new CorpusStats() {
        @Override
        public long docCount(String lang) {
            return "es".equals(lang) ? 100 : 0;
        }

        @Override
        public long docFreq(String lang, String term) {
            return "es".equals(lang) && "embals".equals(term) ? 7 : 0;
        }

        @Override
        public boolean isKnownTitle(String titleKey, String excludeUrl) {
            return titleKey.equals("titular del indice");
        }
    };

    private final List<FilterInput> batch = List.of(
            Fixtures.article("a", "Embalses al mínimo", "es", "Los embalses siguen bajando.", "Publicidad"),
            Fixtures.article("b", "Lluvias en el norte", "es", "Llueve en el norte y suben los embalses.",
                    "Publicidad"),
            Fixtures.article("c", "Rates on hold", "en", "The bank held rates."));

    @Test
    void addsBatchDocumentFrequenciesToTheBase() {
        BatchCorpusStats s = BatchCorpusStats.of(BASE, batch);

        assertEquals(102, s.docCount("es"));
        assertEquals(1, s.docCount("en"));
        // "embalses" stems to the same term as the base's, so frequencies add up: 7 + 2.
        assertEquals(9, s.docFreq("es-ES", "embals"));
    }

    @Test
    void knowsBatchTitlesButNotAnArticlesOwn() {
        BatchCorpusStats s = BatchCorpusStats.of(BASE, batch);
        String key = TitleKeys.of("Lluvias en el norte");

        assertTrue(s.isKnownTitle(key, "a"));
        assertFalse(s.isKnownTitle(key, "b"));
        assertTrue(s.isKnownTitle("titular del indice", "a"), "base titles still count");
    }

    @Test
    void countsLinesRepeatedInOtherArticles() {
        BatchCorpusStats s = BatchCorpusStats.of(CorpusStats.EMPTY, batch);

        assertEquals(1, s.lineDocFreq("publicidad", "a"));
        assertEquals(0, s.lineDocFreq(TitleKeys.of("Los embalses siguen bajando."), "a"));
    }

    @Test
    void copiesOfOneStoryDoNotMakeItsLinesBoilerplate() {
        // The same story listed twice in a feed (two URLs): its lines repeat, but only the promo is boilerplate.
        List<FilterInput> twice = List.of(
                Fixtures.article("x1", "Embalses al mínimo", "es", "Los embalses siguen bajando.",
                        "La sequía se alarga en todo el país.", "Suscríbete a nuestro boletín"),
                Fixtures.article("x2", "Embalses al mínimo", "es", "Los embalses siguen bajando.",
                        "La sequía se alarga en todo el país.", "Suscríbete a nuestro boletín"),
                Fixtures.article("y", "Lluvias en el norte", "es", "Llueve en el norte.", "Suscríbete a nuestro boletín"));
        BatchCorpusStats s = BatchCorpusStats.of(null, twice);

        assertEquals(0, s.lineDocFreq(TitleKeys.of("Los embalses siguen bajando."), "x1"));
        assertEquals(1, s.lineDocFreq(TitleKeys.of("Suscríbete a nuestro boletín"), "x1"));
    }

    @Test
    void worksWithoutBase() {
        assertEquals(2, BatchCorpusStats.of(null, batch).docCount("es"));
    }
}
