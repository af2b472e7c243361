package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sentence that another story of the batch also carries is not this article's own text; a short line
 * an outlet's articles share (a place opening the story) is.
 */
class RepeatedTextTest {
    /** A teaser a site puts on its pages, sharing no name with the host story. */
    private static final String TEASER = "El Gobierno abre el plazo de las ayudas al alquiler para los "
            + "jóvenes menores de 35 años.";
    private static final String PLACE = "MÁLAGA";

    private final OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());

    private static FilterInput host() {
        List<String> body = new ArrayList<>(Fixtures.ES_BODY);
        body.add(0, PLACE);
        body.add(5, TEASER);
        return new FilterInput("u:host", Fixtures.ES_TITLE, body, "es", List.of());
    }

    /** Another story of the batch carrying the teaser too. */
    private static FilterInput otherStory() {
        return Fixtures.article("u:other", "El Málaga ficha a un delantero para la segunda vuelta", "es",
                "El Málaga ha cerrado el fichaje de un delantero cedido por un club de Primera para reforzar el "
                        + "ataque en la segunda vuelta de la liga.",
                TEASER,
                "El entrenador confía en que el nuevo jugador debute el domingo en el partido ante el Granada.");
    }

    /** Another story of the outlet opening with the same place line. */
    private static FilterInput sameOutlet() {
        return Fixtures.article("u:outlet", "El puerto de Málaga recibe un récord de cruceros", "es", PLACE,
                "El puerto de Málaga ha recibido este año más cruceros que nunca, según la autoridad portuaria.",
                "Los comerciantes del centro celebran la llegada de los turistas.");
    }

    @Test
    void aSentenceAnotherStoryOfTheBatchAlsoCarriesGoes() {
        FilterInput in = host();
        List<LineVerdict> verdicts = filter.assess(in, Fixtures.statsWith(in, otherStory(), sameOutlet()));

        assertEquals(1.0, verdicts.get(5).signals().get(LineSignals.REPEATED_TEXT));
        assertTrue(verdicts.get(5).removed());
    }

    @Test
    void aShortLineTheOutletsArticlesShareIsNotAnotherStorysText() {
        FilterInput in = host();
        List<LineVerdict> verdicts = filter.assess(in, Fixtures.statsWith(in, otherStory(), sameOutlet()));

        assertEquals(1.0, verdicts.get(0).signals().get(LineSignals.REPEATED));
        assertEquals(0.0, verdicts.get(0).signals().get(LineSignals.REPEATED_TEXT));
        assertFalse(verdicts.get(0).removed());
        assertEquals(List.of(5), Fixtures.removed(verdicts));
    }

    @Test
    void aPromptRepeatedAcrossTheBatchIsLeftToThePromoEvidence() {
        String prompt = "Suscríbete a nuestro boletín y recibe cada mañana las noticias de Málaga";
        LineVerdict v = verdict(prompt, true);

        assertEquals(1.0, v.signals().get(LineSignals.REPEATED));
        assertEquals(0.0, v.signals().get(LineSignals.REPEATED_TEXT));
        assertTrue(v.removed());
    }

    @Test
    void anotherStorysTextOpeningWithAConnectiveDoesNotLeanOnThisArticle() {
        String teaser = "Además, el Gobierno abre el plazo de las ayudas al alquiler para los jóvenes menores de 35 años.";
        LineVerdict v = verdict(teaser, true);
        LineVerdict alone = verdict(teaser, false);

        assertEquals(1.0, v.signals().get(LineSignals.REPEATED_TEXT));
        assertEquals(0.0, v.signals().get(LineSignals.CONNECTIVE));
        assertEquals(1.0, alone.signals().get(LineSignals.CONNECTIVE));
    }

    /**
     * The verdict on the line put into the Spanish fixture article, in a batch where another story carries
     * it too ({@code repeated}) or alone.
     */
    private LineVerdict verdict(String line, boolean repeated) {
        FilterInput in = new FilterInput("u:host", Fixtures.ES_TITLE, Fixtures.inject(Fixtures.ES_BODY, 3, line),
                "es", List.of());
        FilterInput other = Fixtures.article("u:other", "El Málaga ficha a un delantero", "es",
                "El Málaga ha cerrado el fichaje de un delantero cedido para la segunda vuelta de la liga.", line);
        return filter.assess(in, repeated ? Fixtures.statsWith(in, other) : Fixtures.statsWith(in)).get(3);
    }
}
