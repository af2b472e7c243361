package dev.winnow.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/** A server on 127.0.0.1 whose every path is a different way for a feed to go wrong. */
final class FaultyFeeds implements AutoCloseable {
    /** Path → the fault it serves; each should fail that feed alone, with a reason. */
    static final Map<String, String> FAULTS = new LinkedHashMap<>();

    static {
        FAULTS.put("/500", "HTTP 500");
        FAULTS.put("/silent", "a server that never answers");
        FAULTS.put("/trickle", "a slow trickle");
        FAULTS.put("/malformed", "malformed XML");
        FAULTS.put("/huge", "a 64 MB body");
        FAULTS.put("/bomb", "a gzip bomb");
        FAULTS.put("/loop", "a redirect loop");
        FAULTS.put("/xxe", "an XXE payload");
        FAULTS.put("/429", "a 429 with Retry-After");
    }

    private final HttpServer server;

    FaultyFeeds() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "faulty-feeds");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try (ex) {
            switch (path) {
                case "/500" -> send(ex, 500, "text/plain", "boom".getBytes(StandardCharsets.UTF_8));
                case "/silent" -> sleep(30_000);
                case "/trickle" -> trickle(ex);
                case "/malformed" -> send(ex, 200, "application/rss+xml",
                        "<?xml version=\"1.0\"?><rss><channel><<item>>&&</rss>".getBytes(StandardCharsets.UTF_8));
                case "/huge" -> huge(ex);
                case "/bomb" -> bomb(ex);
                case "/loop" -> {
                    ex.getResponseHeaders().set("Location", url("/loop2"));
                    ex.sendResponseHeaders(302, -1);
                }
                case "/loop2" -> {
                    ex.getResponseHeaders().set("Location", url("/loop"));
                    ex.sendResponseHeaders(302, -1);
                }
                case "/xxe" -> send(ex, 200, "application/rss+xml", ("<?xml version=\"1.0\"?>\n"
                        + "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                        + "<rss version=\"2.0\"><channel><title>&xxe;</title><item><title>&xxe;</title>"
                        + "<link>http://127.0.0.1/x</link></item></channel></rss>").getBytes(StandardCharsets.UTF_8));
                case "/429" -> {
                    ex.getResponseHeaders().set("Retry-After", "120");
                    send(ex, 429, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
                }
                default -> send(ex, 404, "text/plain", new byte[0]);
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void trickle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 600; i++) {
                out.write(' ');
                out.flush();
                sleep(100);
            }
        } catch (IOException clientGaveUp) {
            // expected: the client stops reading at its whole-request cap
        }
    }

    private static void huge(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
        long size = 64L * 1024 * 1024;
        ex.sendResponseHeaders(200, size);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < size; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException clientGaveUp) {
            // expected: the client stops at its byte cap
        }
    }

    private static void bomb(HttpExchange ex) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 256; i++) { // 256 MB of zeros, about 256 KB on the wire
                gz.write(zeros);
            }
        }
        ex.getResponseHeaders().set("Content-Encoding", "gzip");
        send(ex, 200, "application/rss+xml", packed.toByteArray());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
