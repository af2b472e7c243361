package dev.winnow.filter;

import static dev.winnow.filter.Fixtures.EN_BODY;
import static dev.winnow.filter.Fixtures.EN_TITLE;
import static dev.winnow.filter.Fixtures.ES_BODY;
import static dev.winnow.filter.Fixtures.ES_TITLE;
import static dev.winnow.filter.Fixtures.inject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.TitleKeys;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A long-running pipeline knows the long lines of the articles it cleaned before: a line another recent
 * story carried is repeated, but the article's own earlier copy, or a copy of its story, is no evidence.
 */
class RecentLinesTest {
    private static final String INTRUDER = "Pop star announces farewell tour with twelve stadium concerts";
    private static final String KEY = TitleKeys.of(INTRUDER);

    private static FilterInput host(String url, String title, List<String> body) {
        return new FilterInput(url, title, inject(body, 2, INTRUDER), "en", List.of());
    }

    private static boolean repeatedFor(RecentLines recent, FilterInput in) {
        return recent.over(CorpusStats.EMPTY, List.of(in)).isRepeatedLine(KEY, in.url());
    }

    @Test
    void aLineAnotherRecentStoryCarriedIsRepeatedInALaterBatch() {
        RecentLines recent = new RecentLines(10);
        recent.remember(List.of(host("u:es", ES_TITLE, ES_BODY)));
        FilterInput later = host("u:en", EN_TITLE, EN_BODY);

        assertTrue(repeatedFor(recent, later));
        LineVerdict v = new OffTopicFilter(FilterSettings.defaults())
                .assess(later, recent.over(CorpusStats.EMPTY, List.of(later))).get(2);
        assertEquals(1.0, v.signals().get(LineSignals.REPEATED_TEXT));
    }

    @Test
    void theArticlesOwnEarlierCopyIsNoEvidence() {
        RecentLines recent = new RecentLines(10);
        recent.remember(List.of(host("u:en", EN_TITLE, EN_BODY)));
        assertFalse(repeatedFor(recent, host("u:en", EN_TITLE, EN_BODY)));
    }

    @Test
    void aCopyOfTheStoryUnderAnotherUrlIsNoEvidence() {
        RecentLines recent = new RecentLines(10);
        recent.remember(List.of(host("u:en-syndicated", EN_TITLE, EN_BODY),
                host("u:en-retitled", "Battery plant opens", EN_BODY)));
        assertFalse(repeatedFor(recent, host("u:en", EN_TITLE, EN_BODY)));
    }

    @Test
    void shortLinesAreNotRemembered() {
        RecentLines recent = new RecentLines(10);
        String place = "CIUDAD DE MÉXICO";
        recent.remember(List.of(new FilterInput("u:es", ES_TITLE, inject(ES_BODY, 0, place), "es", List.of())));
        FilterInput other = new FilterInput("u:en", EN_TITLE, inject(EN_BODY, 0, place), "en", List.of());
        assertFalse(recent.over(CorpusStats.EMPTY, List.of(other)).isRepeatedLine(TitleKeys.of(place), "u:en"));
    }

    @Test
    void theOldestArticlesAreForgottenBeyondCapacity() {
        RecentLines recent = new RecentLines(1);
        recent.remember(List.of(host("u:es", ES_TITLE, ES_BODY)));
        recent.remember(List.of(Fixtures.CORPUS.get(2)));
        assertEquals(1, recent.size());
        assertFalse(repeatedFor(recent, host("u:en", EN_TITLE, EN_BODY)));
    }

    @Test
    void aStageWithNoMemoryRemembersNothing() {
        RecentLines none = new RecentLines(0);
        none.remember(List.of(host("u:es", ES_TITLE, ES_BODY)));
        assertEquals(0, none.size());
        assertFalse(repeatedFor(none, host("u:en", EN_TITLE, EN_BODY)));
    }

    @Test
    void rememberingALineAnEarlierStoryCarriedNamesBothArticlesAsGivenNewEvidence() {
        RecentLines recent = new RecentLines(10);
        assertEquals(Set.of(), recent.remember(List.of(host("u:es", ES_TITLE, ES_BODY))));
        assertEquals(Set.of("u:es", "u:en"), recent.remember(List.of(host("u:en", EN_TITLE, EN_BODY))));
    }

    @Test
    void anArticleIsNamedOnlyForASharedLineItStillCarries() {
        RecentLines recent = new RecentLines(10);
        // The intruder is line 2 of each host: the first article removed it, the second kept it.
        recent.remember(List.of(host("u:es", ES_TITLE, ES_BODY)), List.of(Set.of(2)));
        assertEquals(Set.of("u:en"), recent.remember(List.of(host("u:en", EN_TITLE, EN_BODY))));
        // Once a later look has removed it from the second too, a third copy names only the third article.
        recent.dropped("u:en", List.of(INTRUDER));
        assertEquals(Set.of("u:third"), recent.remember(List.of(host("u:third", "Council approves new bus lanes",
                List.of("The council approved four new bus lanes on Tuesday after a long debate.",
                        "Work on the first lane starts in March and should take six weeks.",
                        "Cyclists asked for more protected lanes in the city centre as well.")))));
    }

    @Test
    void copiesAndArticlesOfTheSameBatchAreNotGivenNewEvidence() {
        RecentLines recent = new RecentLines(10);
        recent.remember(List.of(host("u:en", EN_TITLE, EN_BODY)));
        // The same story again (its own URL, a syndicated copy), and two stories sharing the line in one batch,
        // whose statistics counted it already.
        assertEquals(Set.of(), recent.remember(List.of(host("u:en", EN_TITLE, EN_BODY),
                host("u:en-syndicated", EN_TITLE, EN_BODY))));
        RecentLines fresh = new RecentLines(10);
        assertEquals(Set.of(), fresh.remember(List.of(host("u:es", ES_TITLE, ES_BODY),
                host("u:other", EN_TITLE, EN_BODY))));
    }

    @Test
    void linesAreRememberedByFingerprintsThatTellDifferentKeysApart() {
        assertEquals(RecentLines.fingerprint(KEY), RecentLines.fingerprint(TitleKeys.of(INTRUDER)));
        assertTrue(RecentLines.fingerprint(KEY) != RecentLines.fingerprint(KEY + " x"));
    }
}
