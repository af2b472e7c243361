package dev.winnow.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A word nobody writes that is a stop word with a letter more is read as that stop word. */
class StopWordFormsTest {
    /** An index in which no article writes any word. */
    private static final StopWordForms NOTHING_WRITTEN =
            new StopWordForms(IndexFields.analyzer(), (field, terms) -> Map.of());

    @Test
    void aStopWordWithALetterMoreIsReadAsThatStopWord() {
        assertEquals("para salud", NOTHING_WRITTEN.meant("es", "paras salud"));
        assertEquals("Über uns", NOTHING_WRITTEN.meant("de", "Übere uns"));
        assertEquals("for What", NOTHING_WRITTEN.meant("en", "for Whats"));
    }

    @Test
    void aWordSomeArticleWritesStaysAsTyped() {
        StopWordForms parasWritten = new StopWordForms(IndexFields.analyzer(),
                (field, terms) -> terms.contains("paras") ? Map.of("paras", 1L) : Map.of());
        assertEquals("paras salud", parasWritten.meant("es", "paras salud"));
    }

    @Test
    void anEndingIsOneLetterNotTwo() {
        // "si" is a Spanish stop word: "sich" in a Spanish reading is not read as it.
        assertEquals("sich", NOTHING_WRITTEN.meant("es", "sich"));
    }

    @Test
    void quotedAndFieldedWordsStayAsTyped() {
        assertEquals("\"paras salud\" title:paras", NOTHING_WRITTEN.meant("es", "\"paras salud\" title:paras"));
    }
}
