package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A dateline opens a story: the article's own opens its lede (after a deck, the second line), any other one
 * opens someone else's story.
 */
class DatelineEvidenceTest {
    private static final String TITLE = "Le conseil municipal adopte le nouveau plan de circulation du centre-ville";
    private static final List<String> BODY = List.of(
            "3 mars 2013. - Le conseil municipal a adopté lundi soir le nouveau plan de circulation du "
                    + "centre-ville, qui ferme trois rues aux voitures à partir de l'été.",
            "Le maire a défendu un plan destiné à réduire le bruit et la pollution dans les rues commerçantes, "
                    + "où les piétons sont de plus en plus nombreux.",
            "Les commerçants du centre craignent de perdre des clients venus en voiture et demandent davantage "
                    + "de places de stationnement aux entrées de la ville.",
            "Le plan prévoit aussi deux nouvelles lignes de bus et des pistes cyclables le long des quais, "
                    + "financées par la ville et la région.",
            "L'opposition a voté contre, estimant que la concertation avec les habitants des quartiers voisins "
                    + "avait été trop courte.",
            "Les premiers travaux commenceront en avril, et les rues fermées seront rendues aux piétons dès le "
                    + "mois de juillet.");
    /** Another story's lede, opening with its own dateline, as pasted between two paragraphs. */
    private static final String OTHER_LEDE = "7 juillet 2012. - Le comédien Jean Dupuis est mort dans la nuit de "
            + "vendredi à samedi à Lyon, a annoncé son agent, à l'âge de 71 ans, après une longue carrière au "
            + "théâtre.";

    private final OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());

    @Test
    void aDatelineAfterTheArticlesOwnOpensAnotherStoryAndGoes() {
        FilterInput in = new FilterInput("u:plan", TITLE, Fixtures.inject(BODY, 3, OTHER_LEDE), "fr", List.of());
        List<LineVerdict> verdicts = filter.assess(in, Fixtures.statsWith(in));

        assertEquals(0.0, verdicts.get(0).signals().get(LineSignals.DATELINE));
        assertEquals(1.0, verdicts.get(3).signals().get(LineSignals.DATELINE));
        assertTrue(verdicts.get(3).removed());
        assertEquals(List.of(3), Fixtures.removed(verdicts));
    }

    @Test
    void theArticlesOwnDatelineAfterADeckIsNoEvidence() {
        List<String> body = Fixtures.inject(BODY, 0,
                "La ville ferme trois rues aux voitures et promet des bus et des pistes cyclables");
        FilterInput in = new FilterInput("u:plan", TITLE, body, "fr", List.of());
        List<LineVerdict> verdicts = filter.assess(in, Fixtures.statsWith(in));

        assertEquals(0.0, verdicts.get(1).signals().get(LineSignals.DATELINE));
        assertFalse(verdicts.get(1).removed());
        assertEquals(List.of(), Fixtures.removed(verdicts));
    }
}
