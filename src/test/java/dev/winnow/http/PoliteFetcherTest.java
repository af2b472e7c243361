package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {
    private static HttpSettings settings(int concurrency, Duration delay) {
        HttpSettings d = HttpSettings.defaults();
        return new HttpSettings(true, "winnow/0.1", d.connectTimeout(), d.readTimeout(), Duration.ofSeconds(5),
                d.maxFeedBytes(), d.maxPageBytes(), d.maxRedirects(), concurrency, delay, true,
                Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    /** A fake server: robots.txt per host, 429 for host "busy.example", 200 elsewhere; records calls. */
    private static final class FakeWeb implements HttpFetcher {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        String robots = "User-agent: *\nDisallow: /private\n";

        @Override
        public FetchResult fetch(FetchRequest r) throws FetchException {
            calls.add(r.url());
            if (r.url().contains("nxdomain.example")) {
                throw new FetchException("unknown-host", "unknown host nxdomain.example");
            }
            if (r.url().contains("broken.example") && r.url().endsWith("/robots.txt")) {
                throw new FetchException("http-500", "HTTP 500 from " + r.url());
            }
            if (r.url().contains("busy.example") && !r.url().endsWith("/robots.txt")) {
                throw new FetchException("http-429", "slow down", Duration.ofMinutes(2), null);
            }
            if (r.url().endsWith("/robots.txt")) {
                return new FetchResult(200, r.url(), r.url(), robots.getBytes(StandardCharsets.UTF_8), "text/plain", null, null, null);
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return new FetchResult(200, r.url(), r.url(), new byte[0], "text/html", null, null, null);
        }
    }

    @Test
    void robotsTxtIsObeyedForPagesAndFetchedOncePerHost() throws Exception {
        FakeWeb web = new FakeWeb();
        PoliteFetcher polite = new PoliteFetcher(web, settings(2, Duration.ZERO));
        polite.fetch(FetchRequest.page("http://a.example/story"));
        FetchException e = assertThrows(FetchException.class, () -> polite.fetch(FetchRequest.page("http://a.example/private/x")));
        assertEquals("robots-disallowed", e.reason());
        polite.fetch(FetchRequest.feed("http://a.example/private/feed.xml", null, null)); // feeds: no robots check
        assertEquals(1, web.calls.stream().filter(u -> u.endsWith("/robots.txt")).count());
    }

    @Test
    void waitsForTheHostDelayAreReportedToTheObserver() throws Exception {
        FakeWeb web = new FakeWeb();
        web.robots = "";
        PoliteFetcher polite = new PoliteFetcher(web, settings(1, Duration.ofMillis(200)));
        List<String> events = new CopyOnWriteArrayList<>();
        polite.observeWaits(new PoliteFetcher.HostWaits() {
            @Override
            public void waiting(String host, java.time.Instant until) {
                events.add("waiting " + host);
            }

            @Override
            public void waited(String host) {
                events.add("waited " + host);
            }
        });
        polite.fetch(FetchRequest.page("http://one.example/a"));
        assertEquals(List.of(), events, "the first fetch has no one to wait for");
        polite.fetch(FetchRequest.page("http://one.example/b"));
        assertEquals(List.of("waiting one.example", "waited one.example"), events);
    }

    @Test
    void anUnknownHostIsReportedAsSuchNotAsARobotsRefusal() {
        FakeWeb web = new FakeWeb();
        PoliteFetcher polite = new PoliteFetcher(web, settings(2, Duration.ZERO));
        for (int i = 0; i < 2; i++) {
            FetchException e = assertThrows(FetchException.class,
                    () -> polite.fetch(FetchRequest.page("http://nxdomain.example/story")));
            assertEquals("unknown-host", e.reason());
            assertTrue(e.getMessage().startsWith("unknown host nxdomain.example"), e.getMessage());
            assertFalse(e.getMessage().contains("disallows"), e.getMessage());
        }
        assertEquals(1, web.calls.size(), "the failure is remembered for a while, not retried per article");
    }

    @Test
    void aRobotsTxtServerErrorIsReportedAsUnavailableNotAsARefusal() {
        FakeWeb web = new FakeWeb();
        PoliteFetcher polite = new PoliteFetcher(web, settings(2, Duration.ZERO));
        FetchException e = assertThrows(FetchException.class,
                () -> polite.fetch(FetchRequest.page("http://broken.example/story")));
        assertEquals("robots-unavailable", e.reason());
        assertTrue(e.getMessage().contains("answered HTTP 500"), e.getMessage());
        assertFalse(web.calls.contains("http://broken.example/story"), "RFC 9309: nothing is fetched meanwhile");
    }

    @Test
    void throttlingHostFailsFastWithoutBlockingOtherHosts() throws Exception {
        FakeWeb web = new FakeWeb();
        PoliteFetcher polite = new PoliteFetcher(web, settings(2, Duration.ZERO));
        FetchException first = assertThrows(FetchException.class,
                () -> polite.fetch(FetchRequest.feed("http://busy.example/feed", null, null)));
        assertEquals("http-429", first.reason());
        int callsBefore = web.calls.size();
        FetchException second = assertThrows(FetchException.class,
                () -> polite.fetch(FetchRequest.feed("http://busy.example/other", null, null)));
        assertEquals("host-backoff", second.reason());
        assertTrue(second.retryAfter().compareTo(Duration.ofSeconds(100)) > 0, "remaining wait is reported");
        assertEquals(callsBefore, web.calls.size(), "the throttling host was not contacted again");
        assertEquals(200, polite.fetch(FetchRequest.feed("http://calm.example/feed", null, null)).status());
    }

    @Test
    void pageFetchesToOneHostAreSpacedAndBounded() throws Exception {
        FakeWeb web = new FakeWeb();
        web.robots = "";
        PoliteFetcher polite = new PoliteFetcher(web, settings(1, Duration.ofMillis(100)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<FetchResult>> results = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            String url = "http://one.example/a" + i;
            results.add(pool.submit(() -> polite.fetch(FetchRequest.page(url))));
        }
        for (Future<FetchResult> f : results) {
            assertEquals(200, f.get().status());
        }
        pool.shutdown();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, web.maxInFlight.get(), "one request at a time to the host");
        assertTrue(elapsedMs >= 300, "4 requests 100 ms apart take at least 300 ms, took " + elapsedMs);
    }

    @Test
    void concurrentChecksOfOneHostShareOneRobotsTxtFetchAndOneVerdict() throws Exception {
        AtomicInteger robotsRequests = new AtomicInteger();
        AtomicInteger pageRequests = new AtomicInteger();
        int threads = 6;
        try (TestServer server = new TestServer()) {
            server.on("/robots.txt", ex -> {
                robotsRequests.incrementAndGet();
                sleep(300); // slow enough that every thread asks while the first fetch is in flight
                TestServer.send(ex, 500, "down for a moment");
            });
            server.on("/", ex -> {
                pageRequests.incrementAndGet();
                TestServer.send(ex, 200, "page");
            });
            HttpSettings http = settings(threads, Duration.ZERO); // loopback server: private network allowed
            PoliteFetcher polite = new PoliteFetcher(new SafeHttpFetcher(http), http);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> verdicts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String url = server.url("/article-" + i);
                verdicts.add(pool.submit(() -> {
                    go.await();
                    try {
                        polite.fetch(FetchRequest.page(url));
                        return "fetched";
                    } catch (FetchException e) {
                        return e.reason();
                    }
                }));
            }
            go.countDown();
            for (Future<String> verdict : verdicts) {
                assertEquals("robots-unavailable", verdict.get(10, TimeUnit.SECONDS));
            }
            pool.shutdown();
        }
        assertEquals(1, robotsRequests.get(), "one robots.txt request for all concurrent checks");
        assertEquals(0, pageRequests.get(), "RFC 9309: no page is fetched while robots.txt is unreachable");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
