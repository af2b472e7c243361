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

/** The words of a remembered headline, found together in one title, rank that article first. */
class TitleProximityTest {
    @TempDir
    static Path dir;
    static LuceneArticleIndex index;

    static final String HEADLINE = "https://news.example/harbour-closure";
    static final String SCATTERED = "https://news.example/harbour-week";
    static final String ASKED = "https://news.example/what-the-mayor-said";
    static final String MAYOR = "https://news.example/mayor-says";

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
        // The article whose headline a reader recalls: both words side by side in its title.
        index.upsert(article(HEADLINE, "en", "Storm forces harbour closure on the coast", daysAgo(1),
                "Officials acted after high waves damaged the piers and the fishing boats stayed in.",
                "Repairs are expected to take several weeks, the council said on Tuesday."));
        // Another with one word in its title and both, often, in its text.
        index.upsert(article(SCATTERED, "en", "Harbour traders count the cost of a quiet week", daysAgo(1),
                "Talk of a closure worried traders at the harbour, who fear another closure before spring.",
                "A closure would leave the harbour empty, one trader said, and the market with it."));
        // A headline recalled with its function words ("what the mayor"), and another that holds the words
        // that are not stop words ("mayor", "said") more often, in its title and its text.
        index.upsert(article(ASKED, "en", "What the mayor said about the bridge", daysAgo(1),
                "The bridge will close in May for repairs to its deck."));
        index.upsert(article(MAYOR, "en", "Mayor says the bridge plans are final", daysAgo(1),
                "The mayor says the plans are final; what the council wants, the mayor said, is a vote."));
        for (int i = 0; i < 8; i++) {
            index.upsert(article("https://news.example/filler-" + i, "en", "Roads and schools report " + i,
                    daysAgo(1), "The county council met on Monday " + i + " to discuss roads, schools and parks.",
                    "A harbour visit by pupils " + i + " was planned for the summer term."));
        }
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static List<String> top(String query) throws Exception {
        return index.search(SearchRequest.of(query, 2)).hits().stream().map(SearchHit::url).toList();
    }

    @Test
    void wordsSideBySideInATitleOutrankTheSameWordsRepeatedInAText() throws Exception {
        assertEquals(List.of(HEADLINE, SCATTERED), top("harbour closure"));
    }

    @Test
    void aHeadlineRecalledWithItsStopWordsRanksByThoseWordsNearOneAnotherInTheTitle() throws Exception {
        assertEquals(List.of(ASKED, MAYOR), top("what the mayor said"));
    }
}
