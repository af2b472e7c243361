package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-off fetch path end to end, against a local news site: fetch, search, show, export, re-fetch. */
class FetchEndToEndTest extends WithNewsSite {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private Cli.Result winnow(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString(), "--allow-private-network"));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void fetchIndexesEveryArticleWithoutItsInjectedLine() throws Exception {
        Cli.Result r = winnow("fetch", "--json", site.feedUrl("es"), site.feedUrl("en"));
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode summary = JSON.readTree(r.out());
        assertEquals(6, summary.at("/totals/new").asInt(), r.out());

        for (FixtureArticle a : site.articles()) {
            Cli.Result shown = winnow("show", "--json", site.articleUrl(a));
            assertEquals(0, shown.code(), shown.err());
            JsonNode article = JSON.readTree(shown.out());
            String text = article.get("text").asText();
            for (String legit : a.paragraphs()) {
                assertTrue(text.contains(legit), "kept paragraph missing from " + a.slug() + ": " + legit);
            }
            assertFalse(text.contains(a.injected()), "injected line kept in " + a.slug());
            assertFalse(text.contains(NewsSite.NEWSLETTER), "newsletter box kept in " + a.slug());
            assertFalse(text.contains("Todos los derechos reservados"), "footer kept in " + a.slug());
            assertTrue(removedTexts(article).contains(a.injected()), "injected line not listed as removed");
        }
    }

    @Test
    void showExplainsEachRemovedLineWithReasonAndScore() throws Exception {
        winnow("fetch", site.feedUrl("es"));
        FixtureArticle a = site.articles().get(0);
        Cli.Result shown = winnow("show", "--json", site.articleUrl(a));
        JsonNode article = JSON.readTree(shown.out());
        JsonNode intruder = null;
        for (JsonNode r : article.get("removed")) {
            if (r.get("text").asText().equals(a.injected())) {
                intruder = r;
            }
        }
        assertTrue(intruder != null, shown.out());
        assertEquals("filter", intruder.get("stage").asText());
        assertFalse(intruder.get("reason").asText().isBlank());
        assertTrue(intruder.get("signals").size() > 0, "signals recorded");
        Cli.Result text = winnow("show", site.articleUrl(a));
        assertTrue(text.out().contains(a.injected()) && text.out().contains("filter/"), text.out());
    }

    @Test
    void refetchUpdatesInsteadOfDuplicatingAndUsesConditionalGet() throws Exception {
        assertEquals(0, winnow("fetch", site.feedUrl("en")).code());
        int before = site.notModifiedAnswers("/en/atom.xml");
        Cli.Result again = winnow("fetch", "--json", site.feedUrl("en"));
        assertEquals(0, again.code(), again.err());
        JsonNode summary = JSON.readTree(again.out());
        assertEquals("not-modified", summary.at("/feeds/0/status").asText(), again.out());
        assertEquals(before + 1, site.notModifiedAnswers("/en/atom.xml"));

        Cli.Result export = winnow("export");
        long lines = export.out().lines().filter(l -> !l.isBlank()).count();
        assertEquals(3, lines, "one stored copy per article");
    }

    @Test
    void searchFindsCleanTextButNotTheRemovedIntruder() throws Exception {
        winnow("fetch", site.feedUrl("es"), site.feedUrl("en"));
        Cli.Result hits = winnow("search", "--json", "hipotecas");
        assertEquals(0, hits.code(), hits.err());
        JsonNode first = JSON.readTree(hits.out().lines().findFirst().orElseThrow());
        assertTrue(first.get("url").asText().endsWith("banco-central-tipos.html"));
        for (String field : List.of("url", "title", "feed", "published", "lang", "score", "snippet")) {
            assertTrue(first.has(field), "search --json carries " + field);
        }
        Cli.Result intruder = winnow("search", "--json", "\"Real Madrid golea\"");
        assertEquals("", intruder.out().strip(), "the removed headline is not searchable");
    }

    @Test
    void malformedQueryIsOneLineAndExitCodeTwo() {
        winnow("fetch", site.feedUrl("en"));
        Cli.Result r = winnow("search", "title:(unclosed");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void brokenFeedIsReportedWhileTheOthersSucceed() throws Exception {
        Cli.Result r = winnow("fetch", "--json", site.brokenFeedUrl(), site.feedUrl("en"));
        assertEquals(1, r.code());
        JsonNode feeds = JSON.readTree(r.out()).get("feeds");
        assertEquals("failed", feeds.get(0).get("status").asText());
        assertFalse(feeds.get(0).get("reason").asText().isBlank());
        assertEquals("ok", feeds.get(1).get("status").asText());
        assertEquals(3, JSON.readTree(r.out()).at("/totals/new").asInt());
    }

    @Test
    void privateAddressesAreRefusedWithoutTheFlag() throws Exception {
        int served = site.hits("/en/atom.xml");
        Cli.Result r = Cli.run("fetch", "--json", "--data", data.toString(), site.feedUrl("en"));
        assertEquals(1, r.code());
        JsonNode feed = JSON.readTree(r.out()).at("/feeds/0");
        assertEquals("failed", feed.get("status").asText());
        assertTrue(feed.get("reason").asText().contains("private"), feed.toString());
        assertEquals(served, site.hits("/en/atom.xml"), "no request reached the server");
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        Cli.Result r = winnow("fetch", "--dry-run", "--json", site.feedUrl("en"));
        assertEquals(0, r.code(), r.err());
        assertEquals(3, JSON.readTree(r.out()).at("/totals/new").asInt());
        assertEquals("", winnow("export").out().strip());
    }

    private static List<String> removedTexts(JsonNode article) {
        List<String> out = new ArrayList<>();
        article.get("removed").forEach(n -> out.add(n.get("text").asText()));
        return out;
    }
}
