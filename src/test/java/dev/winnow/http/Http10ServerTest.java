package dev.winnow.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * Servers that close every connection: HTTP/1.0 ones (Python's http.server, small sites, proxies) and
 * HTTP/1.1 ones that drop idle connections without notice. Every feed must still be read.
 */
class Http10ServerTest {
    private final SafeHttpFetcher fetcher = new SafeHttpFetcher(HttpSettings.defaults().withAllowPrivateNetwork(true));

    private static byte[] feed(int i) {
        return ("<rss><channel><title>" + i + "</title></channel></rss>").getBytes(StandardCharsets.UTF_8);
    }

    private void readAll(ClosingServer server, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            server.serve("/feed" + i + ".xml", feed(i));
        }
        for (int i = 0; i < count; i++) {
            FetchResult r = fetcher.fetch(FetchRequest.feed(server.url("/feed" + i + ".xml"), null, null));
            assertEquals(200, r.status());
            assertEquals(new String(feed(i), StandardCharsets.UTF_8), new String(r.body(), StandardCharsets.UTF_8));
            Thread.sleep(5); // the server's FIN reaches the client before its next request
        }
    }

    @Test
    void everyFeedOfAnHttp10ServerIsReadOneAfterAnother() throws Exception {
        try (ClosingServer server = new ClosingServer("HTTP/1.0")) {
            readAll(server, 20);
            assertEquals(20, server.connections());
        }
    }

    @Test
    void afterAnHttp10AnswerWithoutKeepAliveTheHostIsAskedToCloseEachConnection() throws Exception {
        try (ClosingServer server = new ClosingServer("HTTP/1.0")) {
            readAll(server, 4);
            List<String> sent = server.connectionHeaders();
            assertEquals("Keep-Alive", sent.get(0), "nothing is known of the host before its first answer");
            assertEquals(List.of("close", "close", "close"), sent.subList(1, 4));
        }
    }

    @Test
    void aPooledConnectionTheServerClosedIsRetriedOnceOnAFreshOne() throws Exception {
        try (ClosingServer server = new ClosingServer("HTTP/1.1")) { // says 1.1, closes anyway
            readAll(server, 10);
            assertEquals(10, server.connections());
            assertTrue(server.connectionHeaders().stream().allMatch("Keep-Alive"::equals),
                    "an HTTP/1.1 host keeps its keep-alive default: " + server.connectionHeaders());
        }
    }

    @Test
    void onlyIdempotentRequestsDroppedBeforeAnAnswerAreRetried() {
        Request get = new Request.Builder().url("http://127.0.0.1/x").build();
        Request post = new Request.Builder().url("http://127.0.0.1/x").post(RequestBody.create(new byte[0])).build();
        IOException dropped = new IOException("unexpected end of stream on http://127.0.0.1/...",
                new EOFException("\\n not found"));
        assertTrue(ConnectionReuse.worthRetrying(get, dropped));
        assertFalse(ConnectionReuse.worthRetrying(post, dropped));
        assertFalse(ConnectionReuse.worthRetrying(get, new SocketTimeoutException("timeout")));
        assertFalse(ConnectionReuse.worthRetrying(get, new java.net.ConnectException("Connection refused")));
    }
}
