package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A word a page hyphenates with soft hyphens ({@code &shy;}) is found by the word as people type it. */
class SoftHyphenSearchTest {
    private static final String HYPHENATED = "https://nachrichten.example/haushalt";

    @Test
    void findsAWordWrittenWithSoftHyphensByItsPlainSpelling(@TempDir Path dir) throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            index.upsert(article(HYPHENATED, "de", "Haus\u00adhalt für das nächste Jahr", daysAgo(1),
                    "Die Bundes\u00adregierung be\u00adschließt den Haus\u00adhalts\u00adentwurf am Mittwoch."));
            index.upsert(article("https://nachrichten.example/wetter", "de", "Sturm im Norden", daysAgo(1),
                    "Der Sturm schloss Straßen und Schulen im ganzen Land."));
            index.commit();
            for (String query : List.of("Bundesregierung", "Haushaltsentwurf", "title:Haushalt", "Bundesreg*")) {
                assertEquals(List.of(HYPHENATED), urls(index, query), query);
            }
        }
    }

    private static List<String> urls(LuceneArticleIndex index, String query) throws Exception {
        return index.search(SearchRequest.of(query, 10)).hits().stream().map(SearchHit::url).toList();
    }
}
