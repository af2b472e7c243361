package dev.winnow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.winnow.article.Block;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.filter.CorpusStats;
import dev.winnow.filter.FilterSettings;
import dev.winnow.filter.OffTopicFilter;
import dev.winnow.filter.RecentLines;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long-running stage remembers what it cleaned: a line repeated across polls is repeated. */
class CleaningStageTest {
    private static final String TEASER = "Pop star announces farewell tour with twelve stadium concerts";

    private static Candidate page(String url, String title, String... paragraphs) {
        List<Block> blocks = java.util.Arrays.stream(paragraphs).map(Block::paragraph).toList();
        return new Candidate(url, null, new ExtractedArticle(title, null, null, null, "en", null, null, null, null,
                null, blocks, null, null), "en");
    }

    private static Candidate later() {
        return page("u:plant", "Carmaker opens battery plant in Ohio",
                "The carmaker opened its new battery plant in Ohio on Monday.", TEASER,
                "The plant will employ about two thousand people when it runs at full capacity.");
    }

    private static double repeatedText(CleaningStage stage) {
        return stage.assess(List.of(later()), CorpusStats.EMPTY).get(0).get(1).signals().get("repeated-text");
    }

    private static CleaningStage cleanFirstPoll(CleaningStage stage) {
        stage.clean(List.of(page("u:storm", "Storm brings floods to the south coast",
                "Heavy rain brought flooding to towns along the south coast overnight.", TEASER,
                "Forecasters warned that more rain was expected over the weekend.")), CorpusStats.EMPTY, null,
                Instant.EPOCH);
        return stage;
    }

    @Test
    void aLineAnArticleOfAnEarlierPollCarriedIsRepeatedText() {
        OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());
        assertEquals(1.0, repeatedText(cleanFirstPoll(new CleaningStage(filter, new RecentLines(100)))));
    }

    @Test
    void aOneOffStageKnowsOnlyItsOwnBatch() {
        OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());
        assertEquals(0.0, repeatedText(cleanFirstPoll(new CleaningStage(filter))));
    }
}
