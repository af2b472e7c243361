package dev.winnow.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A small news site on 127.0.0.1 for end-to-end tests: article pages with navigation, share tools, a
 * newsletter box, a most-read list, a footer and one injected off-topic line each; a Spanish RSS 2.0
 * feed and an English Atom feed with ETag support; a malformed feed; and per-path request counts.
 */
final class NewsSite implements AutoCloseable {
    static final String NEWSLETTER = "Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes";

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private final List<FixtureArticle> articles;
    private final String template;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> notModified = new ConcurrentHashMap<>();
    private final Map<String, Integer> failOnce = new ConcurrentHashMap<>();
    private volatile long articleDelayMillis;
    private volatile int revision;
    private volatile String revisedAt;

    NewsSite() throws IOException {
        this.articles = loadArticles();
        this.template = resource("/e2e/page-template.html");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String feedUrl(String lang) {
        return base() + ("es".equals(lang) ? "/es/rss.xml" : "/en/atom.xml");
    }

    String brokenFeedUrl() {
        return base() + "/broken/rss.xml";
    }

    List<FixtureArticle> articles() {
        return articles;
    }

    String articleUrl(FixtureArticle a) {
        return base() + a.path();
    }

    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    int notModifiedAnswers(String path) {
        return notModified.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The next request for {@code path} (an article or robots.txt) gets {@code status}; later ones succeed. */
    void failOnce(String path, int status) {
        failOnce.put(path, status);
    }

    /**
     * Revises every article: a new title suffix ({@link #title}) and a new date in the feeds, so the next
     * poll fetches and replaces each of them.
     */
    void revise() {
        revisedAt = java.time.Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        revision++;
    }

    /** The article's title as the site serves it now. */
    String title(FixtureArticle a) {
        return revision == 0 ? a.title() : a.title() + " (rev " + revision + ")";
    }

    private String published(FixtureArticle a) {
        return revision == 0 ? a.published() : revisedAt;
    }

    /** The feed's ETag as the site serves it now. */
    String feedEtag(String lang) {
        return etag("es".equals(lang) ? rss() : atom());
    }

    private static String etag(String body) {
        return "\"" + Integer.toHexString(body.hashCode()) + "\"";
    }

    void slowArticles(long millis) {
        this.articleDelayMillis = millis;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (ex) {
            Integer failure = failOnce.remove(path);
            if (failure != null) {
                send(ex, failure, "text/plain", "temporary failure");
            } else if (path.equals("/es/rss.xml")) {
                feed(ex, path, rss(), "application/rss+xml; charset=utf-8");
            } else if (path.equals("/en/atom.xml")) {
                feed(ex, path, atom(), "application/atom+xml; charset=utf-8");
            } else if (path.equals("/broken/rss.xml")) {
                send(ex, 200, "text/html", "<html><head><title>Oops</title></head><body><h1>Service unavailable</h1></body></html>");
            } else if (path.equals("/robots.txt")) {
                send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
            } else {
                FixtureArticle a = articles.stream().filter(x -> x.path().equals(path)).findFirst().orElse(null);
                if (a == null) {
                    send(ex, 404, "text/plain", "not found");
                    return;
                }
                pause(articleDelayMillis);
                send(ex, 200, "text/html; charset=utf-8", page(a));
            }
        }
    }

    private void feed(HttpExchange ex, String path, String body, String type) throws IOException {
        String etag = etag(body);
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            ex.sendResponseHeaders(304, -1);
            return;
        }
        ex.getResponseHeaders().set("ETag", etag);
        send(ex, 200, type, body);
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    String page(FixtureArticle a) {
        StringBuilder body = new StringBuilder();
        List<String> lines = a.bodyLines();
        for (int i = 0; i < lines.size(); i++) {
            String line = escape(lines.get(i));
            body.append(FixtureArticle.isSubheading(lines.get(i)) ? "<h2>" + line + "</h2>\n" : "<p>" + line + "</p>\n");
            if (i == 1) {
                body.append("<div class=\"newsletter-signup\"><p>").append(NEWSLETTER)
                        .append("</p><form><input type=\"email\" placeholder=\"Tu correo\"><button>Enviar</button></form></div>\n");
            }
        }
        return template.replace("{{lang}}", a.lang())
                .replace("{{title}}", escape(title(a)))
                .replace("{{author}}", escape(a.author()))
                .replace("{{published}}", published(a))
                .replace("{{canonical}}", articleUrl(a))
                .replace("{{body}}", body);
    }

    private String rss() {
        String items = articles.stream().filter(a -> a.feed().equals("es")).map(a -> """
                <item>
                  <title>%s</title>
                  <link>%s</link>
                  <guid isPermaLink="false">es-%s</guid>
                  <pubDate>%s</pubDate>
                  <description>%s</description>
                </item>""".formatted(escape(title(a)), articleUrl(a), a.slug(), rfc822(published(a)),
                escape(a.paragraphs().get(0)))).collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <title>Diario Ejemplo</title><link>%s</link><language>es</language>
                <description>Noticias</description>
                %s
                </channel></rss>""".formatted(base(), items);
    }

    private String atom() {
        String entries = articles.stream().filter(a -> a.feed().equals("en")).map(a -> """
                <entry>
                  <title>%s</title>
                  <link rel="alternate" href="%s"/>
                  <id>urn:example:%s</id>
                  <updated>%s</updated>
                  <summary>%s</summary>
                </entry>""".formatted(escape(title(a)), articleUrl(a), a.slug(), published(a),
                escape(a.paragraphs().get(0)))).collect(Collectors.joining("\n"));
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
                <title>Example Tribune</title><id>urn:example:feed</id><updated>2026-11-22T00:00:00Z</updated>
                %s
                </feed>""".formatted(entries);
    }

    private static String rfc822(String iso) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.OffsetDateTime.parse(iso));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<FixtureArticle> loadArticles() {
        try (InputStream in = NewsSite.class.getResourceAsStream("/e2e/articles.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<FixtureArticle>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = NewsSite.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
