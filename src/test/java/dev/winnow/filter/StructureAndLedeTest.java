package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.BlockType;
import dev.winnow.article.TitleKeys;
import dev.winnow.config.Config;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Precision first: lines the page marks as part of the article's structure go only on evidence that they are
 * someone else's; another story's lede known to the batch goes whatever its topic.
 */
class StructureAndLedeTest {
    private static final String BULLET = "The UK must stay in the EU to have influence on the world stage";
    /** A threshold so low that topic alone would remove nearly any line: what is kept is kept by a guard. */
    private final OffTopicFilter permissive = new OffTopicFilter(FilterSettings.from(
            Config.defaults().with("filter.threshold", "0.001")));

    private static FilterInput brexit(boolean marked) throws Exception {
        FilterInput plain = Fixtures.resource("en-brexit-bullets.txt", "en");
        List<BlockType> roles = new ArrayList<>(Collections.nCopies(plain.paragraphs().size(), BlockType.PARAGRAPH));
        if (marked) {
            roles.set(3, BlockType.HEADING);
            for (int i = 4; i <= 6; i++) {
                roles.set(i, BlockType.LIST_ITEM);
            }
        }
        return new FilterInput(plain.url(), plain.title(), plain.paragraphs(), "en", List.of(), roles);
    }

    @Test
    void bulletOfTheStoryStaysWhenThePageMarksItAsAListItem() throws Exception {
        FilterInput in = brexit(true);
        assertEquals(BULLET, in.paragraphs().get(5));

        LineVerdict bullet = permissive.assess(in, Fixtures.statsWith(in)).get(5);
        assertFalse(bullet.removed());
        assertEquals("structure", bullet.guard());
        assertEquals(1.0, bullet.signals().get(LineSignals.LIST_ITEM));
        assertFalse(new OffTopicFilter(FilterSettings.defaults()).filter(in, Fixtures.statsWith(in))
                .removedIndices().contains(5));
    }

    @Test
    void theSameLineUnmarkedHasNoStructureToShieldIt() throws Exception {
        FilterInput in = brexit(false);
        LineVerdict bullet = permissive.assess(in, Fixtures.statsWith(in)).get(5);
        assertEquals(0.0, bullet.signals().get(LineSignals.LIST_ITEM));
        assertTrue(!"structure".equals(bullet.guard()));
    }

    @Test
    void aMarkedListItemThatIsAnotherArticlesTitleStillGoes() throws Exception {
        FilterInput in = brexit(true);
        FilterInput other = Fixtures.article("u:other", BULLET, "en",
                "A different story that happens to carry this headline, told over two sentences of its own.",
                "It has a second paragraph, as articles do.");

        LineVerdict bullet = new OffTopicFilter(FilterSettings.defaults())
                .assess(in, BatchCorpusStats.of(CorpusStats.EMPTY, List.of(in, other))).get(5);
        assertTrue(bullet.removed());
        assertEquals("known-title", bullet.reason());
    }

    @Test
    void aLineOpeningWithAnotherArticlesLedeIsThatLede() {
        String lede = "Heavy rain and strong winds brought flooding and power cuts to towns along the south coast "
                + "overnight, with thousands of homes left without electricity.";
        FilterInput storm = Fixtures.article("u:storm", "Storm brings floods and power cuts", "en", lede,
                "Forecasters warned that more rain was expected over the weekend.");
        List<String> body = new ArrayList<>(Fixtures.EN_BODY);
        body.add(3, lede);
        FilterInput host = new FilterInput("u:host", Fixtures.EN_TITLE, body, "en", List.of());
        CorpusStats stats = BatchCorpusStats.of(CorpusStats.EMPTY, List.of(host, storm));

        LineVerdict v = new OffTopicFilter(FilterSettings.defaults()).assess(host, stats).get(3);
        assertTrue(v.removed());
        assertEquals("known-lede", v.reason());
        assertEquals(1.0, v.signals().get(LineSignals.KNOWN_LEDE));
    }

