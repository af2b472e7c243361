package dev.winnow.index.solr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.StoredArticle;
import dev.winnow.index.ArticleIndex;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import dev.winnow.index.SearchHit;
import dev.winnow.index.SearchRequest;
import dev.winnow.index.SearchResults;
import dev.winnow.state.FeedState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same articles indexed in the embedded Lucene index and in a SolrCloud collection give the same hits,
 * in the same order, with the same scores, totals, facets, snippets and near-duplicate counts.
 */
@Tag("slow")
class SolrSearchParityTest {
    private static final Instant NOW = Instant.now();
    private static final String FEED_EN = "https://news.example/feed";
    private static final String FEED_ES = "https://noticias.example/rss";
    private static final String FEED_DE = "https://zeitung.example/rss";

    @TempDir
    static Path dir;
    private static String collection;
    private static LuceneArticleIndex lucene;
    private static SolrArticleIndex solr;

    @BeforeAll
    static void indexTheSameArticlesInBoth() throws Exception {
        // One shard, replicated on both nodes: BM25 statistics are then those of one index, as in Lucene.
        // (Across shards the configset's ExactStatsCache makes them global for terms, not for every phrase.)
        collection = SolrTestCluster.newCollection("parity", 1, 2);
        IndexSettings settings = IndexSettings.defaults();
        lucene = LuceneArticleIndex.openForWriting(dir.resolve("index"), settings);
        solr = SolrArticleIndex.open(SolrTestCluster.get().getSolrClient(), collection, collection, settings, true);
        // SolrTestCluster's client is shared: this index must not close it (see closeBoth).
        for (ArticleIndex index : List.of(lucene, solr)) {
            for (StoredArticle a : articles()) {
                index.upsert(a);
            }
            index.feedStates().put(FeedState.initial(FEED_EN));
            index.commit();
        }
    }

    @AfterAll
    static void closeBoth() throws Exception {
        lucene.close();
        SolrTestCluster.delete(collection);
    }

    static List<StoredArticle> articles() {
        List<StoredArticle> out = new ArrayList<>();
        out.add(en("https://news.example/budget", "City council rejects the budget",
                "The city council rejected the mayor's budget on Tuesday after a long debate about school funding.",
                "Council members said the budget cut too deeply into schools and parks.", 1));
        out.add(en("https://news.example/budget-copy", "City council rejects the budget",
                "The city council rejected the mayor's budget on Tuesday after a long debate about school funding.",
                "Council members said the budget cut too deeply into schools and parks.", 1.1));
        out.add(en("https://news.example/schools", "New schools open in the north",
                "Three new schools opened their doors this week, easing crowded classrooms in the northern districts.",
                "Parents welcomed the schools, which the council funded last year.", 3));
        out.add(en("https://news.example/transit", "Transit fares rise again",
                "Bus and tram fares rise by ten percent next month, the transit authority announced.",
                "Riders said the rising fares hit commuters hardest.", 6));
        out.add(en("https://other.example/mayor", "The mayor of making his mark",
                "The mayor is in the business of making his mark on the city, critics say.",
                "His budget is the first test of that ambition.", 10));
        out.add(en("https://other.example/parks", "Parks reopen after the storm",
                "The city's parks reopened after storm damage was cleared by council workers.",
                "Chasing the last fallen trees took crews a week.", 7));
        out.add(es("https://noticias.example/presupuesto", "El ayuntamiento aprueba el presupuesto",
                "El pleno del ayuntamiento aprobó el presupuesto municipal con los votos de la mayoría.",
                "La oposición criticó los recortes en las escuelas públicas.", 2));
        out.add(es("https://noticias.example/elecciones", "Las elecciones municipales se adelantan",
                "Las elecciones municipales se celebrarán en marzo, anunció la alcaldesa Sánchez.",
                "Los partidos preparan sus candidaturas para el ayuntamiento.", 4));
        out.add(de("https://zeitung.example/haushalt", "Stadtrat lehnt den Haushalt ab",
                "Der Stadtrat hat den Haushalt der Bürgermeisterin am Dienstag abgelehnt.",
                "Die Schulen bekommen weniger Geld als geplant.", 5));
        return out;
    }

    private static StoredArticle en(String url, String title, String p1, String p2, double daysAgo) {
        return article(url, FEED_EN, "en", url.contains("other.") ? "other.example" : "news.example", title, p1, p2, daysAgo);
    }

    private static StoredArticle es(String url, String title, String p1, String p2, double daysAgo) {
        return article(url, FEED_ES, "es", "noticias.example", title, p1, p2, daysAgo);
    }

    private static StoredArticle de(String url, String title, String p1, String p2, double daysAgo) {
        return article(url, FEED_DE, "de", "zeitung.example", title, p1, p2, daysAgo);
    }

