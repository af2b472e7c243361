package dev.winnow.filter;

import static dev.winnow.filter.Fixtures.EN_BODY;
import static dev.winnow.filter.Fixtures.EN_TITLE;
import static dev.winnow.filter.Fixtures.inject;
import static dev.winnow.filter.Fixtures.statsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.config.Config;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines topic cannot judge: two or three words share nothing even with their own article, and a line quoted
 * from end to end is someone's words the article reports. Both go only on evidence beyond topic.
 */
class ShortAndQuotedLineTest {
    /** A threshold so low that topic alone would remove nearly any line: what is kept is kept by a guard. */
    private final OffTopicFilter permissive = new OffTopicFilter(FilterSettings.from(
            Config.defaults().with("filter.threshold", "0.001")));

    private LineVerdict verdict(List<String> body, int line) {
        FilterInput in = new FilterInput("u:en", EN_TITLE, body, "en", List.of());
        return permissive.assess(in, statsWith(in)).get(line);
    }

    @Test
    void anOutletsNameClosingTheArticleIsTooShortToJudgeByTopic() {
        List<String> body = inject(EN_BODY, EN_BODY.size(), "Morning Courier");
        LineVerdict v = verdict(body, body.size() - 1);
        assertFalse(v.removed());
        assertEquals("short-line", v.guard());
    }

    @Test
    void aOneWordAdvertisingLabelStillGoes() {
        List<String> body = inject(EN_BODY, 3, "Advertisement");
        LineVerdict v = verdict(body, 3);
        assertEquals(1.0, v.signals().get(LineSignals.PROMO_LABEL));
        assertTrue(v.removed(), () -> "kept by " + v.guard());
    }

    @Test
    void aLongerHeadlineIsNotShieldedAsShort() {
        List<String> body = inject(EN_BODY, 3, "Pop star announces farewell tour");
        assertTrue(verdict(body, 3).removed());
    }

    @Test
    void aLineQuotedFromEndToEndIsAQuoteTheArticleReports() {
        List<String> body = inject(EN_BODY, 3, "“Whatever remains, however improbable, must be the truth”");
        LineVerdict v = verdict(body, 3);
        assertFalse(v.removed());
        assertEquals("structure", v.guard());
    }

    @Test
    void onlyAWholeQuotationCountsAsQuoted() {
        assertTrue(Continuations.isWhollyQuoted("„Wir schaffen das“."));
        assertTrue(Continuations.isWhollyQuoted("«Il faut agir maintenant»"));
        assertFalse(Continuations.isWhollyQuoted("“We will win,” the minister said."));
        assertFalse(Continuations.isWhollyQuoted("\"One\" and \"two\""));
        assertFalse(Continuations.isWhollyQuoted("Plain words"));
    }
}
