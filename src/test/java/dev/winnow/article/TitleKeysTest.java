package dev.winnow.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TitleKeysTest {
    @Test
    void ignoresCaseAccentsPunctuationAndSpacing() {
        assertEquals("americo villarreal destaca reforma historica a la ley del ipsset",
                TitleKeys.of("Américo Villarreal destaca  reforma «histórica» a la Ley del IPSSET…"));
        assertEquals(TitleKeys.of("Read more: “Stocks tumble”"), TitleKeys.of("read MORE -- \"Stocks tumble\""));
    }

    @Test
    void keepsDigitsAndNonLatinLetters() {
        assertEquals("covid 19 вакцина", TitleKeys.of("COVID-19: Вакцина!"));
        assertEquals("", TitleKeys.of(null));
        assertEquals("", TitleKeys.of(" — "));
    }
}
