package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A word in the title and the text is scored as one field (BM25F), not as two scores added. */
class TitleAndTextScoringTest {
    @TempDir
    static Path dir;
    static LuceneArticleIndex index;

    static final String PASSAGE = "https://news.example/harbour-report";
    static final String TITLE_WORD = "https://news.example/steel";

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
        // The article a reader remembers: the words of one sentence of its text.
        index.upsert(article(PASSAGE, "en", "Harbour report for the week", daysAgo(1),
                "Customs officers counted steel quotas at the northern ports on Monday.",
                "Traffic was heavy and the weather was calm for most of the week."));
        // Another article with the rarer word as its short title and the other words far apart in its text.
        index.upsert(article(TITLE_WORD, "en", "Steel", daysAgo(1),
                "New quotas were discussed by ministers during a long meeting in the capital city.",
                "Many other topics came up, from schools to hospitals, roads, rail and energy prices.",
                "Later in the evening the talks turned to shipping and the ports of the south."));
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
    void aRareWordInAShortTitleDoesNotOutweighTheRecalledPassage() throws Exception {
        assertEquals(List.of(PASSAGE, TITLE_WORD), urls("steel quotas ports"));
    }

    @Test
    void aTitleMatchStillCountsMoreThanATextMatch() throws Exception {
        // One article has the word as its title, the other once in its text.
        assertEquals(List.of(TITLE_WORD, PASSAGE), urls("steel"));
    }
}
