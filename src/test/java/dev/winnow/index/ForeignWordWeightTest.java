package dev.winnow.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A word's weight in one language's reading falls only when the word belongs more to the other languages. */
class ForeignWordWeightTest {
    /** 100 English articles, 10 Spanish ones; "the" in 95 English and 2 Spanish, "ciudad" in 1 and 6. */
    private static final Map<String, Long> DOCS = Map.of(
            IndexFields.surfaceTextField("en"), 100L, IndexFields.surfaceTextField("es"), 10L);
    private static final Map<String, Long> FREQS = Map.of(
            IndexFields.surfaceTextField("en") + " the", 95L, IndexFields.surfaceTextField("es") + " the", 2L,
            IndexFields.surfaceTextField("en") + " ciudad", 1L, IndexFields.surfaceTextField("es") + " ciudad", 6L);

    private static final ArticleQueryParser.DocFreqs STATS = new ArticleQueryParser.DocFreqs() {
        @Override
        public Map<String, Long> of(String field, Collection<String> terms) {
            Map<String, Long> out = new LinkedHashMap<>();
            terms.forEach(t -> out.put(t, FREQS.getOrDefault(field + " " + t, 0L)));
            return out;
        }

        @Override
        public long docCount(String field) {
            return DOCS.getOrDefault(field, 0L);
        }
    };

    private static ForeignWords words(List<String> languages) {
        return new ForeignWords(IndexFields.analyzer(), languages, STATS);
    }

    @Test
    void aWordCommonerInTheOtherLanguagesWeighsItsIdfThereOverItsIdfHere() {
        float w = words(List.of("en", "es")).weight("es", "the");
        assertEquals(ForeignWords.idf(95, 100) / ForeignWords.idf(2, 10), w, 1e-6);
        assertTrue(w < 0.1f, "an English stop word barely counts in a Spanish reading: " + w);
    }

    @Test
    void aWordCommonerInItsOwnLanguageKeepsItsWeight() {
        ForeignWords words = words(List.of("en", "es"));
        assertEquals(1f, words.weight("es", "ciudad"));
        assertEquals(1f, words.weight("en", "the"));
    }

    @Test
    void aWordOfAnotherLanguageQuotedInThisOneWeighsLessHere() {
        // "ciudad" in 1 English article of 100 and 6 Spanish ones of 10: a Spanish word in an English text.
        float w = words(List.of("en", "es")).weight("en", "ciudad");
        assertEquals(ForeignWords.idf(6, 10) / ForeignWords.idf(1, 100), w, 1e-6);
    }

    @Test
    void withOneLanguageInScopeNothingIsForeign() {
        assertEquals(1f, words(List.of("es")).weight("es", "the"));
    }

    @Test
    void anIndexThatCannotCountArticlesLeavesEveryWeight() {
        ArticleQueryParser.DocFreqs noCounts = (field, terms) -> STATS.of(field, terms);
        assertEquals(1f, new ForeignWords(IndexFields.analyzer(), List.of("en", "es"), noCounts).weight("es", "the"));
    }
}
