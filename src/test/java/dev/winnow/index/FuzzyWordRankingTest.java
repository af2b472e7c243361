package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a word marked fuzzy ({@code mllion~}) ranks the articles holding its near spellings. */
class FuzzyWordRankingTest {
    @TempDir
    static Path dir;
    static LuceneArticleIndex index;

    static final String BANKNOTES = "https://news.example/banknotes";
    static final String BILLION = "https://news.example/billion-deal";
    static final String HARBOUR = "https://news.example/harbour";
    static final String BIRDS = "https://news.example/birds";

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
        // The remembered article: the misspelt word and the other word in its text.
        index.upsert(article(BANKNOTES, "en", "Old banknotes may be worth a fortune", daysAgo(1),
                "The federal mint printed one million such notes before the design changed.",
                "Collectors pay well for the ones in good condition: a million dollars for the rarest."));
        // A near spelling two edits away in another article's short title.
        index.upsert(article(BILLION, "en", "Billion deal approved", daysAgo(1),
                "A federal judge approved the deal on Monday after a long hearing.",
                "Shareholders of both firms had waited for the ruling since the spring.",
                "The two companies expect to close the purchase before the end of the year."));
        // The misspelt word recalled next to the other one.
        index.upsert(article(HARBOUR, "en", "A quiet week at the port", daysAgo(1),
                "Painters came to the harbour cranes on Monday and worked until the evening."));
        // Both words more often, but far apart.
        index.upsert(article(BIRDS, "en", "Spring on the coast", daysAgo(1),
                "The harbour was busy with boats of every size and the market stalls along the quay were full"
                        + " of fish, bread and flowers for the whole of the morning, as the harbour is every Saturday.",
                "In the afternoon the harbour emptied and the town went quiet until all the fishing boats came"
                        + " back in. Later, cranes flew over the marshes, and more cranes followed in the evening"
                        + " light; cranes nest in the reeds there every year."));
        for (int i = 0; i < 6; i++) {
            index.upsert(article("https://news.example/filler-" + i, "en", "Weather and roads " + i, daysAgo(1),
                    "The storm closed roads and schools across the county for the week."));
        }
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
    void aNearSpellingInAnotherArticlesTitleDoesNotOutweighTheTextThatHoldsTheWord() throws Exception {
        List<String> hits = urls("federal mllion~");
        assertTrue(hits.contains(BILLION), "two edits away still matches: " + hits);
        assertEquals(BANKNOTES, hits.get(0));
    }

    @Test
    void aMisspeltWordRanksThePassageItWasRecalledFromFirst() throws Exception {
        assertEquals(List.of(HARBOUR, BIRDS), urls("harbour cranse~"));
    }

    @Test
    void nearSpellingsAreOneEditAway() {
        assertTrue(NearSpellings.oneEditAway("cranse").containsAll(List.of("cranse", "cranes", "crane", "cranse",
                "granse", "crans", "ccranse")));
        assertTrue(NearSpellings.oneEditAway("cranse").stream().noneMatch(s -> s.equals("cran")));
    }
}
