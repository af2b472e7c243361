package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smaller commands: clean, feeds list/import/export/check, status, and the usage and config errors. */
class CommandsTest extends WithNewsSite {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void cleanReadsGzippedPagesAndExplainsRemovalsWithoutTouchingTheIndex() throws Exception {
        FixtureArticle a = site.articles().get(3);
        Path page = dir.resolve("page.html.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(page))) {
            out.write(site.page(a).getBytes(StandardCharsets.UTF_8));
        }
        Path data = dir.resolve("data");
        Cli.Result r = Cli.run("clean", "--json", "--data", data.toString(), page.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals(page.toString(), o.get("source").asText());
        assertEquals(a.title(), o.get("title").asText());
        assertEquals("en", o.get("lang").asText());
        assertFalse(o.get("text").asText().contains(a.injected()));
        assertTrue(o.get("removed").toString().contains(a.injected()));
        assertFalse(Files.exists(data), "clean never creates an index");
    }

    @Test
    void cleanShowsTheBylineAsAHeaderLineApartFromTheText() throws Exception {
        FixtureArticle a = site.articles().get(0);
        StringBuilder body = new StringBuilder();
        a.bodyLines().forEach(line -> body.append("<p>").append(line).append("</p>"));
        Path page = dir.resolve("byline.html");
        Files.writeString(page, "<!doctype html><html lang=en><head><title>" + a.title() + "</title></head><body>"
                + "<article><h1>" + a.title() + "</h1><p>By Jane Doe</p>" + body + "</article></body></html>");
        Cli.Result r = Cli.run("clean", "--json", "--data", dir.resolve("none").toString(), page.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode o = JSON.readTree(r.out());
        assertEquals("By Jane Doe", o.get("header").get(0).asText(), o.toString());
        assertFalse(o.get("text").asText().contains("Jane Doe"), "the header is not part of the text");
        Cli.Result text = Cli.run("clean", "--data", dir.resolve("none").toString(), page.toString());
        assertTrue(text.out().contains(a.title() + "\nBy Jane Doe\n"), text.out());
    }

    @Test
    void cleanJsonlPrintsRemovedIndicesPerArticle() throws Exception {
        Path in = dir.resolve("in.jsonl");
        FixtureArticle a = site.articles().get(0);
        ObjectMapper m = new ObjectMapper();
        var node = m.createObjectNode();
        node.put("id", "x1");
        node.put("title", a.title());
        node.put("lang", a.lang());
        node.set("paragraphs", m.valueToTree(a.bodyLines()));
        Files.writeString(in, m.writeValueAsString(node) + "\n");
        Cli.Result r = Cli.run("clean", "--jsonl", in.toString(), "--data", dir.resolve("none").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode out = JSON.readTree(r.out());
        assertEquals("x1", out.get("id").asText());
        assertTrue(out.get("removed").toString().contains(String.valueOf(a.injectAt())), out.toString());
        assertEquals(out.get("removed").size(), out.get("reasons").size());
    }

    @Test
    void feedsImportMergesListsAndExportRoundTrips() throws Exception {
        Path list = dir.resolve("feeds.opml");
        Path other = dir.resolve("other.opml");
        Files.writeString(other, "<opml version=\"2.0\"><head/><body>"
                + "<outline text=\"A\" xmlUrl=\"https://a.example/rss\" language=\"es\"/>"
                + "<outline text=\"B\" xmlUrl=\"https://b.example/atom\" winnowInterval=\"15m\"/></body></opml>");
        assertEquals(0, Cli.run("feeds", "import", "--opml", list.toString(), other.toString()).code());
        assertEquals(0, Cli.run("feeds", "import", "--opml", list.toString(), other.toString()).code());
        Cli.Result listed = Cli.run("feeds", "list", "--opml", list.toString());
        assertEquals(2, listed.out().lines().count(), "no duplicates after a second import");
        assertTrue(listed.out().contains("https://b.example/atom") && listed.out().contains("PT15M"), listed.out());
        Cli.Result exported = Cli.run("feeds", "export", "--opml", list.toString());
        assertTrue(exported.out().contains("xmlUrl=\"https://a.example/rss\""), exported.out());
    }

    @Test
    void feedsCheckListsItemsWithoutFetchingArticles() throws Exception {
        int before = site.hits(site.articles().get(3).path());
        Cli.Result r = Cli.run("feeds", "check", "--json", "--allow-private-network", site.feedUrl("en"), site.brokenFeedUrl());
        assertEquals(1, r.code());
        JsonNode feeds = JSON.readTree(r.out()).get("feeds");
        assertEquals("ok", feeds.get(0).get("status").asText());
        assertEquals(3, feeds.get(0).get("items").size());
        assertTrue(feeds.get(0).get("items").get(0).has("guid"));
        assertEquals("failed", feeds.get(1).get("status").asText());
        assertEquals(before, site.hits(site.articles().get(3).path()), "no article fetched");
    }

    @Test
    void unknownConfigKeyIsExitCodeTwoNamingTheKey() throws Exception {
        Path config = dir.resolve("bad.properties");
        Files.writeString(config, "http.timeout = 5s\n");
        Cli.Result r = Cli.run("status", "--config", config.toString(), "--data", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'http.timeout'"), r.err());
    }

    @Test
    void usageErrorsAreExitCodeTwo() {
        assertEquals(2, Cli.run("fetch").code());
        assertEquals(2, Cli.run("search", "x", "--sort", "popularity", "--data", dir.toString()).code());
        assertEquals(2, Cli.run("search", "x", "--since", "someday", "--data", dir.toString()).code());
        assertEquals(2, Cli.run("nonsense").code());
    }

    @Test
    void statusListsNeverPolledFeedsOfTheOpmlFile() throws Exception {
        Path list = dir.resolve("feeds.opml");
        Files.writeString(list, "<opml version=\"2.0\"><head/><body><outline text=\"A\" xmlUrl=\"https://a.example/rss\"/></body></opml>");
        Files.createDirectories(dir.resolve("data"));
        Cli.Result r = Cli.run("status", "--json", "--opml", list.toString(), "--data", dir.resolve("data").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode s = JSON.readTree(r.out());
        assertEquals("https://a.example/rss", s.at("/feeds/0/url").asText());
        assertEquals(0, s.at("/index/articles").asInt());
    }
}
