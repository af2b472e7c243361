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
}
