package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static dev.winnow.index.Articles.story;
import static dev.winnow.index.LuceneArticleIndexTest.analysedTerm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.filter.CorpusStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter's corpus statistics stay right while the daemon commits poll after poll: each commit adds a
 * segment, and what was cached of the older segments must add up with what the new ones hold.
 */
class CorpusStatsAcrossCommitsTest {
    @TempDir
    Path dir;

    private final IndexSettings settings = IndexSettings.defaults();

    @Test
    void documentFrequencyCountsEverySegmentAfterEachCommit() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            CorpusStats stats = index.corpusStats();
            String term = analysedTerm("es", "presupuesto");
            for (int commit = 1; commit <= 4; commit++) {
                index.upsert(story(commit * 10));
                index.upsert(story(commit * 10 + 1));
                index.commit();
                assertEquals(2L * commit, stats.docFreq("es", term), "after commit " + commit);
            }
        }
    }

    @Test
    void bulkDocumentFrequenciesEqualOneByOneAcrossCommits() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            CorpusStats stats = index.corpusStats();
            List<String> terms = new ArrayList<>();
            for (String word : List.of("presupuesto", "pleno", "municipal", "detalles", "ausente")) {
                terms.add(analysedTerm("es", word));
            }
            for (int commit = 1; commit <= 3; commit++) {
                index.upsert(story(commit));
                index.upsert(article("https://noticias.example/pleno" + commit, "es", "Sesión " + commit,
                        daysAgo(commit), "El pleno aprobó la moción."));
                index.commit();
                // Asked in bulk first, with part of the terms already cached from the last round.
                long[] bulk = stats.docFreqs("es", terms);
                long[] single = terms.stream().mapToLong(t -> stats.docFreq("es", t)).toArray();
                assertArrayEquals(single, bulk, "after commit " + commit);
                assertEquals(2L * commit, bulk[1], "\"pleno\" is in every article");
                assertEquals(0, bulk[4], "a word no article has");
            }
        }
    }

    @Test
    void titlesAreKnownWhicheverSegmentHoldsThem() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            CorpusStats stats = index.corpusStats();
            for (int commit = 1; commit <= 3; commit++) {
                index.upsert(story(commit));
                index.commit();
                // Asking before the next commit caches the segments' title fingerprints.
                assertFalse(stats.isKnownTitle("titular numero " + (commit + 1), null));
            }
            for (int n = 1; n <= 3; n++) {
                assertTrue(stats.isKnownTitle("titular numero " + n, null), "title " + n);
            }
            assertFalse(stats.isKnownTitle("titular numero 4", null));
        }
    }

    @Test
    void replacedTitleIsNoLongerKnownThoughItsOldSegmentRemains() throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            CorpusStats stats = index.corpusStats();
            index.upsert(story(1));
            index.upsert(story(2));
            index.commit();
            assertTrue(stats.isKnownTitle("titular numero 1", null));

            index.upsert(article(story(1).url(), "es", "Titular corregido", daysAgo(1), "Texto nuevo."));
            index.commit();

            assertFalse(stats.isKnownTitle("titular numero 1", null), "the old copy was deleted");
            assertTrue(stats.isKnownTitle("titular corregido", null));
            assertTrue(stats.isKnownTitle("titular numero 2", null));
        }
    }
}
