package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snippets keep to {@code index.snippet-length} and mark what the query matched. */
class SnippetsTest {
    private static final int LENGTH = 80;
    /** One sentence of about 400 characters, far longer than a snippet. */
    private static final String LONG_SENTENCE = "The committee, which met on Tuesday after weeks of delays caused"
            + " by disagreements over the budget, the timetable, the choice of contractors and the consultation of"
            + " residents living near the proposed route, finally approved the plan to extend the tram line to the"
            + " airport, a project that officials say will be chasing federal grants for years and could cost far"
            + " more than the original estimate suggested when it was first announced";

    @TempDir
    static Path dir;
    static LuceneArticleIndex index;

    @BeforeAll
    static void fill() throws Exception {
        IndexSettings d = IndexSettings.defaults();
        IndexSettings shortSnippets = new IndexSettings(d.ramBufferBytes(), d.titleBoost(), d.recencyHalfLife(),
                d.recencyWeight(), LENGTH, d.defaultAnd(), d.nearDuplicateThreshold(), d.shingleWords(),
                d.facetValues(), d.nearDuplicateWindow());
        index = LuceneArticleIndex.openForWriting(dir, shortSnippets);
        index.upsert(article("https://news.example/tram", "en", "Green light for the extension", daysAgo(1), LONG_SENTENCE));
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static String snippet(String query) throws Exception {
        SearchResults r = index.search(SearchRequest.of(query, 10));
        assertEquals(1, r.hits().size(), query);
        return r.hits().get(0).snippet();
    }

    private static int visibleLength(String snippet) {
        return snippet.replace("\u0001", "").replace("\u0002", "").length();
    }

    @Test
    void aLongSentenceIsCutToTheSnippetLengthAroundTheMatch() throws Exception {
        String s = snippet("airport");
        assertTrue(visibleLength(s) <= LENGTH, visibleLength(s) + ": " + s);
        assertTrue(s.contains("\u0001airport\u0002"), s);
        assertTrue(s.startsWith("…") && s.endsWith("…"), s);
    }

    @Test
    void aTitleOnlyMatchGetsTheOpeningWithinTheLength() throws Exception {
        String s = snippet("title:green");
        assertTrue(visibleLength(s) <= LENGTH, visibleLength(s) + ": " + s);
        assertTrue(s.startsWith("The committee"), s);
    }

    @Test
    void prefixMatchesAreMarkedAsWritten() throws Exception {
        String s = snippet("chas*");
        assertTrue(s.contains("\u0001chasing\u0002"), s);
        assertTrue(visibleLength(s) <= LENGTH, s);
    }
}
