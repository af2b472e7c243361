package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.lang.TokenizerOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;

class AlphabetTokensTest {
    /** Every kind of character the splitter knows, letters and digits several times for realistic text. */
    private static final String ALPHABET = "aaaaeeeiioouuuttnnsrhlAEBZzqxÉéñçüßÖøłœĳ0123456789оаеиПЖёїґђαεοΑΘάώϊ"
            + "          .......,,,;;::''’’‘!?\"()-/«»“”„‚–—…€%&@#+*\u00a0\t\n×\u00ad\u2212";

    /** Every character the splitter claims to know, each once. */
    private static final String EVERY_KNOWN = everyKnown();

    @Test
    void splitsLikeLucenesStandardTokenizerOnRandomLatinGreekAndCyrillicText() throws IOException {
        Random random = new Random(20261201);
        for (int round = 0; round < 50_000; round++) {
            char[] text = new char[1 + random.nextInt(40)];
            for (int i = 0; i < text.length; i++) {
                // Mostly realistic text; one character in ten from anywhere in the known alphabet.
                String from = random.nextInt(10) == 0 ? EVERY_KNOWN : ALPHABET;
                text[i] = from.charAt(random.nextInt(from.length()));
            }
            String s = new String(text);
            assertEquals(lucene(s), split(s), () -> "text: [" + s + "]");
        }
    }

    @Test
    void splitsWordsNumbersAbbreviationsAndElisions() throws IOException {
        for (String s : List.of("L'Élection de 2024: U.S. candidates' 3,5 % e.g. rock’n’roll",
                "Preis: 1.299,00 € (inkl. MwSt.) – „Straße“ …", "a1.b 3:45 x,y 4G iPhone-15",
                "Αθήνα: Ο πρωθυπουργός, 3,5 δισ. ευρώ", "Москва, 5 декабря. Президент В.В. Путин заявил: «Мы готовы» — ТАСС", "Київ: 1,5 млн гривень")) {
            assertEquals(lucene(s), split(s), s);
        }
    }

    @Test
    void keepsASoftHyphenInTheWordItBreaksAndPassesOverItBetweenWords() throws IOException {
        for (String s : List.of("Die Bundes\u00adregierung be\u00adschließt", "ab\u00ad cd \u00adef", "a.\u00adb a\u00ad.b",
                "3\u00ad,5 und 1\u00ad2", "ab-\u00adcd \u00ad")) {
            assertEquals(lucene(s), split(s), s);
        }
        assertEquals(List.of("Bundes\u00adregierung@0"), split("Bundes\u00adregierung"));
    }

    @Test
    void leavesOtherScriptsMarksAndUnderscoresToLucene() {
        for (String s : List.of("東京都 is big", "Ελλάδα\u037e", "α\u0387β", "΄Α", "cafe\u0301", "snake_case", "emoji 🙂", "҂5", "и\u0483")) {
            assertFalse(AlphabetTokens.split(s.toCharArray(), s.length(), (t, f, e) -> { }), s);
        }
        assertTrue(AlphabetTokens.split("plain".toCharArray(), 5, (t, f, e) -> { }));
    }

    @Test
    void leavesTokensLongerThanLucenesLimitToIt() {
        String s = "a".repeat(256);
        assertFalse(AlphabetTokens.split(s.toCharArray(), s.length(), (t, f, e) -> { }));
    }

    private static String everyKnown() {
        StringBuilder sb = new StringBuilder();
        for (char c = 0; c < 0x2300; c++) {
            if (AlphabetTokens.split(new char[] {c}, 1, (t, f, e) -> { })) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        assertTrue(AlphabetTokens.split(s.toCharArray(), s.length(),
                (t, from, to) -> out.add(new String(t, from, to - from) + "@" + from)), s);
        return out;
    }

    private static List<String> lucene(String s) throws IOException {
        return TokenizerOutput.of(new StandardTokenizer(), s);
    }
}
