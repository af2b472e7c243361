package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query of stop words only is a passage remembered from one article: the article where its words sit
 * together ranks above those that hold them scattered, however short or repetitive those are.
 */
class StopWordPassageTest {
    static final String PASSAGE = "https://zeitung.example/passage";

    @Test
    void theArticleWhereTheStopWordsSitTogetherRanksFirst(@TempDir Path dir) throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            index.upsert(article(PASSAGE, "de", "Neue Brücke eröffnet", daysAgo(1),
                    "Am Montag erklärten die Bauleute, sie haben der Gemeinde und dem Kreis die neue Brücke"
                            + " übergeben. Die Arbeiten dauerten zwei Jahre, länger als geplant, weil im Winter"
                            + " das Wasser stieg und die Fundamente neu gegossen werden mussten."));
            for (int i = 0; i < 4; i++) {
                // The same words, more often and in shorter texts, but far apart: plain BM25 prefers these.
                index.upsert(article("https://zeitung.example/scattered-" + i, "de", "Meldung " + i, daysAgo(2),
                        "Und Regen fiel am Morgen über Felder, Wiesen, Gärten, Dächer, Straßen, Brücken und Wälder."
                                + " Der Wind drehte nach Westen, Osten, Süden, Norden, oben, unten, hin und her."
                                + " Sie kamen spät aus Hamburg, Bremen, Kiel, Lübeck, Rostock, Schwerin, Wismar."
                                + " Wir haben Zeit, Geduld, Ruhe, Kraft, Mut, Glück, Hoffnung, Freude genug."
                                + " Der Hafen und sie."));
            }
            index.commit();
            SearchResults r = index.search(SearchRequest.of("sie haben der und", 10));
            assertEquals(PASSAGE, r.hits().get(0).url(), "the passage 'sie haben der Gemeinde und' is in one article");
        }
    }
}
