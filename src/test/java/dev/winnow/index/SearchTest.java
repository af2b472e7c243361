package dev.winnow.index;

import static dev.winnow.index.Articles.FEED_EN;
import static dev.winnow.index.Articles.FEED_ES;
import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.StoredArticle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {
    @TempDir
    static Path dir;
    static LuceneArticleIndex index;

    static final String SYNDICATED = "La agencia informó que el gobierno regional aprobó un plan de vivienda que"
            + " prevé construir doce mil pisos de alquiler asequible en los próximos cuatro años, con una inversión"
            + " de novecientos millones de euros repartida entre todas las provincias de la comunidad.";

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
        index.upsert(article("https://noticias.example/elecciones", "es", "Las elecciones municipales de mayo",
                daysAgo(2), "La elección del nuevo alcalde se decidirá en una segunda vuelta.",
                "Los partidos presentan sus candidatos esta semana."));
        index.upsert(article("https://noticias.example/futbol", "es", "El equipo gana la liga", daysAgo(1),
                "El entrenador celebró el título con la afición en la plaza central."));
        index.upsert(article("https://news.example/elections", "en", "Local elections set for May", daysAgo(3),
                "Voters will elect a new mayor in a runoff.", "The council published the candidate list."));
        index.upsert(article("https://news.example/budget", "en", "Council passes budget", daysAgo(10),
                "The budget includes new funding for schools and a mayor's fund for parks."));
        index.upsert(article("https://news.example/old-mayor", "en", "Mayor opens library", daysAgo(40),
                "The mayor opened the new library on Main Street."));
        StoredArticle housing = article("https://noticias.example/vivienda", "es", "Plan regional de vivienda",
                daysAgo(1), SYNDICATED);
        index.upsert(housing);
        index.upsert(Articles.inFeed(housing, "https://otro.example/vivienda-plan", "https://otro.example/rss",
                "otro.example"));
        index.upsert(Articles.inFeed(article("https://tercero.example/v", "es", "Aprobado el plan de vivienda",
                daysAgo(1), SYNDICATED + " Más información en breve."), "https://tercero.example/v",
                "https://tercero.example/rss", "tercero.example"));
        index.upsert(article("https://noticias.example/cometa-ayer", "es", "Un cometa visible", daysAgo(20),
                "El cometa se verá a simple vista."));
        index.upsert(article("https://noticias.example/cometa-hoy", "es", "Un cometa visible", daysAgo(0),
                "El cometa se verá a simple vista."));
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static SearchResults search(String q) throws Exception {
        return index.search(SearchRequest.of(q, 10));
    }

    private static List<String> urls(SearchResults r) {
        return r.hits().stream().map(SearchHit::url).toList();
    }

    @Test
    void spanishStemmingAndAccentFoldingMatchInflectedForms() throws Exception {
        // "elecciones" (query) ~ "elección" (text) and "elecciones" (title).
        assertEquals(List.of("https://noticias.example/elecciones"), urls(index.search(
                new SearchRequest("eleccion", 10, 0, "es", null, null, null, null, null, false))));
        assertTrue(urls(search("elecciones")).contains("https://noticias.example/elecciones"));
    }

    @Test
    void unfieldedQueryMatchesAcrossLanguages() throws Exception {
        List<String> hits = urls(search("elections OR elecciones"));
        assertTrue(hits.contains("https://noticias.example/elecciones"), hits.toString());
        assertTrue(hits.contains("https://news.example/elections"), hits.toString());
    }

    @Test
    void langFilterRestrictsResults() throws Exception {
        SearchResults r = index.search(new SearchRequest("mayor", 10, 0, "en", null, null, null, null, null, false));
        assertEquals(3, r.total());
        assertTrue(r.hits().stream().allMatch(h -> h.lang().equals("en")));
    }

    @Test
    void fieldedQueriesAddressTheirFields() throws Exception {
        assertEquals(List.of("https://news.example/budget"), urls(search("title:budget")));
        assertEquals(2, search("mayor AND NOT title:mayor").total());
        assertEquals(List.of("https://news.example/old-mayor"), urls(search("title:mayor")));
        // Four articles, of which the two comet pages are one story: the count is what can be listed.
        assertEquals(3, search("feed:\"" + FEED_ES + "\" AND -title:vivienda").total());
        assertEquals(3, search("lang:EN").total());
        assertEquals(1, search("site:OTRO.example").total());
        assertEquals(7, search("author:perez").total(), "author matched with accents folded (7 stories)");
        assertEquals(List.of("https://news.example/elections"), urls(search("\"elect a new mayor\"")));
        assertEquals(List.of("https://noticias.example/futbol"), urls(search("entrena*")));
    }

    @Test
    void malformedQueryGivesOneClearLine() {
        for (String bad : List.of("title:(budget", "budget AND", "\"unclosed", "budget ) mayor")) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> search(bad), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("query syntax error: "), e.getMessage());
        }
    }

    @Test
    void dateRangeAndDateSort() throws Exception {
        SearchRequest recent = new SearchRequest("mayor", 10, 0, null, null, daysAgo(15), null,
                SearchRequest.Sort.DATE, null, false);
        assertEquals(List.of("https://news.example/elections", "https://news.example/budget"),
                urls(index.search(recent)));
        SearchRequest older = new SearchRequest("mayor", 10, 0, null, null, null, daysAgo(15), null, null, false);
        assertEquals(List.of("https://news.example/old-mayor"), urls(index.search(older)));
    }

    @Test
    void recencyRanksTheFresherOfTwoEqualMatchesFirst() throws Exception {
        SearchResults r = index.search(new SearchRequest("cometa", 10, 0, null, null, null, null, null, null, true));
        assertEquals(List.of("https://noticias.example/cometa-hoy", "https://noticias.example/cometa-ayer"), urls(r));
        assertTrue(r.hits().get(0).score() > r.hits().get(1).score());
    }

    @Test
    void facetsCountFeedLangSiteAndDay() throws Exception {
        SearchResults r = index.search(new SearchRequest("*", 10, 0, null, null, null, null, null,
                List.of("lang", "site", "feed", "day"), true));
        assertEquals(7L, r.facets().get("lang").get("es"));
        assertEquals(3L, r.facets().get("lang").get("en"));
        assertEquals(3L, r.facets().get("site").get("news.example"));
        assertEquals(3L, r.facets().get("feed").get(FEED_EN));
        assertEquals(4L, r.facets().get("day").get(daysAgo(1).toString().substring(0, 10)));
        assertEquals("es", r.facets().get("lang").keySet().iterator().next(), "most frequent first");
    }

    @Test
    void nearDuplicatesCollapseToOneHitWithACount() throws Exception {
        SearchResults collapsed = search("vivienda");
        assertEquals(1, collapsed.hits().size(), urls(collapsed).toString());
        assertEquals(2, collapsed.hits().get(0).duplicates());
        SearchResults all = index.search(new SearchRequest("vivienda", 10, 0, null, null, null, null, null, null, true));
        assertEquals(3, all.hits().size());
    }

    @Test
    void snippetMarksMatchesInCleanText() throws Exception {
        SearchHit hit = search("afición").hits().get(0);
        assertTrue(hit.snippet().contains("\u0001afición\u0002"), hit.snippet());
        SearchHit titleOnly = search("title:liga").hits().get(0);
        assertTrue(titleOnly.snippet().startsWith("El entrenador"), titleOnly.snippet());
    }

    @Test
    void theCountOfEveryArticleIsTheNumberOfStoriesListed() throws Exception {
        SearchResults everything = index.search(SearchRequest.of("*:*", 100));
        assertEquals(everything.hits().size(), everything.total());
        assertEquals(7, everything.total(), "ten articles, of which three are one story and two another");
        SearchResults copies = index.search(new SearchRequest("*:*", 100, 0, null, null, null, null, null, null, true));
        assertEquals(10, copies.total());
        assertEquals(10, copies.hits().size());
        assertEquals(1, index.search(SearchRequest.of("*:* AND lang:en AND title:mayor", 10)).total());
    }

    @Test
    void pagingWalksThroughHits() throws Exception {
        SearchRequest p1 = new SearchRequest("mayor", 2, 0, null, null, null, null, SearchRequest.Sort.DATE, null, false);
        SearchRequest p2 = new SearchRequest("mayor", 2, 2, null, null, null, null, SearchRequest.Sort.DATE, null, false);
        assertEquals(2, index.search(p1).hits().size());
        assertEquals(List.of("https://news.example/old-mayor"), urls(index.search(p2)));
    }
}
