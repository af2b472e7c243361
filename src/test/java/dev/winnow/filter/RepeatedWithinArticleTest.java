package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line the page repeats inside one article (a promo above and below the story) is compared with the rest
 * of the article without its copies: a copy of a line is no evidence that the line belongs to the story.
 */
class RepeatedWithinArticleTest {
    private static final String OTHER_STORY = "Pop star announces farewell tour with twelve stadium concerts";

    private final OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());

    private List<LineVerdict> judged(List<String> lines) {
        FilterInput in = new FilterInput("u:host", Fixtures.EN_TITLE, lines, "en", List.of());
        return filter.assess(in, Fixtures.statsWith(in));
    }

    @Test
    void aLineRepeatedInTheArticleGetsNoSimilarityFromItsCopy() {
        List<String> once = Fixtures.inject(Fixtures.EN_BODY, 5, OTHER_STORY);
        List<String> twice = new ArrayList<>(once);
        twice.add(OTHER_STORY);
        double alone = judged(once).get(5).signals().get(LineSignals.SIMILARITY);
        List<LineVerdict> repeated = judged(twice);
        assertEquals(alone, repeated.get(5).signals().get(LineSignals.SIMILARITY), 0.02);
        assertEquals(alone, repeated.get(twice.size() - 1).signals().get(LineSignals.SIMILARITY), 0.02);
        assertTrue(repeated.get(5).signals().get(LineSignals.COVERAGE) < 0.2, "its copy does not cover it");
    }

    @Test
    void bothCopiesOfARepeatedOffTopicLineGo() {
        List<String> lines = new ArrayList<>(Fixtures.inject(Fixtures.EN_BODY, 5, OTHER_STORY));
        lines.add(OTHER_STORY);
        List<LineVerdict> verdicts = judged(lines);
        assertTrue(verdicts.get(5).removed(), "first copy");
        assertTrue(verdicts.get(lines.size() - 1).removed(), "second copy");
    }
}