    private static StoredArticle article(String url, String feed, String lang, String site, String title, String p1,
                                         String p2, double daysAgo) {
        Instant published = NOW.minusSeconds(Math.round(86_400 * daysAgo));
        return new StoredArticle(url, url + "#guid", feed, title, List.of("Ana Pérez"), published, published, lang, site,
                null, List.of(p1, p2), List.of(), "h-" + url.hashCode());
    }

    private static void assertSameHits(SearchRequest request) throws Exception {
        assertSameHits(lucene, solr, request);
    }

    private static void assertSameHits(ArticleIndex embedded, ArticleIndex cloud, SearchRequest request) throws Exception {
        SearchResults expected = embedded.search(request);
        SearchResults actual = cloud.search(request);
        String what = "query '" + request.query() + "' lang=" + request.lang();
        assertEquals(urls(expected), urls(actual), what);
        assertEquals(expected.total(), actual.total(), what + ": total");
        assertEquals(expected.partial(), actual.partial(), what + ": partial");
        assertEquals(expected.facets(), actual.facets(), what + ": facets");
        for (int i = 0; i < expected.hits().size(); i++) {
            SearchHit e = expected.hits().get(i);
            SearchHit a = actual.hits().get(i);
            assertEquals(e.score(), a.score(), Math.max(1e-3, Math.abs(e.score()) * 1e-3), what + ": score of " + e.url());
            assertEquals(e.duplicates(), a.duplicates(), what + ": copies of " + e.url());
            assertEquals(e.partial(), a.partial(), what + ": partial " + e.url());
            assertEquals(e.snippet(), a.snippet(), what + ": snippet of " + e.url());
        }
    }

    private static List<String> urls(SearchResults r) {
        return r.hits().stream().map(SearchHit::url).toList();
    }

    private static SearchRequest query(String q) {
        return SearchRequest.of(q, 10);
    }

    @Test
    void plainWordsFindTheSameArticlesInTheSameOrder() throws Exception {
        for (String q : List.of("budget", "council schools", "rising fares", "presupuesto municipal", "Haushalt",
                "schools budget council debate")) {
            SearchResults r = lucene.search(query(q));
            assertFalse(r.hits().isEmpty(), q + " finds something");
            assertSameHits(query(q));
        }
    }

    @Test
    void aTitleWeightThatIsNotRoundScoresTitleAndTextAsOneFieldTheSameWay() throws Exception {
        IndexSettings d = IndexSettings.defaults();
        IndexSettings titleWeight = new IndexSettings(d.ramBufferBytes(), 4.0 / 3.0, d.recencyHalfLife(),
                d.recencyWeight(), d.snippetLength(), d.defaultAnd(), d.nearDuplicateThreshold(), d.shingleWords(),
                d.facetValues(), d.nearDuplicateWindow());
        try (LuceneArticleIndex embedded = LuceneArticleIndex.openReadOnly(dir.resolve("index"), titleWeight);
             SolrArticleIndex cloud = SolrArticleIndex.open(new SolrSettings(true, SolrTestCluster.zkHost(), List.of(),
                     collection), titleWeight, false)) {
            for (String q : List.of("budget", "council schools", "rising fares", "Haushalt")) {
                assertFalse(embedded.search(query(q)).hits().isEmpty(), q + " finds something");
                assertSameHits(embedded, cloud, query(q));
            }
        }
    }

    @Test
    void phrasesPrefixesAndOperatorsReadTheSame() throws Exception {
        for (String q : List.of("\"city council\"", "\"of making his\"", "\"rising tariffs\"", "chas*", "budg*",
                "budget -schools", "title:parks", "council OR presupuesto", "fares~1", "rising fraes~", "Sanchez",
                "\"rejected the budget\"", "the budgetz", "the of xq")) {
            assertSameHits(query(q));
        }
    }

    @Test
    void fieldFiltersLanguageAndFacetsAgree() throws Exception {
        assertSameHits(query("site:other.example"));
        assertSameHits(query("budget site:news.example"));
        assertSameHits(new SearchRequest("presupuesto", 10, 0, "es", null, null, null, SearchRequest.Sort.RELEVANCE,
                List.of(), false));
        assertSameHits(new SearchRequest("council", 10, 0, "en", null, null, null, SearchRequest.Sort.RELEVANCE,
                List.of("feed", "lang", "site", "day"), false));
        assertSameHits(new SearchRequest("", 10, 0, null, null, null, null, SearchRequest.Sort.RELEVANCE,
                List.of("feed", "lang", "site"), false));
        assertSameHits(new SearchRequest("", 20, 0, null, FEED_EN, NOW.minusSeconds(86_400L * 7), null,
                SearchRequest.Sort.DATE, List.of(), false));
    }

