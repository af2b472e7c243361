package dev.winnow.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editing a subscription list keeps everything winnow does not manage. */
class OpmlEditorTest {
    private static final String MINE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- exported by my reader; hand-edited -->
            <opml version="2.0">
              <head>
                <title>My subscriptions</title>
                <ownerName>Ana</ownerName>
              </head>
              <body>
                <outline text="Tech" title="Tech">
                  <!-- the good ones -->
                  <outline type="rss" text="A" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/" description="A's feed"/>
                </outline>
                <outline type="rss" text="B" xmlUrl="https://b.example/atom" winnowInterval="2h"/>
              </body>
            </opml>
            """;

    @TempDir
    Path dir;

    private static OpmlEditor mine() throws FeedParseException {
        return OpmlEditor.of(MINE.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertKeepsWhatWinnowDoesNotManage(String text) {
        assertTrue(text.contains("<!-- exported by my reader; hand-edited -->"), text);
        assertTrue(text.contains("<!-- the good ones -->"), text);
        assertTrue(text.contains("<title>My subscriptions</title>") && text.contains("<ownerName>Ana</ownerName>"), text);
        assertTrue(text.contains("htmlUrl=\"https://a.example/\"") && text.contains("description=\"A's feed\""), text);
        assertTrue(text.contains("winnowInterval=\"2h\""), text);
    }

    private static List<String> urls(String text) throws FeedParseException {
        return new OpmlReader().read(text.getBytes(StandardCharsets.UTF_8)).stream().map(FeedSource::url).toList();
    }

    @Test
    void addingIntoAFolderKeepsCommentsFoldersAndUnknownAttributes() throws Exception {
        OpmlEditor e = mine();
        assertTrue(e.add(FeedSource.of("https://c.example/feed"), "Tech"));
        String text = e.text();
        assertKeepsWhatWinnowDoesNotManage(text);
        assertEquals(List.of("https://a.example/rss", "https://c.example/feed", "https://b.example/atom"), urls(text),
                "the new feed sits in the existing Tech folder");
        assertFalse(e.add(FeedSource.of("https://a.example/rss"), null), "a listed feed is not added twice");
    }

    @Test
    void addingToANewFolderCreatesIt() throws Exception {
        OpmlEditor e = mine();
        e.add(FeedSource.of("https://d.example/rss"), "World");
        String text = e.text();
        assertTrue(text.contains("<outline text=\"World\" title=\"World\">"), text);
        assertEquals("https://d.example/rss", urls(text).get(2));
    }

    @Test
    void removingAFeedLeavesTheRestUntouched() throws Exception {
        OpmlEditor e = mine();
        assertEquals(1, e.remove("https://b.example/atom"));
        String text = e.text();
        assertEquals(List.of("https://a.example/rss"), urls(text));
        assertTrue(text.contains("<!-- the good ones -->") && text.contains("htmlUrl=\"https://a.example/\""), text);
        assertEquals(0, e.remove("https://nowhere.example/rss"));
    }

    @Test
    void importKeepsBothListsFoldersAndTheImportedFeedsAttributes() throws Exception {
        OpmlEditor e = mine();
        int added = e.importFrom("""
                <opml version="1.0"><head><title>Other</title></head><body>
                  <outline text="Tech"><outline text="E" xmlUrl="https://e.example/rss" htmlUrl="https://e.example/"/></outline>
                  <outline text="Sport"><outline text="F" xmlUrl="https://f.example/rss"/></outline>
                  <outline text="A again" xmlUrl="https://a.example/rss"/>
                </body></opml>""".getBytes(StandardCharsets.UTF_8));
        assertEquals(2, added, "the feed already listed is skipped");
        String text = e.text();
        assertKeepsWhatWinnowDoesNotManage(text);
        assertTrue(text.contains("htmlUrl=\"https://e.example/\""), text);
        assertTrue(text.contains("<outline text=\"Sport\" title=\"Sport\">"), text);
        assertEquals(List.of("https://a.example/rss", "https://e.example/rss", "https://b.example/atom",
                "https://f.example/rss"), urls(text));
        assertFalse(text.contains("<title>Other</title>"), "the list keeps its own head");
    }

    @Test
    void savingReplacesTheFileAtomicallyAndKeepsABackup() throws Exception {
        Path file = dir.resolve("feeds.opml");
        Files.writeString(file, MINE);
        OpmlEditor e = OpmlEditor.open(file);
        e.add(FeedSource.of("https://c.example/feed"), null);
        e.save(file);
        assertEquals(MINE, Files.readString(OpmlEditor.backupOf(file)), "the previous list is kept byte for byte");
        assertTrue(urls(Files.readString(file)).contains("https://c.example/feed"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aMissingFileStartsAnEmptyList() throws Exception {
        Path file = dir.resolve("new.opml");
        OpmlEditor e = OpmlEditor.open(file);
        e.add(FeedSource.of("https://c.example/feed"), "News");
        e.save(file);
        assertEquals(List.of("https://c.example/feed"), urls(Files.readString(file)));
        assertFalse(Files.exists(OpmlEditor.backupOf(file)));
    }
}
