package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code show --scores} and {@code clean --scores}: every kept line with the score the filter gave it. */
class KeptScoresTest extends WithNewsSite {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<String> texts(JsonNode lines) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.add(l.get("text").asText()));
        return out;
    }

    @Test
    void cleanListsEveryKeptLineWithItsScoreAndSignals() throws Exception {
        FixtureArticle a = site.articles().get(3);
        Path page = dir.resolve("page.html");
        Files.writeString(page, site.page(a), StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("clean", "--json", "--scores", "--data", dir.resolve("none").toString(), page.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode kept = JSON.readTree(r.out()).get("kept");
        assertTrue(texts(kept).containsAll(a.paragraphs()), r.out());
        assertFalse(texts(kept).contains(a.injected()));
        for (JsonNode line : kept) {
            double score = line.get("score").asDouble();
            assertTrue(score >= 0 && score <= 1);
            assertTrue(line.get("signals").has("similarity"), "signals shown for " + line);
        }
        Cli.Result text = Cli.run("clean", "--scores", "--data", dir.resolve("none").toString(), page.toString());
        assertTrue(text.out().contains("kept lines: " + kept.size()), text.out());
    }

    @Test
    void showJudgesTheStoredLinesAgainAndListsTheKeptOnes() throws Exception {
        Path data = dir.resolve("data");
        assertEquals(0, Cli.run("fetch", "--data", data.toString(), "--allow-private-network",
                site.feedUrl("es")).code());
        FixtureArticle a = site.articles().get(0);

        Cli.Result shown = Cli.run("show", "--json", "--scores", "--data", data.toString(), site.articleUrl(a));
        assertEquals(0, shown.code(), shown.err());
        JsonNode article = JSON.readTree(shown.out());
        List<String> kept = texts(article.get("kept"));
        assertTrue(kept.containsAll(a.paragraphs()), shown.out());
        assertFalse(kept.contains(a.injected()), "the removed line is judged again and removed again");
    }
}
