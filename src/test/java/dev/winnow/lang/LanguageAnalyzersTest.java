package dev.winnow.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class LanguageAnalyzersTest {
    @Test
    void spanishChainDropsStopWordsStemsAndFoldsAccents() throws IOException {
        assertEquals(terms("es", "la elección"), terms("es", "las elecciones"));
        assertEquals(List.of(), terms("es", "de la y el"));
    }

    @Test
    void wordsTypedWithoutAccentsAnalyseLikeTheAccentedWordsInEveryLanguage() throws IOException {
        for (String lang : List.of("en", "es", "pt", "fr", "de", "it", "nl", "und")) {
            assertEquals(terms(lang, "André Féraud Sánchez"), terms(lang, "Andre Feraud Sanchez"), lang);
            assertEquals(terms(lang, "eleições milhões"), terms(lang, "eleicoes milhoes"), lang);
        }
        assertEquals(terms("de", "Müller Straße"), terms("de", "Mueller Strasse"));
    }

    @Test
    void accentedStopWordsAreDroppedWhenTypedWithoutAccents() throws IOException {
        assertEquals(List.of(), terms("pt", "também"));
        assertEquals(List.of(), terms("pt", "tambem"));
        assertEquals(List.of(), terms("de", "für über"));
        assertEquals(List.of(), terms("de", "fur uber"));
    }

    @Test
    void spanishShortSingularsMeetTheirPlurals() throws IOException {
        // The light stemmer alone leaves four letters alone and cuts five: "casa" but "cas".
        assertEquals(terms("es", "casa niño toma vida"), terms("es", "casas niños tomas vidas"));
        assertEquals(terms("es", "país ley crisis"), terms("es", "países leyes crisis"));
    }

    @Test
    void portuguesePluralsInOesStillMeetTheirSingularAfterFolding() throws IOException {
        assertEquals(terms("pt", "eleição"), terms("pt", "eleições"));
        assertEquals(terms("pt", "milhão"), terms("pt", "milhoes"));
    }

    @Test
    void surfaceFormsAreFoldedButNotStemmed() throws IOException {
        assertEquals(List.of("chasing", "the", "elections", "article"),
                terms(LanguageAnalyzers.surfaceForms("fr"), "Chasing the Élections l'article"));
    }

    @Test
    void frenchChainRemovesElisionBeforeStopWords() throws IOException {
        assertEquals(terms("fr", "article"), terms("fr", "l'article"));
    }

    @Test
    void englishChainStems() throws IOException {
        assertEquals(terms("en", "election"), terms("en", "elections"));
    }

    @Test
    void unknownLanguagesShareTheNeutralChain() throws IOException {
        assertSame(LanguageAnalyzers.forLanguage("xx"), LanguageAnalyzers.forLanguage(null));
        assertEquals(List.of("zurich", "cafe"), terms("xx", "Zürich Café"));
        assertEquals("und", LanguageAnalyzers.effectiveLanguage("sw"));
        assertEquals("es", LanguageAnalyzers.effectiveLanguage("es-MX"));
    }

    @Test
    void standardTokensLowerCasedAndAnalysedAsWordsGiveTheSameTermsAsTheWholeText() throws IOException {
        String text = "L'Élection de 2024: les États-Unis' U.S. candidates, Müller's \u201cGroßen\u201d Straßen, "
                + "don't aquí están las elecciones; João e as eleições, 3.5 GPT-4o İstanbul ΑΘΗΝΑ 東京都";
        for (String lang : List.of("en", "es", "pt", "fr", "de", "it", "nl", "und")) {
            List<String> oneByOne = new ArrayList<>();
            StringBuilder words = new StringBuilder();
            for (String token : tokens(text)) {
                // Lower-cased code point by code point, as the filter reads tokens.
                StringBuilder lower = new StringBuilder();
                token.codePoints().forEach(c -> lower.appendCodePoint(Character.toLowerCase(c)));
                oneByOne.addAll(terms(LanguageAnalyzers.forWords(lang), lower.toString()));
                words.append(lower).append(' ');
            }
            assertEquals(terms(lang, text), oneByOne, lang);
            assertEquals(terms(lang, text), terms(LanguageAnalyzers.forWords(lang), words.toString()), lang);
        }
    }

    private static List<String> tokens(String text) throws IOException {
        try (org.apache.lucene.analysis.standard.StandardTokenizer t =
                     new org.apache.lucene.analysis.standard.StandardTokenizer()) {
            t.setReader(new java.io.StringReader(text));
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            t.reset();
            List<String> out = new ArrayList<>();
            while (t.incrementToken()) {
                out.add(term.toString());
            }
            t.end();
            return out;
        }
    }

    private static List<String> terms(String lang, String text) throws IOException {
        return terms(LanguageAnalyzers.forLanguage(lang), text);
    }

    private static List<String> terms(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}
