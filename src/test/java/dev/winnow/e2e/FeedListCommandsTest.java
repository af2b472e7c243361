package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feeds add/remove/import} edit the list in place; {@code --opml} also takes a URL for one-off runs. */
class FeedListCommandsTest {
    private static final String MINE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head>
                <title>My subscriptions</title>
              </head>
              <body>
                <!-- keep this note -->
                <outline text="Tech">
                  <outline type="rss" text="A" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/>
                </outline>
              </body>
            </opml>
            """;

    @TempDir
    Path dir;

    @Test
    void addAndRemoveEditTheListKeepingWhatWinnowDoesNotManage() throws Exception {
        Path list = dir.resolve("feeds.opml");
        Files.writeString(list, MINE);
        Cli.Result added = Cli.run("feeds", "add", "https://b.example/rss", "--folder", "Tech", "--opml", list.toString());
        assertEquals(0, added.code(), added.err());
        Cli.Result listed = Cli.run("feeds", "list", "--opml", list.toString());
        assertTrue(listed.out().contains("https://b.example/rss"), listed.out());
        String text = Files.readString(list);
        assertTrue(text.contains("<!-- keep this note -->") && text.contains("htmlUrl=\"https://a.example/\"")
                && text.contains("<title>My subscriptions</title>"), text);
        assertEquals(MINE, Files.readString(list.resolveSibling("feeds.opml.bak")));

        Cli.Result again = Cli.run("feeds", "add", "https://b.example/rss", "--opml", list.toString());
        assertEquals(0, again.code());
        assertTrue(again.out().contains("already"), again.out());

        Cli.Result removed = Cli.run("feeds", "remove", "https://a.example/rss", "--opml", list.toString());
        assertEquals(0, removed.code(), removed.err());
        assertFalse(Cli.run("feeds", "list", "--opml", list.toString()).out().contains("https://a.example/rss"));
        assertTrue(Files.readString(list).contains("<!-- keep this note -->"));

        Cli.Result missing = Cli.run("feeds", "remove", "https://nowhere.example/rss", "--opml", list.toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("is not in"), missing.err());
    }

    @Test
    void importKeepsFoldersCommentsAndHtmlUrlsOfBothLists() throws Exception {
        Path list = dir.resolve("feeds.opml");
        Files.writeString(list, MINE);
        Path other = dir.resolve("other.opml");
        Files.writeString(other, "<opml version=\"1.0\"><head><title>Other</title></head><body><outline text=\"Sport\">"
                + "<outline text=\"S\" xmlUrl=\"https://s.example/rss\" htmlUrl=\"https://s.example/\"/></outline></body></opml>");
        Cli.Result r = Cli.run("feeds", "import", "--opml", list.toString(), other.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("imported 1 new feeds"), r.out());
        String text = Files.readString(list);
        assertTrue(text.contains("<!-- keep this note -->") && text.contains("htmlUrl=\"https://a.example/\""), text);
        assertTrue(text.contains("text=\"Sport\"") && text.contains("htmlUrl=\"https://s.example/\""), text);
    }

    @Test
    void opmlOptionAcceptsAUrl() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = MINE.getBytes(StandardCharsets.UTF_8);
        server.createContext("/subs.opml", ex -> {
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/subs.opml";
            Cli.Result r = Cli.run("feeds", "list", "--allow-private-network", "--opml", url);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("https://a.example/rss\tA"), r.out());
            Path list = dir.resolve("feeds.opml");
            Cli.Result imported = Cli.run("feeds", "import", "--allow-private-network", "--opml", list.toString(), url);
            assertEquals(0, imported.code(), imported.err());
            assertTrue(Files.readString(list).contains("https://a.example/rss"));
        } finally {
            server.stop(0);
        }
    }
}
