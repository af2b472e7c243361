package dev.winnow.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void aNewsletterWordInsideALongerWordIsNotANewsletterPrompt() {
        assertTrue(BoilerplateLines.isNewsletterPrompt(BoilerplateLines.fold("Subscribe to our morning briefing")));
        assertTrue(BoilerplateLines.isNewsletterPrompt(BoilerplateLines.fold("Get our newsletter: sign up here")));
        assertFalse(BoilerplateLines.isNewsletterPrompt(BoilerplateLines.fold(
                "Heavy oversubscription from small investors can give them a greater share of the offering.")));
    }

    @Test
    void recognisesMembershipAppealsButNotTheWordsInNews() {
        for (String line : new String[] {"Unterstütze unsere Arbeit", "Wähle deine Mitgliedschaft",
                "Hazte socio y apoya el periodismo independiente", "Support independent journalism",
                "Soutenez-nous : faites un don"}) {
            assertTrue(BoilerplateLines.isSupportPrompt(BoilerplateLines.fold(line)), line);
        }
        assertFalse(BoilerplateLines.isSupportPrompt(BoilerplateLines.fold(
                "Die Mitgliedschaft in der Nato ist umstritten.")));
    }

    @Test
    void recognisesSlideCountersAndStripsThemFromCaptions() {
        for (String line : new String[] {"4", "1 of 4", "3/12", "2 de 5", "(1 von 7)"}) {
            assertTrue(BoilerplateLines.isCounter(BoilerplateLines.fold(line)), line);
        }
        assertFalse(BoilerplateLines.isCounter(BoilerplateLines.fold("4 dead")));
        assertEquals("Grass Valley's mayor looks at the shelves.",
                BoilerplateLines.withoutSlideCounter("1of4Grass Valley's mayor looks at the shelves."));
        assertEquals("2 / 5 der Befragten stimmten zu.",
                BoilerplateLines.withoutSlideCounter("2 / 5 der Befragten stimmten zu."));
        assertEquals("12 of 4 things", BoilerplateLines.withoutSlideCounter("12 of 4 things"));
    }

    @Test
    void foldsLinesWithCurlyQuotesAsTheGeneralWayDoes() {
        // Beyond Latin-1 the general way folds the whole line: it keeps no-break spaces and strips accents.
        assertEquals("don\u2019t\u00a0miss \u2014 \u201cread more\u201d cafes", BoilerplateLines.fold(
                "  Don\u2019t\u00a0miss \u2014 \u201cRead \t more\u201d Cafe\u0301s\n"));
        assertEquals("\u201ccafe\u201d \u2122", BoilerplateLines.fold("\u201cCAF\u00c9\u201d \u2122 "));
        assertEquals("\u03c9 \u2026", BoilerplateLines.fold("\u2126 \u2026"));
    }

    @Test
    void foldsEveryLatinLetterAsUnicodeDecompositionDoes() {
        for (char c = ' '; c < 0x180; c++) {
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            String folded = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
            // Twice in a row, between runs of spaces, which fold into one.
            assertEquals("ab " + folded + folded + " x", BoilerplateLines.fold("Ab  " + c + c + "\t x "),
                    "U+" + Integer.toHexString(c));
        }
    }
}
