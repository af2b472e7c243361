package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words of another language inside an article do not outrank the articles written in it: "the" is rare
 * in Spanish texts, so the one Spanish article quoting an English title would otherwise lead.
 */
class ForeignWordsTest {
    @TempDir
    static Path dir;
    static LuceneArticleIndex index;

    static final String ENGLISH = "https://news.example/city-mayor";
    static final String SPANISH = "https://noticias.example/the-city";

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
        index.upsert(article(ENGLISH, "en", "A new mayor for the city", daysAgo(1),
                "The city council chose a new mayor on Monday after the long vote in the city hall.",
                "The mayor promised to fix the roads of the city within a year."));
        // One Spanish article quotes an English film title; the others of each language are plain.
        index.upsert(article(SPANISH, "es", "Se estrena una película en Madrid", daysAgo(1),
                "La película, titulada The City, cuenta la historia de una familia en una gran ciudad.",
                "El director presentó la obra ante el público del festival."));
        for (int i = 0; i < 10; i++) {
            index.upsert(article("https://news.example/other-" + i, "en", "The weather report " + i, daysAgo(1),
                    "The storm " + i + " closed the roads and the schools across the county.",
                    (i % 2 == 0 ? "The city" : "The county") + " council " + i
                            + " said it would reopen them in the morning."));
            index.upsert(article("https://noticias.example/otra-" + i, "es", "El tiempo de hoy " + i, daysAgo(1),
                    "La tormenta " + i + " cerró las carreteras y las escuelas de la provincia.",
                    "El ayuntamiento " + i + " dijo que la ciudad volverá a la normalidad."));
        }
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static String first(String query) throws Exception {
        return index.search(SearchRequest.of(query, 10)).hits().get(0).url();
    }

    @Test
    void anEnglishStopWordInASpanishArticleDoesNotOutrankTheEnglishArticle() throws Exception {
        assertEquals(ENGLISH, first("the city"));
    }

    @Test
    void theSpanishArticleStillLeadsForItsOwnWords() throws Exception {
        assertEquals(SPANISH, first("The City película"));
    }
}
