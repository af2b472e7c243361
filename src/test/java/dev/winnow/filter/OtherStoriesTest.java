package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.TitleKeys;
import dev.winnow.lang.LanguageAnalyzers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherStoriesTest {
    private static final OtherStories.Idf UNIFORM = t -> 1.0;

    private static OtherStories sealed() {
        OtherStories s = new OtherStories();
        s.add("sport", Map.of("goal", 2, "match", 1, "coach", 1));
        s.add("weather", Map.of("rain", 1, "storm", 1, "flood", 1));
        s.seal(UNIFORM);
        return s;
    }

    @Test
    void bestMatchIsTheCosineWithTheClosestArticle() {
        double best = sealed().bestMatch(Map.of("goal", 1, "rain", 1), UNIFORM, d -> false);

        // line (1,1) against sport (1+ln2, 1, 1): (1+ln2) / (√2 × √((1+ln2)² + 2)); weather gives 1/(√2×√3).
        double sport = (1 + Math.log(2)) / (Math.sqrt(2) * Math.sqrt(Math.pow(1 + Math.log(2), 2) + 2));
        assertEquals(sport, best, 1e-9);
        assertTrue(sport > 1 / (Math.sqrt(2) * Math.sqrt(3)));
    }

    @Test
    void skippedArticlesDoNotCount() {
        OtherStories s = sealed();

        double withoutSport = s.bestMatch(Map.of("goal", 1, "rain", 1), UNIFORM, d -> s.owner(d).equals("sport"));

        assertEquals(1 / (Math.sqrt(2) * Math.sqrt(3)), withoutSport, 1e-9);
    }

    @Test
    void lineSharingNoTermMatchesNothing() {
        assertEquals(0.0, sealed().bestMatch(Map.of("election", 1), UNIFORM, d -> false));
        assertEquals(0.0, sealed().bestMatch(Map.of(), UNIFORM, d -> false));
    }

    @Test
    void batchStatsLeaveOutTheAskingArticleAndArticlesHoldingTheSameLine() {
        FilterInput a = Fixtures.article("a", "Storm floods the coast", "en",
                "Heavy rain and a storm flooded the coast overnight.", "Newsletter: sign up today");
        FilterInput b = Fixtures.article("b", "Storm closes schools", "en",
                "The storm closed schools after heavy rain.", "Newsletter: sign up today");
        BatchCorpusStats stats = BatchCorpusStats.of(CorpusStats.EMPTY, List.of(a, b));
        Map<String, Integer> rain = stats.termsOf(LanguageAnalyzers.forLanguage("en"), "en",
                "Heavy rain and a storm flooded the coast overnight.");

        assertTrue(stats.closestOtherStory("en", rain, TitleKeys.of(a.paragraphs().get(0)), "a") > 0,
                "b is another story on the storm");
        assertEquals(0.0, stats.closestOtherStory("en", rain, TitleKeys.of("Newsletter: sign up today"), "a"),
                "b holds the same line, so it is not another story the line could come from");
        assertEquals(0.0, stats.closestOtherStory("fr", rain, "", "a"), "no article in that language");
    }
}