    @Test
    void nearDuplicatesCollapseToOneStoryWithTheSameCopyCount() throws Exception {
        SearchResults r = solr.search(query("\"rejected the mayor's budget\""));
        assertEquals(1, r.hits().size(), "two copies of one story are one hit");
        assertEquals(1, r.hits().get(0).duplicates());
        assertSameHits(query("\"rejected the mayor's budget\""));
        SearchRequest all = new SearchRequest("\"rejected the mayor's budget\"", 10, 0, null, null, null, null,
                SearchRequest.Sort.RELEVANCE, List.of(), true);
        assertEquals(2, solr.search(all).hits().size());
        assertSameHits(all);
    }

    @Test
    void aPlainQueryWithAWordNoArticleHoldsIsRelaxedTheSameWay() throws Exception {
        SearchRequest r = query("council budget zeppelin");
        assertTrue(lucene.search(r).partial());
        assertSameHits(r);
    }

    @Test
    void nearMissesFillThePageAfterTheFullMatchesTheSameWay() throws Exception {
        // The German and Spanish readings hold none of the words (Solr's document frequencies say so too).
        SearchRequest r = query("council budget schools");
        SearchResults results = lucene.search(r);
        assertEquals("https://news.example/budget", results.hits().get(0).url());
        assertFalse(results.hits().get(0).partial());
        assertTrue(results.hits().stream().anyMatch(h -> h.url().endsWith("/schools") && h.partial()),
                "the schools story holds two of the three words");
        assertSameHits(r);
    }

    @Test
    void showExportAndStatusReadTheStoredArticles() throws Exception {
        StoredArticle first = articles().get(0);
        Optional<StoredArticle> shown = solr.get(first.url());
        assertEquals(Optional.of(first), shown);
        assertEquals(first, solr.findByGuid(first.guid()).orElseThrow());
        List<StoredArticle> exported = new ArrayList<>();
        solr.forEach(exported::add);
        assertEquals(articles().size(), exported.size());
        assertEquals(lucene.status().articles(), solr.status().articles());
        assertEquals(1, solr.status().feeds());
        assertTrue(solr.feedStates().get(FEED_EN).isPresent());
    }

    @Test
    void filterStatisticsAskedInBulkEqualTheEmbeddedIndexs() throws Exception {
        List<String> terms = new ArrayList<>(analysed("en",
                "The city council rejected the mayor's budget after a long debate about school funding"));
        for (int i = 0; i < 300; i++) {
            terms.add("absentterm" + i); // past one request's worth of terms
        }
        long[] fromSolr = solr.corpusStats().docFreqs("en", terms);
        long[] embedded = lucene.corpusStats().docFreqs("en", terms);
        assertArrayEquals(embedded, fromSolr);
        assertTrue(java.util.Arrays.stream(fromSolr).anyMatch(n -> n > 0), "some words are in the articles");
        for (int i = 0; i < terms.size(); i += 37) {
            assertEquals(fromSolr[i], solr.corpusStats().docFreq("en", terms.get(i)), terms.get(i));
        }
    }

    @Test
    void titleChecksAnnouncedTogetherAnswerAsTheEmbeddedIndex() throws Exception {
        List<String> keys = new ArrayList<>();
        for (StoredArticle a : articles()) {
            keys.add(dev.winnow.article.TitleKeys.of(a.title()));
        }
        keys.add("a line that is no title");
        solr.corpusStats().prepareTitleChecks(keys);
        int known = 0;
        for (String key : keys) {
            List<String> excluded = new ArrayList<>();
            excluded.add(null);
            articles().forEach(a -> excluded.add(a.url()));
            for (String url : excluded) {
                boolean expected = lucene.corpusStats().isKnownTitle(key, url);
                assertEquals(expected, solr.corpusStats().isKnownTitle(key, url), key + " but " + url);
                known += expected ? 1 : 0;
            }
        }
        assertTrue(known > 0, "titles are known to others than their own article");
    }

    private static List<String> analysed(String lang, String text) throws Exception {
        List<String> out = new ArrayList<>();
        try (var ts = dev.winnow.lang.LanguageAnalyzers.forLanguage(lang).tokenStream("f", text)) {
            var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void writingAnArticleAgainReplacesIt() throws Exception {
        String other = SolrTestCluster.newCollection("upsert");
        try (SolrArticleIndex index = SolrArticleIndex.open(SolrArticleIndex.client(new SolrSettings(true,
                SolrTestCluster.zkHost(), List.of(), other)), other, other, IndexSettings.defaults(), true)) {
            StoredArticle a = articles().get(3);
            index.upsert(a);
            index.commit();
            index.upsert(a);
            index.upsert(a);
            index.commit();
            assertEquals(1, index.status().articles());
            assertEquals(1, index.search(query("fares")).total());
        } finally {
            SolrTestCluster.delete(other);
        }
    }
}
