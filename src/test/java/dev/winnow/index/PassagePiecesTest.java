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
 * A query recalled in pieces: two of its words next to one another in the article, the third elsewhere;
 * and a query worded in one language whose other word no article of that language holds as typed.
 */
class PassagePiecesTest {
    @TempDir
    static Path dir;
    static LuceneArticleIndex index;

    static final String INTERVIEW = "https://news.example/interview";
    static final String COUNCIL = "https://news.example/council";
    static final String SUV = "https://zeitung.example/suv";
    static final String MERCADO = "https://noticias.example/mercado";

    @BeforeAll
    static void fill() throws Exception {
        index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
        index.upsert(article(INTERVIEW, "en", "A blogger on the court ruling", daysAgo(2),
                "Her lawyers are still reading the judgment, and the costs are not settled yet.",
                "The court ruling came in spring and surprised many of her readers.",
                "On the phone she talks about the support she got from friends and colleagues in those weeks.",
                "Nobody was willing to tell me how many partnerships they signed this year, she says."));
        // The word three times in a short text: plain BM25 puts it first for the word alone.
        index.upsert(article(COUNCIL, "en", "Council reviews its club deals", daysAgo(2),
                "Partnerships with clubs: the council reviewed its partnerships; partnerships are renewed each year."));
        // Other stories with the two stop words, as any English index has.
        index.upsert(article("https://news.example/rain", "en", "Rain floods the old town", daysAgo(1),
                "Shops are closed and they will stay shut until the water is gone."));
        index.upsert(article("https://news.example/school", "en", "Schools reopen", daysAgo(1),
                "Pupils are back; they had missed two weeks."));
        index.upsert(article(SUV, "de", "Japanisches Mini-SUV auf dem Vormarsch", daysAgo(3),
                "Das kleine Modell verkauft sich in Europa besser als erwartet."));
        index.upsert(article(MERCADO, "es", "El mercado de coches usados crece", daysAgo(3),
                "Los demás fabricantes esperan un año difícil; los demás concesionarios también."));
        index.commit();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void twoWordsNextToEachOtherOutrankTheWordAloneInAShortText() throws Exception {
        SearchResults r = index.search(SearchRequest.of("partnerships they are", 10));
        assertEquals(INTERVIEW, r.hits().get(0).url(),
                "\"partnerships they\" stands in the interview as typed; \"are\" stands elsewhere");
    }

    @Test
    void aQueryWordedInGermanFindsTheGermanArticleThroughANearSpelling() throws Exception {
        SearchResults r = index.search(SearchRequest.of("Japanischese dem", 10));
        assertEquals(SUV, r.hits().get(0).url(),
                "\"dem\" says German; no German article holds \"Japanischese\", one holds \"Japanisches\"");
    }
}
