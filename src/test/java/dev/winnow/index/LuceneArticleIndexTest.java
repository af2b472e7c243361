package dev.winnow.index;

import static dev.winnow.index.Articles.FEED_ES;
import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static dev.winnow.index.Articles.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.StoredArticle;
import dev.winnow.state.FeedState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneArticleIndexTest {
    @TempDir
    Path dir;

    private final IndexSettings settings = IndexSettings.defaults();

    @Test
    void upsertReplacesTheCopyWithTheSameUrl() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            StoredArticle first = story(1);
            index.upsert(first);
            index.commit();
            index.upsert(Articles.retitled(first, "Titular corregido", "Texto actualizado."));
            index.commit();

            assertEquals(1, index.status().articles());
            assertEquals("Titular corregido", index.get(first.url()).orElseThrow().title());
            assertEquals(List.of("Texto actualizado."), index.get(first.url()).orElseThrow().paragraphs());
        }
    }

    @Test
    void storedArticleRoundTripsWithRemovalsAndSignals() throws Exception {
        StoredArticle a = Articles.withRemovals(story(2));
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            index.upsert(a);
            assertEquals(a, index.get(a.url()).orElseThrow(), "read-your-writes before commit");
            index.commit();
            assertEquals(a, index.get(a.url()).orElseThrow());
        }
    }

    @Test
    void findsArticleByGuid() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            StoredArticle a = story(3);
            index.upsert(a);
            assertEquals(a.url(), index.findByGuid(a.guid()).orElseThrow().url());
            index.commit();
            assertEquals(a.url(), index.findByGuid(a.guid()).orElseThrow().url());
            assertTrue(index.findByGuid("unknown-guid").isEmpty());
        }
    }

    @Test
    void sameFeedItemUnderNewUrlReplacesOldCopy() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            StoredArticle a = story(4);
            index.upsert(a);
            index.commit();
            StoredArticle moved = new StoredArticle("https://noticias.example/moved", a.guid(), a.feedUrl(), a.title(),
                    a.authors(), a.published(), a.fetched(), a.lang(), a.site(), null, a.paragraphs(), List.of(), "x");
            index.upsert(moved);
            index.commit();
            assertEquals(1, index.status().articles());
            assertTrue(index.get(a.url()).isEmpty());
        }
    }

    @Test
    void feedStateIsCommittedWithArticlesAndSurvivesReopen() throws Exception {
        FeedState state = new FeedState(FEED_ES, "\"etag-1\"", "Tue, 10 Nov 2026 10:00:00 GMT",
                Instant.parse("2026-11-10T10:00:00Z"), "ok", null, Instant.parse("2026-11-10T10:30:00Z"), 1, 0);
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            index.upsert(story(5));
            index.feedStates().put(state);
            assertEquals(state, index.feedStates().get(FEED_ES).orElseThrow(), "staged state is readable");
            index.commit();
        }
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            assertEquals(state, index.feedStates().get(FEED_ES).orElseThrow());
            assertEquals(List.of(state), index.feedStates().all());
            assertEquals(1, index.status().articles());
            assertEquals(1, index.status().feeds());
        }
    }

    @Test
    void closeWithoutCommitLosesOnlyUncommittedWork() throws Exception {
        FeedState before = FeedState.initial(FEED_ES);
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            index.upsert(story(6));
            index.feedStates().put(before);
            index.commit();
            index.upsert(story(7));
            index.feedStates().put(new FeedState(FEED_ES, "e2", null, null, "ok", null, null, 2, 0));
            // The process "dies" here: close does not commit.
        }
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            assertTrue(index.get(story(6).url()).isPresent());
            assertTrue(index.get(story(7).url()).isEmpty());
            assertEquals(before, index.feedStates().get(FEED_ES).orElseThrow());
            assertEquals(1, index.status().articles());
        }
    }

    @Test
    void readOnlyInstanceSeesEachCommitOfTheWriter() throws Exception {
        try (LuceneArticleIndex writer = LuceneArticleIndex.openForWriting(dir, settings);
             LuceneArticleIndex reader = LuceneArticleIndex.openReadOnly(dir, settings)) {
            writer.upsert(story(8));
            assertTrue(reader.get(story(8).url()).isEmpty(), "not visible before commit");
            writer.commit();
            assertTrue(reader.get(story(8).url()).isPresent());
            assertEquals(1, reader.search(SearchRequest.of("presupuesto", 10)).total());
            writer.upsert(story(9));
            writer.feedStates().put(FeedState.initial(FEED_ES));
            writer.commit();
            assertEquals(2, reader.search(SearchRequest.of("presupuesto", 10)).total());
            assertEquals(1, reader.feedStates().all().size());
        }
    }

    @Test
    void readOnlyInstanceRefusesWrites() throws Exception {
        try (LuceneArticleIndex writer = LuceneArticleIndex.openForWriting(dir, settings);
             LuceneArticleIndex reader = LuceneArticleIndex.openReadOnly(dir, settings)) {
            assertThrows(IllegalStateException.class, () -> reader.upsert(story(1)));
            assertThrows(IllegalStateException.class, reader::commit);
            assertThrows(IllegalStateException.class, () -> reader.feedStates().put(FeedState.initial(FEED_ES)));
        }
    }

    @Test
    void missingIndexReadsAsEmptyWithAClearStatus() throws Exception {
        Path nowhere = dir.resolve("not-yet");
        try (LuceneArticleIndex reader = LuceneArticleIndex.openReadOnly(nowhere, settings)) {
            assertEquals(0, reader.search(SearchRequest.of("anything", 10)).total());
            assertTrue(reader.get("https://x.example/").isEmpty());
            IndexStatus status = reader.status();
            assertFalse(status.exists());
            assertTrue(status.describe().contains("no index at"), status.describe());
            assertThrows(QuerySyntaxException.class, () -> reader.search(SearchRequest.of("title:(open", 10)));
        }
        assertFalse(nowhere.toFile().exists(), "reading must not create the folder");
    }

    @Test
    void secondWriterIsToldADaemonOrFetchIsWriting() throws Exception {
        try (LuceneArticleIndex writer = LuceneArticleIndex.openForWriting(dir, settings)) {
            IndexLockedException e = assertThrows(IndexLockedException.class,
                    () -> LuceneArticleIndex.openForWriting(dir, settings));
            assertTrue(e.getMessage().contains("a daemon or fetch is already writing"), e.getMessage());
        }
        LuceneArticleIndex.openForWriting(dir, settings).close(); // lock released on close
    }

    @Test
    void forEachStreamsEveryArticleButNoFeedState() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            for (int i = 0; i < 5; i++) {
                index.upsert(story(i));
            }
            index.feedStates().put(FeedState.initial(FEED_ES));
            index.commit();
            List<String> urls = new ArrayList<>();
            index.forEach(a -> urls.add(a.url()));
            assertEquals(5, urls.size());
        }
    }

    @Test
    void corpusStatsCountsAnalysedTermsPerLanguageAndKnownTitles() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            for (int i = 0; i < 3; i++) {
                index.upsert(story(i));
            }
            index.upsert(article("https://news.example/en1", "en", "Budget vote delayed", daysAgo(1),
                    "The council delayed the budget vote."));
            index.commit();
            var stats = index.corpusStats();
            assertEquals(3, stats.docCount("es"));
            assertEquals(1, stats.docCount("en"));
            // "presupuesto" is analysed by the Spanish chain to its light stem.
            String term = analysedTerm("es", "presupuesto");
            assertEquals(3, stats.docFreq("es", term));
            assertEquals(0, stats.docFreq("en", term));
            assertTrue(stats.isKnownTitle("titular numero 1", "https://other.example/"));
            assertFalse(stats.isKnownTitle("titular numero 1", story(1).url()), "the article itself does not count");
            index.upsert(article("https://news.example/en2", "en", "Fresh headline", daysAgo(0), "Body."));
            assertTrue(stats.isKnownTitle("fresh headline", null), "staged titles are known before commit");
        }
    }

    @Test
    void corpusStatsCachedBeforeACommitAreNotServedAfterIt() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            for (int i = 0; i < 2; i++) {
                index.upsert(story(i));
            }
            index.commit();
            var stats = index.corpusStats();
            String term = analysedTerm("es", "presupuesto");
            assertEquals(2, stats.docFreq("es", term));
            assertEquals(2, stats.docCount("es"));

            for (int i = 2; i < 5; i++) {
                index.upsert(story(i));
            }
            assertEquals(2, stats.docFreq("es", term), "staged articles do not count before the commit");
            index.commit();

            assertEquals(5, stats.docFreq("es", term), "the commit refreshed the cached document frequency");
            assertEquals(5, stats.docCount("es"), "the commit refreshed the cached document count");
        }
    }

    @Test
    void syndicatedCopyIndexedAfterRestartJoinsTheStoredStorysCluster() throws Exception {
        StoredArticle original = story(11);
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            index.upsert(original);
            index.commit();
        }
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            index.upsert(Articles.inFeed(original, "https://otro.example/copia", "https://otro.example/rss",
                    "otro.example"));
            index.commit();
            SearchResults r = index.search(SearchRequest.of("presupuesto", 10));
            assertEquals(1, r.total(), "one story, listed once");
            assertEquals(1, r.hits().size());
            assertEquals(1, r.hits().get(0).duplicates());
        }
    }

    @Test
    void concurrentUpsertsFromSeveralThreadsAreAllKept() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 4; t++) {
                int base = t * 100;
                threads.add(new Thread(() -> {
                    try {
                        for (int i = base; i < base + 100; i++) {
                            index.upsert(article("https://noticias.example/t" + i, "es", "Noticia " + i, daysAgo(1),
                                    "Texto distinto número " + i + " para la prueba de concurrencia " + (i * 7919)));
                        }
                    } catch (Exception e) {
                        errors.add(e);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            index.commit();
            assertEquals(List.of(), errors);
            assertEquals(400, index.status().articles());
        }
    }

    static String analysedTerm(String lang, String word) throws Exception {
        try (var ts = dev.winnow.lang.LanguageAnalyzers.forLanguage(lang).tokenStream("f", word)) {
            var attr = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            ts.incrementToken();
            String t = attr.toString();
            ts.end();
            return t;
        }
    }
}
