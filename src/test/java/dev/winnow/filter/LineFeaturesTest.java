package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.TitleKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineFeaturesTest {
    @Test
    void bareAdvertisingLabelIsFullPromo() {
        assertEquals(1.0, PromoCues.score("Publicidad"));
        assertEquals(1.0, PromoCues.score("ADVERTISEMENT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Share this article", "Compartilhe esta notícia", "Comparte esta noticia",
            "Diesen Artikel teilen", "Partagez cet article"})
    void aSharingPromptNamingWhatItSharesIsALabelInEveryLanguage(String line) {
        assertEquals(1.0, PromoCues.score(line));
    }

    @Test
    void callToActionWithChannelIsPromo() {
        assertTrue(PromoCues.score("Síguenos en Instagram y TikTok") >= 0.85);
        assertTrue(PromoCues.score("Subscribe to our newsletter") >= 0.85);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Join our WhatsApp channel", "Únete a nuestro canal de WhatsApp",
            "Treten Sie unserem WhatsApp-Kanal bei", "Rejoignez notre chaîne WhatsApp",
            "Participe do nosso canal no WhatsApp"})
    void anInvitationToJoinTheOutletsChannelIsPromoInEveryLanguage(String line) {
        assertTrue(PromoCues.score(line) >= 0.85, line);
    }

    @Test
    void appealsToListenOrSupportArePromo() {
        assertTrue(PromoCues.score("Apoya el periodismo independiente: hazte socio") >= 0.85);
        assertTrue(PromoCues.score("Abonnez-vous à notre newsletter") >= 0.85);
        assertTrue(PromoCues.score("The bill has support from both parties, Doe said.") < 0.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Subscribe now: the first month is free", "Suscríbete por un euro al mes",
            "Jetzt abonnieren: der erste Monat kostet nichts", "Assine por R$ 1,90 por mês",
            "Hier klicken, um unserem Kanal auf WhatsApp zu folgen"})
    void aCallToActionWithAPriceOrAClickIsPromo(String line) {
        assertTrue(PromoCues.score(line) >= 0.85, line);
    }

    @Test
    void aPriceInNewsIsNoPromo() {
        assertTrue(PromoCues.score("Rents rose by 40 euros a month in the city centre.") < 0.5);
    }

    @Test
    void newsAboutAPlatformIsNotPromo() {
        assertTrue(PromoCues.score("Instagram began testing hiding like counts in several markets.") < 0.5);
        assertEquals(0.0, PromoCues.score("El embalse está al 12 % de su capacidad."));
    }

    @Test
    void shapeOfHeadlineAndProse() {
        assertFalse(LineShape.endsWithStop("Cheaper cells, longer range"));
        assertTrue(LineShape.endsWithStop("He said it would “change everything.”"));
        assertEquals(4, LineShape.count("  Cheaper cells,  longer range ").words());
        assertEquals(1.0, LineShape.count("Pop Star Announces Farewell Tour").capitalised());
        assertFalse(LineShape.hasText("___"));
    }

    @Test
    void recognisesDatelinesOfAgenciesAndDates() {
        assertTrue(Datelines.opens("WASHINGTON (AP) — Lawmakers agreed on Tuesday to extend the deadline."));
        assertTrue(Datelines.opens("PORTO ALEGRE - A quatro dias da eleição, o ex-prefeito falou."));
        assertTrue(Datelines.opens("12 juillet 2012. - Le Sénat a adopté le projet de loi."));
        assertFalse(Datelines.opens("The plant will employ about 2,000 workers - the company said."));
    }

    @Test
    void recognisesLinesThatLeanOnThePreviousOne() {
        assertTrue(Continuations.opensWithConnective("Además, el alcalde pidió calma.", "es"));
        assertTrue(Continuations.opensWithConnective("However, the union disagreed.", "en"));
        assertFalse(Continuations.opensWithConnective("El alcalde pidió calma.", "es"));
        assertTrue(Continuations.opensWithQuote("“We needed to win this game,” he said."));
        assertTrue(Continuations.opensWithQuote("A: Trip to the coast"));
        assertFalse(Continuations.opensWithQuote("Analysts expect sales to rise."));
    }

    @Test
    void interviewLabelIsALabelLetterAColonOrDotAndASpace() {
        // The definition the hand-written check must keep: "[QAPRF][:.]\s" after any leading blanks.
        java.util.regex.Pattern definition = java.util.regex.Pattern.compile("[QAPRF][:.]\\s");
        for (char letter : "QAPRFqXÁ".toCharArray()) {
            for (char mark : ":.;-".toCharArray()) {
                for (char space : " \t\n\u000B\f\r\u00a0\u2003x".toCharArray()) {
                    for (String line : List.of("" + letter + mark + space + "Text", "  " + letter + mark + space,
                            "" + letter + mark + space)) {
                        assertEquals(definition.matcher(line.stripLeading()).lookingAt(),
                                Continuations.opensWithInterviewLabel(line), () -> "[" + line + "]");
                    }
                }
            }
        }
    }

    @Test
    void countsNamesNewToTheArticle() {
        ArticleNames names = namesOf("Carmaker opens plant in Ohio", "en",
                "The plant in Ohio will open next year, said Mary Barra.",
                "Barra said the plant would hire locally.",
                "Meanwhile Pope Francis visited Lisbon.");

        assertEquals(2, names.sharedNames(0), "Ohio is in the title, Barra in the next line");
        assertEquals(1, names.newNames(0), "Mary is named nowhere else");
        assertEquals(3, names.newNames(2), "Pope, Francis, Lisbon; the opening word is not counted");
    }

    @Test
    void findsWhereTheFirstNewNameOpensTheLine() {
        ArticleNames names = namesOf("Carmaker opens plant in Ohio", "en",
                "The plant in Ohio will open next year.",
                "The bishop of Lisbon, Rui Valério, praised the pilgrims.",
                "Workers in Ohio said the plant would hire locally, according to a statement by Stellantis.");

        assertEquals(-1, names.firstNewNameAt(0), "Ohio is the article's own");
        assertEquals(3, names.firstNewNameAt(1), "Lisbon, the fourth word");
        assertEquals(14, names.firstNewNameAt(2), "Stellantis comes late");
        assertEquals(-1, namesOf("Werk in Ohio eröffnet", "de", "Die Fabrik in Ohio öffnet im Jahr.",
                "Der Bischof von Lissabon lobte die Pilger.").firstNewNameAt(1), "German capitalises every noun");
    }

    /** The names of an article analysed as the filter does it, as a batch of its own. */
    private static ArticleNames namesOf(String title, String lang, String... lines) {
        FilterInput in = Fixtures.article("u:names", title, lang, lines);
        BatchCorpusStats batch = BatchCorpusStats.of(CorpusStats.EMPTY, List.of(in));
        BatchCorpusStats.Analysed a = batch.analysed(in);
        return new ArticleNames(a.title(), a.lines(), batch.vocabulary(a.code()).words(), a.code());
    }

    @Test
    void findsASiteNameAppendedToAHeadline() {
        String headline = "Storm closes schools | The Daily Planet";

        assertEquals(headline.indexOf('|'), SignalMeter.siteSuffixStart(headline));
        String twice = "Storm closes schools - News - Site";
        assertEquals("Storm closes schools", twice.substring(0, SignalMeter.siteSuffixStart(twice)).strip(),
                "the earliest separator within the last words wins");
        assertEquals(-1, SignalMeter.siteSuffixStart("Storm closes schools"));
        assertEquals(-1, SignalMeter.siteSuffixStart("Prices rise - a report with far too many words"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1) Lego Star Wars set", "12. Selenium helps the body recycle glutathione.",
            "• Three sizes of tips", "- A gente conta muito com ele.",
            "3.- Reformar el sistema de justicia para que los inocentes sean protegidos."})
    void recognisesListItems(String line) {
        assertTrue(LineShape.opensAsListItem(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11 novembre 2012. - Marc Guillemot rentre au port.", "2020 was a hard year.",
            "1.5 million people voted.", "-"})
    void tellsNumbersAndDatelinesFromListItems(String line) {
        assertFalse(LineShape.opensAsListItem(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(Reporting by Will Dunham; Editing by Tom Brown)",
            "AP Business Writer Kelvin Chan contributed to this report from London.",
            "Con información de EFE y Reuters.", "Mit Material von dpa"})
    void recognisesCreditLines(String line) {
        assertTrue(Credits.isCreditKey(TitleKeys.of(line)));
    }

    @Test
    void proseAboutReportingIsNoCreditLine() {
        assertFalse(Credits.isCreditKey(TitleKeys.of("The minister reported the figures to parliament.")));
    }
}
