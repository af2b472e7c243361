package dev.winnow.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void tellsSpanishEnglishPortugueseFrenchAndGermanApart() {
        assertEquals("es", detector.detect("El Gobierno aprobó ayer la reforma de las pensiones con el apoyo de los sindicatos y la patronal."));
        assertEquals("en", detector.detect("The city council approved the plan on Tuesday after a long debate with the residents."));
        assertEquals("pt", detector.detect("O governo aprovou ontem a reforma da previdência com o apoio dos sindicatos e das empresas."));
        assertEquals("fr", detector.detect("Le gouvernement a adopté hier la réforme des retraites avec le soutien des syndicats et du patronat."));
        assertEquals("de", detector.detect("Die Regierung hat gestern die Rentenreform mit der Unterstützung der Gewerkschaften beschlossen."));
    }

    @Test
    void recognisesNonLatinScripts() {
        assertEquals("ru", detector.detect("Правительство одобрило пенсионную реформу при поддержке профсоюзов."));
        assertEquals("el", detector.detect("Η κυβέρνηση ενέκρινε χθες τη μεταρρύθμιση του συνταξιοδοτικού."));
    }

    @Test
    void answersUnknownRatherThanGuessingOnTooLittleText() {
        assertEquals(Languages.UNKNOWN, detector.detect("Cerebras"));
        assertEquals(Languages.UNKNOWN, detector.detect(""));
        assertEquals(Languages.UNKNOWN, detector.detect(null));
    }
}
