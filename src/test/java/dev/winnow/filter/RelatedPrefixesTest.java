package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RelatedPrefixesTest {
    @Test
    void findsLeadInsWithSeparatorInEachLanguage() {
        assertEquals("Storm hits coast", RelatedPrefixes.find("Read more: Storm hits coast").rest());
        assertEquals("El paro baja en marzo", RelatedPrefixes.find("LEA TAMBIÉN: El paro baja en marzo").rest());
        assertEquals("Inflação sobe", RelatedPrefixes.find("Leia também - Inflação sobe").rest());
        assertEquals("Le Sénat vote", RelatedPrefixes.find("À lire aussi : Le Sénat vote").rest());
        assertEquals("Bahn streikt", RelatedPrefixes.find("Lesen Sie auch: Bahn streikt").rest());
        assertTrue(RelatedPrefixes.find("Te puede interesar: Cae el dólar").known());
    }

    @Test
    void takesAHeadlineOpeningOnANameWithItsCapitalSecond() {
        assertEquals("iPhone Xr im Test", RelatedPrefixes.find("Das könnte Sie interessieren: iPhone Xr im Test").rest());
        assertNull(RelatedPrefixes.find("Read more: about the storm"), "lower-case prose after a lead-in is no headline");
    }

    @Test
    void knowsLabelsThatAlsoOpenSentences() {
        assertTrue(RelatedPrefixes.find("Empfohlen: Bahn streikt am Montag").known());
        assertTrue(RelatedPrefixes.find("Also on our site: Storm hits coast").known());
        assertNull(RelatedPrefixes.find("Empfohlen wird eine Impfung im Herbst."));
    }

    @Test
    void matchesWithoutAccents() {
        assertTrue(RelatedPrefixes.find("Lee tambien: El paro baja en marzo").known());
    }

    @Test
    void findsLeadInsOutsideTheListByTheirWords() {
        assertTrue(RelatedPrefixes.find("Artículo relacionado: El paro baja en marzo").known());
        assertTrue(RelatedPrefixes.find("Weitere Artikel zum Thema: Bahn streikt").known());
        assertNull(RelatedPrefixes.find("Die Daten zeigen auch: Der Handel sinkt"));
        assertNull(RelatedPrefixes.find("Seine klare Empfehlung lautet: Nicht nur an den Feiertagen leben"),
                "a lead-in word inside a sentence-like label");
    }

    @Test
    void acceptsCapitalisedLeadInWithoutSeparator() {
        assertEquals("EUA negam acordo", RelatedPrefixes.find("VEJA TAMBÉM EUA negam acordo").rest());
    }

    @Test
    void ignoresOrdinaryProseStartingWithTheSameWord() {
        assertNull(RelatedPrefixes.find("Veja o que muda na sua conta de luz a partir de janeiro."));
        assertNull(RelatedPrefixes.find("More than 200 people were evacuated overnight."));
    }

    @Test
    void reportsGenericCapitalisedLabelAsNotKnown() {
        RelatedPrefixes.Match m = RelatedPrefixes.find("EN DIRECTO: Última hora del temporal");
        assertFalse(m.known());
        assertNull(RelatedPrefixes.find("A: Trip to the coast"), "a one-letter interview label is no lead-in");
    }
}
