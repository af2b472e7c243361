package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.StoredArticle;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code winnow search} on the command line: what it says when the index or the options are wrong. */
class SearchCommandTest {
    @TempDir
    Path dir;

    private Path indexWithOneArticle() throws Exception {
        return index(article("https://news.example/a", "Council passes budget",
                "The budget includes new funding for schools."));
    }

    private Path index(StoredArticle... articles) throws Exception {
        Path data = dir.resolve("data");
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(data, IndexSettings.defaults())) {
            for (StoredArticle a : articles) {
                index.upsert(a);
            }
            index.commit();
        }
        return data;
    }

    private static StoredArticle article(String url, String title, String text) {
        return new StoredArticle(url, url, "https://news.example/feed", title, List.of(),
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"), "en", "News Example",
                null, List.of(text), List.of(), "h-" + url);
    }

    private static void assertOneLineUsageError(Cli.Result r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aDataFolderThatDoesNotExistIsAUsageError() {
        assertOneLineUsageError(Cli.run("search", "budget", "--data", dir.resolve("nowhere").toString()),
                "no index at");
    }

    @Test
    void aDataFolderThatIsNotAnIndexIsAUsageError() throws Exception {
        Path notIndex = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(notIndex.resolve("cat.jpg"), "not an index");
        assertOneLineUsageError(Cli.run("search", "budget", "--data", notIndex.toString()), "not an index");
    }

    @Test
    void anUnknownLanguageCodeIsAUsageError() throws Exception {
        Path data = indexWithOneArticle();
        assertOneLineUsageError(Cli.run("search", "budget", "--lang", "xx", "--data", data.toString()), "'xx'");
        assertOneLineUsageError(Cli.run("search", "budget", "--lang", "english", "--data", data.toString()),
                "'english'");
        Cli.Result ok = Cli.run("search", "budget", "--lang", "EN", "--data", data.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("1 match"), ok.out());
        assertEquals(0, Cli.run("search", "budget", "--lang", "und", "--data", data.toString()).code());
    }

    @Test
    void wordsNoArticleHasAllOfAreSaidToMatchInPart() throws Exception {
        Path data = indexWithOneArticle();
        Cli.Result text = Cli.run("search", "budget zebras", "--data", data.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("no article has every word; 1 with most of them"), text.out());
        Cli.Result json = Cli.run("search", "budget zebras", "--json", "--data", data.toString());
        assertTrue(json.out().contains("\"partial\":true"), json.out());
        Cli.Result full = Cli.run("search", "budget schools", "--json", "--data", data.toString());
        assertTrue(full.out().contains("news.example/a") && !full.out().contains("partial"), full.out());
    }

    @Test
    void nearMissesAfterTheFullMatchesAreMarkedPartialEachOnItsOwn() throws Exception {
        Path data = index(article("https://news.example/a", "Council passes budget",
                        "The budget includes new funding for schools."),
                article("https://news.example/b", "Schools get new funding", "Funding for schools rises."));
        Cli.Result text = Cli.run("search", "budget funding schools", "--data", data.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("2 matches"), text.out());
        assertTrue(text.out().contains("Council passes budget\n"), text.out());
        assertTrue(text.out().contains("Schools get new funding  [partial: not every word]"), text.out());
        assertTrue(text.out().indexOf("Council passes") < text.out().indexOf("Schools get"), text.out());
        List<String> json = Cli.run("search", "budget funding schools", "--json", "--data", data.toString())
                .out().lines().toList();
        assertEquals(2, json.size(), json.toString());
        assertTrue(json.get(0).contains("news.example/a") && !json.get(0).contains("partial"), json.get(0));
        assertTrue(json.get(1).contains("news.example/b") && json.get(1).contains("\"partial\":true"), json.get(1));
    }
}
