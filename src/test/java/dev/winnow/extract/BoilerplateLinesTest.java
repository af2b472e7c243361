package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoilerplateLinesTest {
    private static boolean promo(String line) {
        return BoilerplateLines.isRelatedPromo(BoilerplateLines.fold(line));
    }

    @Test
    void recognisesReadAlsoPromosAcrossLanguages() {
        for (String line : new String[] {"LEE TAMBIÉN: El Gobierno anuncia medidas", "Te puede interesar",
                "VEA TAMBIÉN | Las claves del acuerdo", "MIRA: El video del rescate", "Read more: Why it matters",
                "RELATED: Council budget", "Leia também: Novo plano", "Lire aussi : La réforme", "Lesen Sie auch",
                "Mehr zum Thema: Bahnstreik", "» Leer más", "Leggi anche: la riforma"}) {
            assertTrue(promo(line), line);
        }
    }

    @Test
    void leavesOrdinarySentencesAlone() {
        for (String line : new String[] {"Related measures were announced later.", "Mira Sorvino won the award.",
                "Más de 200 personas asistieron al acto.", "Watch out for the new rules, experts said.",
                "Read the full report, the minister urged."}) {
            assertFalse(promo(line), line);
        }
    }

    @Test
    void recognisesAdLabelsSharePromptsAndCredits() {
        assertTrue(BoilerplateLines.isAdLabel(BoilerplateLines.fold("ADVERTISEMENT")));
        assertTrue(BoilerplateLines.isAdLabel(BoilerplateLines.fold("Publicidad")));
        assertTrue(BoilerplateLines.isSharePrompt(BoilerplateLines.fold("Share · Tweet · Email")));
        assertFalse(BoilerplateLines.isSharePrompt(BoilerplateLines.fold("Share prices fell sharply.")));
        assertTrue(BoilerplateLines.isImageCredit(BoilerplateLines.fold("Foto: EFE / Archivo")));
        assertTrue(BoilerplateLines.isImageCredit(BoilerplateLines.fold("(Photo by Jane Doe/Getty Images)")));
    }

    @Test
    void recognisesDateOnlyLinesButNotSentencesWithDates() {
        assertTrue(BoilerplateLines.isDateLine(BoilerplateLines.fold("23.10.2018")));
        assertTrue(BoilerplateLines.isDateLine(BoilerplateLines.fold("Dienstag, 4. Juni 2019, 15:54")));
        assertTrue(BoilerplateLines.isDateLine(BoilerplateLines.fold("November 18, 2019 at 3:45 pm")));
        assertFalse(BoilerplateLines.isDateLine(BoilerplateLines.fold("Elections on 5 May 2024 decide it.")));
    }

    @Test
    void recognisesAdvertisingLabelsThatOpenALine() {
        assertTrue(BoilerplateLines.isAdLabel(BoilerplateLines.fold("ANZEIGE - Heute mal ausgehen?")));
        assertTrue(BoilerplateLines.isAdLabel(BoilerplateLines.fold("*Werbung. Dieser Beitrag enthält Werbung.")));
        assertFalse(BoilerplateLines.isAdLabel(BoilerplateLines.fold("Advertisements for the show ran all week.")));
    }
}
