package dev.winnow.pipeline;

import dev.winnow.filter.RecentLines;
import dev.winnow.article.StoredArticle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.feed.FeedParser;
import dev.winnow.feed.FeedSource;
import dev.winnow.filter.FilterSettings;
import dev.winnow.filter.OffTopicFilter;
import dev.winnow.http.FetchException;
import dev.winnow.http.FetchRequest;
import dev.winnow.http.FetchResult;
import dev.winnow.http.HttpFetcher;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import dev.winnow.state.FeedState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One poll through every stage, with the network replaced by a map of canned answers. */
class FeedPollerTest {
    private static final String FEED = "https://news.example/rss";
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final String BODY = "<p>The city council approved the new budget for schools and parks on Monday evening after a long debate.</p>"
            + "<p>Council members said the budget adds money for teachers, school buses and playground repairs across the city.</p>"
            + "<p>The mayor said the schools budget was the largest in a decade and thanked the council for its support.</p>"
            + "<p>Parents who attended the meeting welcomed the money for schools but asked for smaller class sizes too.</p>";

    @TempDir
    Path dir;

    private final CannedFetcher web = new CannedFetcher();
    private LuceneArticleIndex index;
    private FeedPoller poller;

    @BeforeEach
    void setUp() throws Exception {
        index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults());
        poller = poller(50);
    }

    private FeedPoller poller(int maxArticlesPerPoll) {
        return poller(new PipelineSettings(maxArticlesPerPoll, 2));
    }

    private FeedPoller poller(PipelineSettings settings) {
        return poller(settings, new CleaningStage(new OffTopicFilter(FilterSettings.defaults())));
    }

    private FeedPoller poller(PipelineSettings settings, CleaningStage cleaning) {
        ScheduleSettings schedule = new ScheduleSettings(Duration.ofMinutes(30), Duration.ofMinutes(5),
                Duration.ofDays(1), Duration.ofHours(6), Duration.ZERO);
        return new FeedPoller(web, new FeedParser(), new ArticleExtractor(ExtractSettings.defaults()), cleaning,
                index, new PollPlanner(schedule), settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() throws Exception {
        index.close();
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>News</title><link>https://news.example/</link>" + items + "</channel></rss>";
    }

    private static String item(String slug, String content) {
        return "<item><title>Council approves " + slug + "</title><link>https://news.example/" + slug + "</link>"
                + "<guid>" + slug + "</guid>" + (content == null ? "" : "<content:encoded><![CDATA[" + content + "]]></content:encoded>")
                + "</item>";
    }

    private static String page(String title) {
        return "<html lang=\"en\"><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>"
                + BODY + "</article></body></html>";
    }

    @Test
    void storesReachableArticlesAndFallsBackToFullTextFromTheFeed() throws Exception {
        web.answer(FEED, rss(item("budget", null) + item("blocked", BODY + BODY) + item("gone", null)), "\"v1\"");
        web.answer("https://news.example/budget", page("Council approves budget"), null);
        web.fail("https://news.example/blocked", new FetchException("robots-disallowed", "robots.txt disallows it"));
        web.fail("https://news.example/gone", new FetchException("http-404", "not found"));

        FeedReport report = poller.poll(FeedSource.of(FEED), false, ProgressListener.NONE);

        assertEquals(FeedStatus.OK, report.status());
        assertEquals(2, report.count(ItemStatus.NEW), report.toString());
        assertEquals(1, report.count(ItemStatus.FAILED));
        assertTrue(index.get("https://news.example/blocked").isPresent(), "full text from the feed stored");
        assertTrue(index.get("https://news.example/budget").orElseThrow().text().contains("playground repairs"));
    }

    @Test
    void aLineAnotherFeedsArticleRepeatsLaterIsRemovedFromTheArticleStoredFirst() throws Exception {
        String teaser = "Local football club signs a new coach from the national league";
        FeedPoller remembering = poller(new PipelineSettings(50, 2),
                new CleaningStage(new OffTopicFilter(FilterSettings.defaults()), new RecentLines(100)));
        web.answer(FEED, rss(item("budget", null)), "\"v1\"");
        web.answer("https://news.example/budget", page("Council approves budget").replace("<p>Parents",
                "<p>" + teaser + "</p><p>Parents"), null);
        remembering.poll(FeedSource.of(FEED), false, ProgressListener.NONE);
        assertTrue(index.get("https://news.example/budget").orElseThrow().text().contains(teaser), "kept at first");

        String other = "https://other.example/rss";
        web.answer(other, rss(item("parks", null).replace("news.example", "other.example")), "\"v1\"");
        web.answer("https://other.example/parks", "<html lang=\"en\"><head><title>New park opens by the river"
                + "</title></head><body><article><h1>New park opens by the river</h1>"
                + "<p>A new park with a playground and a cycle path opened by the river on Saturday morning.</p>"
                + "<p>" + teaser + "</p>"
                + "<p>The park took two years to build and has room for a weekly market in the summer.</p>"
                + "<p>Families said the park was the first green space in the neighbourhood for decades.</p>"
                + "</article></body></html>", null);
        remembering.poll(FeedSource.of(other), false, ProgressListener.NONE);

        StoredArticle budget = index.get("https://news.example/budget").orElseThrow();
        assertFalse(budget.text().contains(teaser), budget.text());
        assertTrue(budget.removed().stream().anyMatch(r -> r.text().equals(teaser)
                && r.signals().getOrDefault("repeated-text", 0.0) == 1.0));
        assertTrue(budget.text().contains("playground repairs"), "nothing else of it changed");
    }

    @Test
    void secondPollSendsValidatorsAndA304CostsNothing() throws Exception {
        web.answer(FEED, rss(item("budget", null)), "\"v1\"");
        web.answer("https://news.example/budget", page("Council approves budget"), null);
        poller.poll(FeedSource.of(FEED), false, ProgressListener.NONE);
        int pagesFetched = web.requests("https://news.example/budget");

        FeedReport again = poller.poll(FeedSource.of(FEED), false, ProgressListener.NONE);

        assertEquals(FeedStatus.NOT_MODIFIED, again.status());
        assertEquals("\"v1\"", web.lastEtagSent);
        assertEquals(pagesFetched, web.requests("https://news.example/budget"), "no page re-fetched");
    }

    @Test
    void failingFeedIsRecordedWithReasonAndBackedOff() throws Exception {
        web.fail(FEED, new FetchException("http-503", "unavailable", Duration.ofHours(2), null));
        FeedReport report = poller.poll(FeedSource.of(FEED), false, ProgressListener.NONE);
        assertEquals(FeedStatus.FAILED, report.status());
        FeedState state = index.feedStates().get(FEED).orElseThrow();
        assertEquals(1, state.consecutiveFailures());
        assertTrue(state.lastReason().startsWith("http-503"));
        assertTrue(!state.nextPoll().isBefore(NOW.plus(Duration.ofHours(2))), "Retry-After honoured");
    }

    @Test
    void itemsBeyondThePerPollCapAreFetchedAtTheNextPollEvenIfTheFeedIsUnchanged() throws Exception {
        FeedPoller capped = poller(1);
        web.answer(FEED, rss(item("budget", null) + item("parks", null) + item("budget", null)), "\"v1\"");
        web.answer("https://news.example/budget", page("Council approves budget"), null);
        web.answer("https://news.example/parks", page("Council approves parks"), null);

        FeedReport first = capped.poll(FeedSource.of(FEED), false, ProgressListener.NONE);
        assertEquals(1, first.count(ItemStatus.NEW));
        FeedReport second = capped.poll(FeedSource.of(FEED), false, ProgressListener.NONE);

        assertEquals(FeedStatus.OK, second.status(), "validators withheld while items wait");
        assertEquals(1, second.count(ItemStatus.NEW));
        assertTrue(index.get("https://news.example/budget").isPresent() && index.get("https://news.example/parks").isPresent());
    }

    @Test
    void articleThatFailedOnceIsRetriedAtTheNextPollThoughTheFeedIsUnchanged() throws Exception {
        FeedPoller retryAtOnce = poller(new PipelineSettings(50, 2, Duration.ZERO, 8));
        web.answer(FEED, rss(item("budget", null) + item("parks", null) + item("roads", null)), "\"v1\"");
        web.answer("https://news.example/budget", page("Council approves budget"), null);
        web.answer("https://news.example/parks", page("Council approves parks"), null);
        web.answer("https://news.example/roads", page("Council approves roads"), null);
        web.failOnce("https://news.example/parks", new FetchException("http-500", "server error"));

        FeedReport first = retryAtOnce.poll(FeedSource.of(FEED), false, ProgressListener.NONE);
        assertEquals(1, first.count(ItemStatus.FAILED));
        FeedState state = index.feedStates().get(FEED).orElseThrow();
        assertEquals(List.of("https://news.example/parks"), state.failedItems().stream().map(f -> f.url()).toList(),
                "the failed article is remembered with the feed");
        assertTrue(state.failedItems().get(0).reason().startsWith("http-500"));

        FeedReport second = retryAtOnce.poll(FeedSource.of(FEED), false, ProgressListener.NONE);
        retryAtOnce.poll(FeedSource.of(FEED), false, ProgressListener.NONE);

        assertEquals(FeedStatus.OK, second.status(), "the whole feed was asked for, not a 304");
        assertEquals(1, second.count(ItemStatus.NEW));
        for (String slug : List.of("budget", "parks", "roads")) {
            assertTrue(index.get("https://news.example/" + slug).isPresent(), slug + " stored");
        }
        assertTrue(index.feedStates().get(FEED).orElseThrow().failedItems().isEmpty());
    }

    @Test
    void failedArticleWaitsOutItsBackoffWhileTheFeedAnswers304() throws Exception {
        web.answer(FEED, rss(item("budget", null) + item("parks", null)), "\"v1\"");
        web.answer("https://news.example/budget", page("Council approves budget"), null);
        web.answer("https://news.example/parks", page("Council approves parks"), null);
        web.failOnce("https://news.example/parks", new FetchException("http-500", "server error"));
        poller.poll(FeedSource.of(FEED), false, ProgressListener.NONE);

        FeedReport again = poller.poll(FeedSource.of(FEED), false, ProgressListener.NONE);

        assertEquals(FeedStatus.NOT_MODIFIED, again.status(), "not due yet: the feed's validators are used");
        assertEquals(1, web.requests("https://news.example/parks"), "not re-fetched before its backoff ends");
        var waiting = index.feedStates().get(FEED).orElseThrow().failedItems();
        assertEquals(1, waiting.size(), "still listed for a later retry");
        assertEquals(NOW.plus(Duration.ofMinutes(5)), waiting.get(0).retryAt());
    }

    @Test
    void dryRunStoresNothing() throws Exception {
        web.answer(FEED, rss(item("budget", null)), null);
        web.answer("https://news.example/budget", page("Council approves budget"), null);
        FeedReport report = poller.poll(FeedSource.of(FEED), true, ProgressListener.NONE);
        assertEquals(1, report.count(ItemStatus.NEW));
        assertTrue(index.get("https://news.example/budget").isEmpty());
        assertTrue(index.feedStates().get(FEED).isEmpty());
    }

    /** Canned answers per URL; honours If-None-Match like a real server. */
    private static final class CannedFetcher implements HttpFetcher {
        private final Map<String, Object> answers = new HashMap<>();
        private final Map<String, String> etags = new HashMap<>();
        private final Map<String, FetchException> failOnce = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<String> log = new ArrayList<>();
        volatile String lastEtagSent;

        void answer(String url, String body, String etag) {
            answers.put(url, body);
            etags.put(url, etag);
        }

        void fail(String url, FetchException e) {
            answers.put(url, e);
        }

        /** The first request fails with {@code e}; later ones get the canned answer. */
        void failOnce(String url, FetchException e) {
            failOnce.put(url, e);
        }

        synchronized int requests(String url) {
            return (int) log.stream().filter(url::equals).count();
        }

        @Override
        public FetchResult fetch(FetchRequest request) throws FetchException {
            synchronized (this) {
                log.add(request.url());
            }
            FetchException once = failOnce.remove(request.url());
            if (once != null) {
                throw once;
            }
            Object a = answers.get(request.url());
            if (a instanceof FetchException e) {
                throw e;
            }
            if (a == null) {
                throw new FetchException("http-404", "no canned answer for " + request.url());
            }
            if (request.etag() != null) {
                lastEtagSent = request.etag();
                if (request.etag().equals(etags.get(request.url()))) {
                    return new FetchResult(304, request.url(), request.url(), null, null, request.etag(), null, null);
                }
            }
            return new FetchResult(200, request.url(), request.url(), ((String) a).getBytes(StandardCharsets.UTF_8),
                    "text/html; charset=utf-8", etags.get(request.url()), null, null);
        }
    }
}