    @Test
    void aCopyOfTheSameStoryDoesNotMakeItsOwnLinesSomeoneElsesLede() {
        String lede = "Heavy rain and strong winds brought flooding and power cuts to towns along the south coast "
                + "overnight, with thousands of homes left without electricity.";
        String title = "Storm brings floods and power cuts";
        FilterInput a = Fixtures.article("u:a", title, "en", "By a staff reporter", lede, "More rain is due.");
        FilterInput b = Fixtures.article("u:b", title, "en", lede, "Forecasters warned of more rain.");
        CorpusStats stats = BatchCorpusStats.of(CorpusStats.EMPTY, List.of(a, b));

        assertFalse(stats.isKnownLede(Ledes.opening(TitleKeys.of(lede)), "u:a", TitleKeys.of(title)));
        assertTrue(stats.isKnownLede(Ledes.opening(TitleKeys.of(lede)), "u:c", TitleKeys.of("Another story")));
    }

    @Test
    void openingIsTheFirstTenWordsOfALineKeyAndNothingForShorterLines() {
        assertEquals("one two three four five six seven eight nine ten",
                Ledes.opening("one two three four five six seven eight nine ten eleven"));
        assertEquals("one two three four five six seven eight nine ten",
                Ledes.opening("one two three four five six seven eight nine ten"));
        assertEquals("", Ledes.opening("one two three four five six seven eight nine"));
        assertEquals("a b c d e f g h i j", Ledes.ofArticle("the title", List.of("the title", "a b c d e f g h i j k")));
    }

    @Test
    void anInterviewAnswerIsATurnOfTheInterviewNotAnotherStory() {
        List<String> body = new ArrayList<>(Fixtures.EN_BODY);
        body.add(4, "Q: What do you listen to on the way to work?");
        body.add(5, "A: Bob Marley, Frank Sinatra and whatever my daughter put on last night");
        FilterInput in = new FilterInput("u:qa", Fixtures.EN_TITLE, body, "en", List.of());

        LineVerdict answer = permissive.assess(in, Fixtures.statsWith(in)).get(5);
        assertFalse(answer.removed());
        assertEquals("structure", answer.guard());
    }

    @Test
    void theOpeningLineGoesOnlyOnEvidenceThatIsNotTopic() {
        List<String> body = Fixtures.inject(Fixtures.EN_BODY, 0, "Tested by: Jane Doe, price 49.95 euro, more at example.org");
        FilterInput in = new FilterInput("u:open", Fixtures.EN_TITLE, body, "en", List.of());
        LineVerdict opening = permissive.assess(in, Fixtures.statsWith(in)).get(0);
        assertFalse(opening.removed());
        assertEquals("opening", opening.guard());

        List<String> promo = Fixtures.inject(Fixtures.EN_BODY, 0, "Subscribe to our newsletter and follow us on Facebook");
        FilterInput withPromo = new FilterInput("u:promo", Fixtures.EN_TITLE, promo, "en", List.of());
        LineVerdict v = new OffTopicFilter(FilterSettings.defaults()).assess(withPromo, Fixtures.statsWith(withPromo)).get(0);
        assertTrue(v.removed());
        assertEquals("promo", v.reason());
    }

    @Test
    void aTitleRepeatedAboveTheTextLeavesTheOpeningGuardToTheLineAfterIt() {
        List<String> body = Fixtures.inject(Fixtures.inject(Fixtures.EN_BODY, 0,
                "Tested by: Jane Doe, price 49.95 euro, more at example.org"), 0, Fixtures.EN_TITLE);
        FilterInput in = new FilterInput("u:title", Fixtures.EN_TITLE, body, "en", List.of());
        List<LineVerdict> verdicts = permissive.assess(in, Fixtures.statsWith(in));
        assertEquals("title", verdicts.get(0).guard());
        assertEquals("opening", verdicts.get(1).guard());
    }
}
