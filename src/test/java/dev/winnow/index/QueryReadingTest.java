package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How plain queries are read: words spread over title and text, every language, accents, long pastes. */
class QueryReadingTest {
    @TempDir
    static Path dir;
    static LuceneArticleIndex index;

    static final String TARIFFS = "https://news.example/tariffs";
    static final String BOTIN = "https://noticias.example/botin";
    static final String STATISTIK = "https://nachrichten.example/statistik";
    static final String ELEICOES = "https://noticias.example/eleicoes";
    static final String FERAUD = "https://actu.example/feraud";
    static final String COVID = "https://news.example/covid";

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
        index.upsert(article(TARIFFS, "en", "Understanding the new trade rules", daysAgo(1),
                "Importers are chasing exemptions as tariffs on steel rise.",
                "Analysts expect prices to climb before the summer."));
        index.upsert(article(BOTIN, "es", "Botín pide calma a los inversores", daysAgo(1),
                "La presidenta del banco habló ante la junta de accionistas en Santander."));
        index.upsert(article(STATISTIK, "de", "Neue Statistiken zur Wohnungsnot", daysAgo(2),
                "Die Zahlen zeigen, dass in den Städten Wohnungen fehlen.",
                "André Müller vom Mieterbund fordert mehr Neubau."));
        index.upsert(article(ELEICOES, "pt", "Eleições: milhões de votos contados", daysAgo(1),
                "O resultado também surpreendeu os analistas de Lisboa.",
                "A apuração terminou durante a madrugada."));
        index.upsert(article(FERAUD, "fr", "Le maire Féraud inaugure la bibliothèque", daysAgo(3),
                "Sa\u0301nchez et Féraud ont coupé le ruban devant les habitants."));
        index.upsert(article(COVID, "en", "Covid-19 vaccine rollout widens", daysAgo(1),
                "Clinics across the region now offer the booster to adults."));
        index.upsert(article("https://news.example/weather", "en", "Storm brings heavy rain", daysAgo(1),
                "The storm closed roads and schools across the county."));
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static List<String> urls(String query) throws Exception {
        return index.search(SearchRequest.of(query, 10)).hits().stream().map(SearchHit::url).toList();
    }

    @Test
    void plainWordsMayBeSpreadOverTitleAndText() throws Exception {
        assertEquals(List.of(TARIFFS), urls("understanding tariffs"));
        assertEquals(List.of(TARIFFS), urls("trade steel prices"));
        assertEquals(List.of(BOTIN), urls("Botín pide"));
        assertEquals(List.of(BOTIN), urls("Botín accionistas"));
    }

    @Test
    void everyPlainWordIsRequiredWhileSomeArticleHasThemAll() throws Exception {
        SearchResults all = index.search(SearchRequest.of("storm roads", 10));
        assertFalse(all.partial());
        assertEquals(1, all.total());
        SearchResults most = index.search(SearchRequest.of("storm roads tariffs", 10));
        assertTrue(most.partial(), "no article has all three words");
        assertEquals("https://news.example/weather", most.hits().get(0).url());
        assertEquals(List.of(), urls("tariffs AND accionistas"), "explicit operators are kept");
    }

    @Test
    void aQueryOfStopWordsOnlyMatchesTheWordsAsWritten() throws Exception {
        assertEquals(List.of(STATISTIK), urls("in den"));
        assertEquals(List.of(TARIFFS), urls("\"are chasing\""));
    }

    @Test
    void aStopWordOfOneLanguageIsNotRequiredInAnother() throws Exception {
        assertEquals(List.of(STATISTIK), urls("Statistiken AND die"));
        assertEquals(List.of(STATISTIK), urls("die Statistiken"));
        assertEquals(List.of(ELEICOES), urls("também resultado"));
    }

    @Test
    void wordsTypedWithoutAccentsFindAccentedText() throws Exception {
        assertEquals(List.of(ELEICOES), urls("tambem resultado"));
        assertEquals(List.of(ELEICOES), urls("eleicoes"));
        assertEquals(List.of(ELEICOES), urls("milhoes"));
        assertEquals(List.of(STATISTIK), urls("Andre Muller"));
        assertEquals(List.of(STATISTIK), urls("Stadten"));
        assertEquals(List.of(FERAUD), urls("Feraud bibliotheque"));
    }

    @Test
    void decomposedAccentsMatchComposedOnes() throws Exception {
        assertEquals(List.of(FERAUD), urls("Sánchez"), "decomposed in the text, composed in the query");
        assertEquals(List.of(FERAUD), urls("Fe\u0301raud"), "composed in the text, decomposed in the query");
    }

    @Test
    void prefixAndWildcardMatchTheWordsAsWritten() throws Exception {
        assertEquals(List.of(TARIFFS), urls("chasing*"));
        assertEquals(List.of(TARIFFS), urls("Ch?sing"));
        assertEquals(List.of(TARIFFS), urls("title:underst*"));
        assertEquals(List.of(ELEICOES), urls("elei*"));
    }

    @Test
    void fuzzyTermsForgiveATypo() throws Exception {
        assertEquals(List.of(TARIFFS), urls("tarrifs~ steel"));
    }

    @Test
    void aLongPastedParagraphGivesARankedAnswer() throws Exception {
        StringBuilder paste = new StringBuilder("Importers are chasing exemptions as tariffs on steel rise. "
                + "Analysts expect prices to climb before the summer. ");
        Random random = new Random(7);
        while (paste.length() < 2_000) {
            paste.append("word").append(random.nextInt(100_000)).append(' ');
        }
        SearchResults r = index.search(SearchRequest.of(paste.toString(), 10));
        assertFalse(r.hits().isEmpty());
        assertEquals(TARIFFS, r.hits().get(0).url());
    }

    @Test
    void aColonInPlainTextIsText() throws Exception {
        assertEquals(List.of(COVID), urls("Covid-19: vaccine"));
        SearchResults url = index.search(SearchRequest.of("see https://example.org/covid-19/vaccine", 10));
        assertTrue(url.partial(), "a pasted URL is words, most of which the Covid article has");
        assertEquals(COVID, url.hits().get(0).url());
        assertEquals(List.of(COVID), urls("title:Covid-19: booster"));
    }

    @Test
    void aFieldTakesAUrlWithoutQuotes() throws Exception {
        assertEquals(6, index.search(SearchRequest.of("feed:" + Articles.FEED_EN, 10)).total());
        assertTrue(urls("url:" + COVID).contains(COVID));
    }
}
