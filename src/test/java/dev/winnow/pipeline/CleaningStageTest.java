package dev.winnow.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.Block;
import dev.winnow.article.Removal;
import dev.winnow.article.StoredArticle;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.filter.CorpusStats;
import dev.winnow.filter.FilterSettings;
import dev.winnow.filter.OffTopicFilter;
import dev.winnow.filter.RecentLines;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        stage.clean(List.of(earlier()), CorpusStats.EMPTY, null, Instant.EPOCH);
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

    /** The storm article, with {@code line} as its second line. */
    private static Candidate storm(String line) {
        return page("u:storm", "Storm brings floods to the south coast",
                "Heavy rain brought flooding to towns along the south coast overnight.", line,
                "Forecasters warned that more rain was expected over the weekend.");
    }

    private static Candidate earlier() {
        return storm(TEASER);
    }

    /** A stage that remembers, the storm article with {@code line} cleaned and stored first. */
    private static CleaningStage storedFirst(LuceneArticleIndex index, String line) throws IOException {
        CleaningStage stage = new CleaningStage(new OffTopicFilter(FilterSettings.defaults()), new RecentLines(100));
        store(index, stage.clean(List.of(storm(line)), index.corpusStats(), null, Instant.EPOCH));
        assertTrue(index.get("u:storm").orElseThrow().paragraphs().contains(line), "on topic, not known");
        return stage;
    }

    private static void store(LuceneArticleIndex index, List<StoredArticle> articles) throws IOException {
        for (StoredArticle a : articles) {
            index.upsert(a);
        }
        index.commit();
    }

    @Test
    void anArticleStoredBeforeItsLineTurnedUpElsewhereLosesItWhenLookedAtAgain(@TempDir Path dir)
            throws IOException {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            CleaningStage stage = storedFirst(index, TEASER);
            assertEquals(List.of(), stage.revisit(index));

            store(index, stage.clean(List.of(later()), index.corpusStats(), null, Instant.EPOCH));
            List<StoredArticle> changed = stage.revisit(index);

            assertEquals(List.of("u:storm"), changed.stream().map(StoredArticle::url).toList());
            StoredArticle storm = changed.get(0);
            assertFalse(storm.paragraphs().contains(TEASER));
            assertEquals(2, storm.paragraphs().size());
            Removal r = storm.removed().stream().filter(x -> x.text().equals(TEASER)).findFirst().orElseThrow();
            assertEquals(1, r.index());
            assertEquals(1.0, r.signals().get("repeated-text"));
            assertEquals(List.of(), stage.revisit(index), "each article is looked at again once");
        }
    }

    @Test
    void anArticleNotStoredYetIsLookedForAgainAtTheNextRevisit(@TempDir Path dir) throws IOException {
        CleaningStage stage = new CleaningStage(new OffTopicFilter(FilterSettings.defaults()), new RecentLines(100));
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            // Two feeds polled at once: both batches cleaned before either is stored.
            List<StoredArticle> first = stage.clean(List.of(earlier()), index.corpusStats(), null, Instant.EPOCH);
            List<StoredArticle> second = stage.clean(List.of(later()), index.corpusStats(), null, Instant.EPOCH);
            store(index, second);
            List<StoredArticle> changed = stage.revisit(index);
            store(index, changed);
            store(index, first);

            List<StoredArticle> late = stage.revisit(index);
            assertEquals(List.of("u:storm"), late.stream().map(StoredArticle::url).toList());
            assertFalse(late.get(0).paragraphs().contains(TEASER));
        }
    }

    /** The revisit changes the storm article alone; its removal of {@code line}. */
    private static Removal theStormArticlesRemovalAfterRevisit(CleaningStage stage, LuceneArticleIndex index,
            String line) throws IOException {
        List<StoredArticle> changed = stage.revisit(index);
        assertEquals(List.of("u:storm"), changed.stream().map(StoredArticle::url).toList());
        return changed.get(0).removed().stream().filter(x -> x.text().equals(line)).findFirst().orElseThrow();
    }

    @Test
    void anArticleCarryingTheHeadlineOfAStoryStoredLaterLosesItWhenLookedAtAgain(@TempDir Path dir)
            throws IOException {
        String headline = "Floods close schools along the south coast for a week";
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            CleaningStage stage = storedFirst(index, headline);

            store(index, stage.clean(List.of(page("u:schools", headline,
                    "Schools along the south coast will stay closed for a week after the floods, the council said.",
                    "Parents were told that lessons would move online until the buildings are dried out.")),
                    index.corpusStats(), null, Instant.EPOCH));
            Removal r = theStormArticlesRemovalAfterRevisit(stage, index, headline);
            assertEquals(1.0, r.signals().get("known-title"));
        }
    }

    @Test
    void anArticleCarryingTheLedeOfAStoryStoredLaterLosesItWhenLookedAtAgain(@TempDir Path dir) throws IOException {
        String lede = "Schools along the south coast will stay closed for a week after the floods damaged "
                + "classrooms, the council said on Tuesday.";
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            CleaningStage stage = storedFirst(index, lede);

            // The story's own lede goes on past what the teaser quoted: the same opening, not the same line.
            String fullLede = "Schools along the south coast will stay closed for a week after the floods damaged "
                    + "classrooms and sports halls, the county council said on Tuesday evening.";
            store(index, stage.clean(List.of(page("u:schools", "Flood damage keeps south coast schools shut", fullLede,
                    "Parents were told that lessons would move online until the buildings are dried out.")),
                    index.corpusStats(), null, Instant.EPOCH));
            Removal r = theStormArticlesRemovalAfterRevisit(stage, index, lede);
            assertEquals(1.0, r.signals().get("known-lede"));
            assertEquals(0.0, r.signals().get("repeated-text"));
        }
    }
}
