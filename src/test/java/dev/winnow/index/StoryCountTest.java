package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.winnow.article.StoredArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The count of a search is of stories when more articles match than one page fetches. */
class StoryCountTest {
    private static final int STORIES = 40;
    private static final int COPIED = 10;

    @TempDir
    Path dir;

    /** A text of its own words, so that no two stories are near-duplicates. */
    private static StoredArticle story(int n) {
        List<String> words = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            words.add("w" + Integer.toString(n * 31 + k * 7919, 36));
        }
        return article("https://news.example/s" + n, "en", "Budget story " + n, daysAgo(1 + n % 5),
                "The budget " + String.join(" ", words) + ".");
    }

    @Test
    void copiesInAnotherSegmentCountOnceBeyondTheFetchedPage() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            for (int n = 0; n < STORIES; n++) {
                index.upsert(story(n));
            }
            index.commit();
            for (int n = 0; n < COPIED; n++) {
                index.upsert(Articles.inFeed(story(n), "https://copy.example/s" + n, "https://copy.example/rss",
                        "copy.example"));
            }
            index.commit();
            SearchResults stories = index.search(SearchRequest.of("budget", 5));
            assertEquals(STORIES, stories.total(), "each copied story counted once");
            SearchResults all = index.search(new SearchRequest("budget", 5, 0, null, null, null, null, null, null, true));
            assertEquals(STORIES + COPIED, all.total(), "every copy counted with --all");
        }
    }

    /** The cluster ordinals are cached per reader: a commit that adds a copy must show in the next search. */
    @Test
    void aNewReaderSeesCopiesAddedAfterTheCachedOnes() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            for (int n = 0; n < STORIES; n++) {
                index.upsert(story(n));
            }
            index.commit();
            assertEquals(0, index.search(SearchRequest.of("\"budget story 7\"", 1)).hits().get(0).duplicates());
            assertEquals(STORIES, index.search(SearchRequest.of("budget", 5)).total());
            index.upsert(Articles.inFeed(story(7), "https://copy.example/s7", "https://copy.example/rss",
                    "copy.example"));
            index.upsert(story(STORIES));
            index.commit();
            assertEquals(1, index.search(SearchRequest.of("\"budget story 7\"", 1)).hits().get(0).duplicates(),
                    "the copy is counted by the new reader");
            assertEquals(STORIES + 1, index.search(SearchRequest.of("budget", 5)).total(),
                    "the new story is counted once, the copy not at all");
        }
    }
}
