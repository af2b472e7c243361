package dev.winnow.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.StoredArticle;
import dev.winnow.article.TitleKeys;
import dev.winnow.filter.Ledes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's recent articles' ledes are known to the filter, as their titles are. */
class IndexKnownLedesTest {
    private static final String LEDE = "Heavy rain and strong winds brought flooding and power cuts to towns along "
            + "the south coast overnight, with thousands of homes left without electricity.";
    private static final String TITLE = "Storm brings floods and power cuts";

    @TempDir
    Path dir;

    private static StoredArticle article(String url, String title, String... paragraphs) {
        return new StoredArticle(url, null, "https://feed.example/rss", title, List.of(), Instant.now(), Instant.now(),
                "en", null, null, List.of(paragraphs), List.of(), "h");
    }

    @Test
    void aStoredArticlesLedeIsKnownToOtherArticlesButNotToCopiesOfItsStory() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            index.upsert(article("https://news.example/storm", TITLE, TITLE, LEDE, "More rain is due this weekend."));
            index.commit();
            var stats = index.corpusStats();
            String opening = Ledes.opening(TitleKeys.of(LEDE));

            assertTrue(stats.isKnownLede(opening, "https://news.example/other", TitleKeys.of("Budget vote delayed")));
            assertFalse(stats.isKnownLede(opening, "https://news.example/storm", TitleKeys.of(TITLE)),
                    "the article itself does not count");
            assertFalse(stats.isKnownLede(opening, "https://copy.example/storm", TitleKeys.of(TITLE)),
                    "a copy of the same story (same title) opens the same way");
            assertFalse(stats.isKnownLede(Ledes.opening(TitleKeys.of("Forecasters warned that more rain would "
                    + "come over the weekend and into next week.")), null, ""));
        }
    }
}
