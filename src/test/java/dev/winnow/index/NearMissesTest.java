package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page the full matches leave short is filled with articles holding all but one of the words. */
class NearMissesTest {
    @TempDir
    static Path dir;
    static LuceneArticleIndex index;

    static final String ALL_FOUR = "https://news.example/all-four";
    static final String THREE = "https://news.example/three";
    static final String TWO = "https://news.example/two";
    static final String STEEL_EN = "https://news.example/steel";
    static final String STEEL_DE = "https://zeitung.example/stahl";
    static final String MISPRINT = "https://news.example/misprint";
    static final String STORM = "https://zeitung.example/unwetter";

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
        index.upsert(article(ALL_FOUR, "en", "Port workers walk out", daysAgo(3),
                "Dock workers began a strike over wages on Monday; the harbour cranes stood idle."));
        // Three of the four words, in the title and again in the text: it would outscore the full match.
        index.upsert(article(THREE, "en", "Harbour cranes strike: harbour cranes idle", daysAgo(1),
                "The harbour strike left the cranes idle; the harbour strike goes on, the cranes too."));
        index.upsert(article(TWO, "en", "Harbour strike ends", daysAgo(1),
                "The harbour strike ended after a week."));
        index.upsert(article(STEEL_EN, "en", "Steel prices climb", daysAgo(2),
                "Thyssenkrupp raised its prices for rolled steel."));
        index.upsert(article(STEEL_DE, "de", "Thyssenkrupp streicht Stellen", daysAgo(2),
                "Der Konzern baut in Duisburg Stellen ab."));
        index.upsert(article("https://news.example/weather", "en", "Storm brings heavy rain", daysAgo(1),
                "The storm closed roads and schools across the county."));
        // English text holding both words of "Gewitterr und" as written: the English reading matches it in full.
        index.upsert(article(MISPRINT, "en", "A misprint on the town sign", daysAgo(1),
                "The new sign read Gewitterr und Hagel, a misprint of two German words."));
        index.upsert(article(STORM, "de", "Unwetter im Süden", daysAgo(2),
                "Am Abend zogen schwere Gewitter und Hagel über die Stadt."));
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void anArticleHoldingAllButOneWordFollowsTheFullMatchesMarkedPartial() throws Exception {
        SearchResults r = index.search(SearchRequest.of("harbour cranes strike wages", 10));
        assertEquals(List.of(ALL_FOUR, THREE), r.hits().stream().map(SearchHit::url).toList(),
                "full match first, then the near miss; two of four words is not near");
        assertFalse(r.hits().get(0).partial());
        assertTrue(r.hits().get(1).partial());
        assertFalse(r.partial(), "an article holds every word");
        assertEquals(2, r.total());
    }

    @Test
    void nearMissesPageOnFromTheFullMatches() throws Exception {
        SearchRequest second = new SearchRequest("harbour cranes strike wages", 1, 1, null, null, null, null,
                SearchRequest.Sort.RELEVANCE, List.of(), false);
        SearchResults r = index.search(second);
        assertEquals(List.of(THREE), r.hits().stream().map(SearchHit::url).toList());
        assertTrue(r.hits().get(0).partial());
        SearchResults first = index.search(SearchRequest.of("harbour cranes strike wages", 1));
        assertEquals(List.of(ALL_FOUR), first.hits().stream().map(SearchHit::url).toList(),
                "a page the full matches fill has no near misses");
    }

    @Test
    void twoWordsAreBothRequiredWhileSomeArticleHoldsBoth() throws Exception {
        SearchResults r = index.search(SearchRequest.of("harbour wages", 10));
        assertEquals(List.of(ALL_FOUR), r.hits().stream().map(SearchHit::url).toList());
        assertEquals(1, r.total());
    }

    @Test
    void aWordNoArticleOfALanguageHoldsIsNotRequiredOfItsNearMisses() throws Exception {
        // No German article holds "prices": the German reading of two words needs the other one only.
        assertFullMatchThenNearMiss("Thyssenkrupp prices", STEEL_EN, STEEL_DE);
    }

    @Test
    void aLanguageWhoseArticlesHoldNoneOfTheWordsFillsThePageByItsStopWordsAsWritten() throws Exception {
        // A stray full match in English keeps the query from its last resort; no German article holds
        // "Gewitterr", so the German near misses are read as the last resort reads them: the stop word as
        // written, ranked by the near spellings beside it.
        assertFullMatchThenNearMiss("Gewitterr und", MISPRINT, STORM);
    }

    private static void assertFullMatchThenNearMiss(String query, String full, String nearMiss) throws Exception {
        SearchResults r = index.search(SearchRequest.of(query, 10));
        assertEquals(List.of(full, nearMiss), r.hits().stream().map(SearchHit::url).toList());
        assertFalse(r.hits().get(0).partial());
        assertTrue(r.hits().get(1).partial());
    }

    @Test
    void explicitOperatorsAreNeverFilled() throws Exception {
        SearchResults r = index.search(SearchRequest.of("harbour AND cranes AND strike AND wages", 10));
        assertEquals(List.of(ALL_FOUR), r.hits().stream().map(SearchHit::url).toList());
    }
}
