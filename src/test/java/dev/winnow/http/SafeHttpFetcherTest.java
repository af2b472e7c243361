package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault suite for fetching: every fault ends in a {@link FetchException} with a stable reason, and
 * memory stays bounded (the suite runs under surefire's -Xmx512m while the server offers 64 MB bodies
 * and a gzip bomb; the client keeps at most the 1 MB cap configured here).
 */
class SafeHttpFetcherTest {
    private static final long CAP = 1024 * 1024;
    private TestServer server;

    private static HttpSettings settings() {
        HttpSettings d = HttpSettings.defaults();
        return new HttpSettings(true, "winnow-test/1.0", Duration.ofSeconds(2), Duration.ofMillis(700),
                Duration.ofSeconds(2), CAP, CAP, 3, d.hostConcurrency(), d.hostDelay(), d.obeyRobots(),
                d.robotsCacheTtl(), d.defaultBackoff(), d.maxBackoff());
    }

    private final SafeHttpFetcher fetcher = new SafeHttpFetcher(settings());

    @BeforeEach
    void start() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchException failure(String path) {
        return assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.feed(server.url(path), null, null)));
    }

    @Test
    void returnsBodyValidatorsAndMaxAge() throws Exception {
        server.on("/feed", ex -> {
            assertEquals("winnow-test/1.0", ex.getRequestHeaders().getFirst("User-Agent"));
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT");
            ex.getResponseHeaders().set("Cache-Control", "public, max-age=600");
            TestServer.send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        FetchResult r = fetcher.fetch(FetchRequest.feed(server.url("/feed"), null, null));
        assertEquals(200, r.status());
        assertEquals("<rss/>", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("\"v1\"", r.etag());
        assertEquals("Wed, 01 Jan 2025 00:00:00 GMT", r.lastModified());
        assertEquals(Duration.ofMinutes(10), r.maxAge());
    }

    @Test
    void conditionalGetAnswers304AsNotModified() throws Exception {
        server.on("/feed", ex -> {
            boolean fresh = "\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))
                    && ex.getRequestHeaders().getFirst("If-Modified-Since") != null;
            TestServer.send(ex, fresh ? 304 : 200, null, fresh ? new byte[0] : "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        FetchResult r = fetcher.fetch(FetchRequest.feed(server.url("/feed"), "\"v1\"", "Wed, 01 Jan 2025 00:00:00 GMT"));
        assertTrue(r.notModified());
        assertEquals(0, r.body().length);
    }

    @Test
    void decodesGzipBodies() throws Exception {
        byte[] xml = "<rss><channel/></rss>".getBytes(StandardCharsets.UTF_8);
        server.on("/gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestServer.send(ex, 200, "application/xml", gzip(xml, 1));
        });
        assertArrayEquals(xml, fetcher.fetch(FetchRequest.feed(server.url("/gz"), null, null)).body());
    }

    @Test
    void http500IsReportedWithStatusReason() {
        server.on("/err", ex -> TestServer.send(ex, 500, "boom"));
        assertEquals("http-500", failure("/err").reason());
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        server.on("/silent", ex -> sleep(5_000));
        assertEquals("timeout", failure("/silent").reason());
    }

    @Test
    void slowTrickleIsStoppedByTheWholeRequestCap() {
        server.on("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) { // one byte every 200 ms: each read is "in time", the whole is not
                    out.write('x');
                    out.flush();
                    sleep(200);
                }
            } catch (IOException expected) {
                // the client hung up
            }
        });
        long start = System.nanoTime();
        assertEquals("timeout", failure("/trickle").reason());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "stopped by the 2 s call timeout");
    }

    @Test
    void hugeBodyIsCutAtTheCap() {
        server.on("/huge", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1024; i++) { // 64 MB
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // the client hung up at the cap
            }
        });
        assertEquals("too-large", failure("/huge").reason());
    }

    @Test
    void announcedHugeBodyIsRefusedBeforeReading() {
        server.on("/announced", ex -> {
            ex.sendResponseHeaders(200, 64L * 1024 * 1024);
            ex.close();
        });
        assertEquals("too-large", failure("/announced").reason());
    }

    @Test
    void gzipBombIsStoppedAfterTheDecodedCap() throws IOException {
        byte[] bomb = gzip(new byte[1024 * 1024], 64); // 64 MB of zeros in about 64 KB
        assertTrue(bomb.length < CAP, "the wire size alone would pass the cap");
        server.on("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestServer.send(ex, 200, "application/xml", bomb);
        });
        FetchException e = failure("/bomb");
        assertEquals("too-large", e.reason());
        assertTrue(e.getMessage().contains("after decoding"), e.getMessage());
    }

    @Test
    void redirectsAreFollowedAndTheFinalUrlKept() throws Exception {
        server.on("/old", ex -> redirect(ex, "/new"));
        server.on("/new", ex -> TestServer.send(ex, 200, "<rss/>"));
        FetchResult r = fetcher.fetch(FetchRequest.feed(server.url("/old"), null, null));
        assertEquals(server.url("/old"), r.requestedUrl());
        assertEquals(server.url("/new"), r.finalUrl());
    }

    @Test
    void redirectLoopIsDetected() {
        server.on("/a", ex -> redirect(ex, "/b"));
        server.on("/b", ex -> redirect(ex, "/a"));
        assertEquals("redirect-loop", failure("/a").reason());
    }

    @Test
    void redirectChainIsCapped() {
        server.on("/r", ex -> redirect(ex, ex.getRequestURI().getPath() + "x")); // /r → /rx → /rxx …
        assertEquals("too-many-redirects", failure("/r").reason());
    }

    @Test
    void redirectToPrivateAddressIsRefused() throws Exception {
        // Only the test server's own address is allowed: the first hop works, the redirect must not.
        AddressPolicy policy = AddressPolicy.publicAnd(Set.of(InetAddress.getByName("127.0.0.1")));
        SafeHttpFetcher guarded = new SafeHttpFetcher(settings().withAllowPrivateNetwork(false), policy);
        server.on("/ok", ex -> TestServer.send(ex, 200, "<rss/>"));
        server.on("/to-loopback", ex -> redirect(ex, "http://127.0.0.2:" + server.port() + "/ok"));
        server.on("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        server.on("/to-decimal", ex -> redirect(ex, "http://2130706434:" + server.port() + "/ok"));
        assertEquals(200, guarded.fetch(FetchRequest.feed(server.url("/ok"), null, null)).status());
        for (String path : new String[] {"/to-loopback", "/to-metadata", "/to-decimal"}) {
            FetchException e = assertThrows(FetchException.class,
                    () -> guarded.fetch(FetchRequest.feed(server.url(path), null, null)));
            assertEquals("private-address", e.reason(), path);
        }
    }

    @Test
    void nonPublicAddressesAreRefusedByDefault() {
        SafeHttpFetcher strict = new SafeHttpFetcher(settings().withAllowPrivateNetwork(false));
        server.on("/", ex -> TestServer.send(ex, 200, "secret"));
        int port = server.port();
        for (String url : new String[] {
            "http://127.0.0.1:" + port + "/", "http://localhost:" + port + "/", "http://2130706433:" + port + "/",
            "http://0x7f.1:" + port + "/", "http://0177.0.0.1:" + port + "/", "http://[::1]:" + port + "/",
            "http://[::ffff:127.0.0.1]:" + port + "/", "http://169.254.169.254/", "http://10.0.0.1/",
            "http://[fd00::1]/", "http://0.0.0.0:" + port + "/"}) {
            FetchException e = assertThrows(FetchException.class, () -> strict.fetch(FetchRequest.page(url)), url);
            assertEquals("private-address", e.reason(), url + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("--allow-private-network"), "the refusal names the flag: " + e.getMessage());
        }
    }

    @Test
    void onlyHttpSchemesAreFetched() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.org/feed", "gopher://x/", "not a url"}) {
            FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(FetchRequest.page(url)));
            assertEquals("bad-url", e.reason(), url);
        }
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        server.on("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            TestServer.send(ex, 429, "slow down");
        });
        FetchException e = failure("/busy");
        assertEquals("http-429", e.reason());
        assertNotNull(e.retryAfter());
        assertEquals(Duration.ofSeconds(120), e.retryAfter());
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        TestServer.send(ex, 302, null, new byte[0]);
    }

    private static byte[] gzip(byte[] block, int times) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < times; i++) {
                gz.write(block);
            }
        }
        return bytes.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
