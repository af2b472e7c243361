package dev.winnow.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.StoredArticle;
import dev.winnow.cli.Main;
import dev.winnow.index.IndexSettings;
import dev.winnow.state.FeedState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index.backend=solr} from the command line: search, show, export and status read the collection. */
@Tag("slow")
class SolrBackendCliTest {
    @TempDir
    static Path dir;
    private static String collection;
    private static Path config;

    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void storeArticlesInACollection() throws Exception {
        collection = SolrTestCluster.newCollection("cli");
        config = dir.resolve("winnow.properties");
        Files.writeString(config, "index.backend = solr\nindex.solr.zk-host = " + SolrTestCluster.zkHost()
                + "\nindex.solr.collection = " + collection + "\n");
        try (SolrArticleIndex index = SolrArticleIndex.open(SolrArticleIndex.client(new SolrSettings(true,
                SolrTestCluster.zkHost(), List.of(), collection)), collection, collection, IndexSettings.defaults(), true)) {
            for (StoredArticle a : SolrSearchParityTest.articles()) {
                index.upsert(a);
            }
            index.feedStates().put(FeedState.initial("https://news.example/feed"));
            index.commit();
        }
    }

    @AfterAll
    static void dropTheCollection() {
        SolrTestCluster.delete(collection);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--data", dir.resolve("data").toString()));
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void searchFindsTheArticlesOfTheCollection() {
        Run r = run("search", "transit fares", "--json");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("https://news.example/transit"), r.out());
    }

    @Test
    void showPrintsTheStoredCopy() {
        Run r = run("show", "https://news.example/schools", "--json");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("New schools open in the north"), r.out());
    }

    @Test
    void exportPrintsEveryArticle() {
        Run r = run("export");
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals(SolrSearchParityTest.articles().size(), r.out().lines().count(), r.out());
    }

    @Test
    void statusCountsTheCollectionsArticles() {
        Run r = run("status", "--json");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("\"articles\":" + SolrSearchParityTest.articles().size()), r.out());
        assertTrue(r.out().contains("\"size_bytes\":null"), "Solr keeps the size; winnow does not claim 0: " + r.out());
    }

    @Test
    void statusSaysTheSizeIsKeptBySolrRatherThanZero() {
        Run r = run("status");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("size kept by the search engine"), r.out());
        assertFalse(r.out().contains("0.0 MB"), r.out());
    }

    @Test
    void nodeUrlsReachTheCollectionAsZooKeeperDoes() throws Exception {
        Path byUrl = dir.resolve("urls.properties");
        Files.writeString(byUrl, "index.backend = solr\nindex.solr.urls = " + SolrTestCluster.nodeUrl()
                + "\nindex.solr.collection = " + collection + "\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("search", "presupuesto", "--json", "--config", byUrl.toString());
        assertEquals(Main.OK, code, err.toString());
        assertTrue(out.toString().contains("https://noticias.example/presupuesto"), out.toString());
    }

    @Test
    void aBackendWithoutAnAddressFailsNamingTheKey() throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "index.backend = solr\n");
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("search", "x", "--config", bad.toString());
        assertEquals(Main.USAGE, code);
        assertTrue(err.toString().contains("index.solr.zk-host"), err.toString());
    }
}
