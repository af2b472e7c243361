package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.winnow.lang.LanguageAnalyzers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class TermCounterTest {
    private static final Map<String, List<String>> TEXTS = Map.of(
            "de", List.of("Die Bundesregierung beschließt das Gesetz: „Wir schaffen Klarheit“, sagte Müller.",
                    "Der Bundestag stimmte am 3. März 2024 über 1.250 Änderungen ab – so viele wie nie.",
                    "Die Straße war ge\u00adsperrt; Zürich und Köln meldeten Staus."),
            "es", List.of("El Gobierno aprobó la reforma de las pensiones, según informó el ministro.",
                    "La empresa OpenAI compró capacidad de cómputo a Cerebras por 10.000 millones."),
            "en", List.of("The company's shares rose 3.5% after the U.S. regulator's decision on Tuesday.",
                    "Москва и Киев обменялись пленными, сообщил Reuters."),
            "und", List.of("東京都は新しい計画を発表した。", "Αθήνα: νέα μέτρα για την ενέργεια"));

    @Test
    void readingABatchGivesEachTextTheTermsOfItsLanguagesWholeChain() throws IOException {
        for (Map.Entry<String, List<String>> e : TEXTS.entrySet()) {
            String lang = e.getKey();
            Vocabulary vocabulary = new Vocabulary(lang, 64);
            List<TermCounter.Tokens> read = new ArrayList<>();
            for (String text : e.getValue()) {
                read.add(TermCounter.read(text, vocabulary));
            }
            vocabulary.analyseNewWords();
            for (int i = 0; i < read.size(); i++) {
                TermBag bag = read.get(i).analysis(vocabulary).terms();
                Map<String, Integer> counted = new TreeMap<>();
                for (int k = 0; k < bag.size(); k++) {
                    counted.put(vocabulary.term(bag.ids[k]), bag.counts[k]);
                }
                assertEquals(chainTerms(lang, e.getValue().get(i)), counted, e.getValue().get(i));
            }
        }
    }

    @Test
    void randomLatinTextGetsTheSameTermsAsTheChainInEveryLanguage() throws IOException {
        // Accented and capital letters, letters folded into two ("ß", "Æ"), small capitals folded into
        // capitals ("ʀ"), apostrophes before an accented letter ("ç'a", "Ĺ'É") and Greek for the Lucene path.
        String[] pieces = {"a", "e", "l", "d", "c", "s", "t", "qu", "É", "é", "ç", "Ç", "ß", "Æ", "ø", "ĺ", "ʀ",
            "ǅ", "İ", "ı", "ü", "ñ", "ã", "ões", "'", "’", "-", ".", "3", " ", " ", " ", "α", "\u00ad"};
        java.util.Random random = new java.util.Random(42);
        for (String lang : List.of("en", "es", "pt", "fr", "it", "de", "nl", "und")) {
            for (int t = 0; t < 200; t++) {
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < 40; k++) {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
                Vocabulary vocabulary = new Vocabulary(lang, 64);
                TermCounter.Tokens read = TermCounter.read(text.toString(), vocabulary);
                vocabulary.analyseNewWords();
                TermBag bag = read.analysis(vocabulary).terms();
                Map<String, Integer> counted = new TreeMap<>();
                for (int k = 0; k < bag.size(); k++) {
                    counted.put(vocabulary.term(bag.ids[k]), bag.counts[k]);
                }
                assertEquals(chainTerms(lang, text.toString()), counted, lang + ": " + text);
            }
        }
    }

    @Test
    void aWordHyphenatedWithSoftHyphensIsTheSameWordAndTerm() {
        assertReadAlike("Die Bundes\u00adregierung tagt", "Die Bundesregierung tagt");
    }

    @Test
    void aDecomposedWordIsTheSameWordAndTermAsTheComposedOne() {
        assertReadAlike("Die Bru\u0308cke fu\u0308r Zu\u0308rich", "Die Br\u00fccke f\u00fcr Z\u00fcrich");
    }

    /** Both texts read into the same words, terms and names. */
    private static void assertReadAlike(String written, String plain) {
        Vocabulary vocabulary = new Vocabulary("de", 64);
        TermCounter.Tokens a = TermCounter.read(written, vocabulary);
        TermCounter.Tokens b = TermCounter.read(plain, vocabulary);
        vocabulary.analyseNewWords();
        LineAnalysis x = a.analysis(vocabulary);
        LineAnalysis y = b.analysis(vocabulary);
        assertEquals(java.util.Arrays.toString(y.words()), java.util.Arrays.toString(x.words()), written);
        assertEquals(java.util.Arrays.toString(y.terms().ids), java.util.Arrays.toString(x.terms().ids), written);
        assertEquals(java.util.Arrays.toString(y.names()), java.util.Arrays.toString(x.names()), written);
    }

    @Test
    void namesAreCapitalisedWordsAfterTheFirstWithTheirPositions() {
        Vocabulary vocabulary = new Vocabulary("es", 64);
        TermCounter.Tokens tokens =
                TermCounter.read("El ministro Carlos Cuerpo habló con 2 técnicos de Cuerpo.", vocabulary);
        vocabulary.analyseNewWords();
        LineAnalysis line = tokens.analysis(vocabulary);

        assertEquals(2, line.names().length, "Carlos and Cuerpo, each once; El opens the line and is too short");
        assertEquals(List.of(2, 3), List.of(line.namePositions()[0], line.namePositions()[1]),
                "the number is a term but no word, so it moves no position");
    }

    /** Every term of the language's Lucene chain over the whole text, one-character terms left out. */
    private static Map<String, Integer> chainTerms(String lang, String text) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        try (TokenStream ts = LanguageAnalyzers.forLanguage(lang).tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 1) {
                    out.merge(term.toString(), 1, Integer::sum);
                }
            }
            ts.end();
        }
        return out;
    }
}
