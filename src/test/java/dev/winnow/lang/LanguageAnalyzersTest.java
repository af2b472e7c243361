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

    private static List<String> terms(String lang, String text) throws IOException {
        Analyzer a = LanguageAnalyzers.forLanguage(lang);
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
