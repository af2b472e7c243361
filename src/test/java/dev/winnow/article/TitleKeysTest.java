package dev.winnow.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TitleKeysTest {
    @Test
    void ignoresCaseAccentsPunctuationAndSpacing() {
        assertEquals("americo villarreal destaca reforma historica a la ley del ipsset",
                TitleKeys.of("Américo Villarreal destaca  reforma «histórica» a la Ley del IPSSET…"));
        assertEquals(TitleKeys.of("Read more: “Stocks tumble”"), TitleKeys.of("read MORE -- \"Stocks tumble\""));
    }

    @Test
    void leavesSoftHyphensOutOfTheWordsTheyBreak() {
        assertEquals("die bundesregierung beschließt", TitleKeys.of("Die Bundes\u00adregierung be\u00adschließt"));
        assertEquals("a b", TitleKeys.of("a \u00ad b"));
    }

    @Test
    void keepsDigitsAndNonLatinLetters() {
        assertEquals("covid 19 вакцина", TitleKeys.of("COVID-19: Вакцина!"));
        assertEquals("", TitleKeys.of(null));
        assertEquals("", TitleKeys.of(" — "));
    }

    @Test
    void everyCharacterFoldsAsItsDecompositionSays() {
        for (int cp = 0x80; cp < 0x3100; cp++) {
            if (Character.isSurrogate((char) cp)) {
                continue;
            }
            String c = new String(Character.toChars(cp));
            for (String text : new String[] {c, "ab" + c + "cd", "ab " + c + " cd", c + c + "x", "x-" + c}) {
                assertEquals(reference(text), TitleKeys.of(text), () -> String.format("U+%04X", (int) text.charAt(0)));
            }
        }
        assertEquals(reference("Stra\u00dfe \uD835\uDC00 \u00c6sop"), TitleKeys.of("Stra\u00dfe \uD835\uDC00 \u00c6sop"));
    }

    @Test
    void randomTextOfLettersSeparatorsAndMarksFoldsAsDefined() {
        // Runs of letters, separators and combining marks in every order: where spaces go and where the key
        // ends (a trailing separator, a mark after a separator) are what a one-character test does not reach.
        String alphabet = "aZ09 .,-'\t\u00a0\u00e9\u00c9\u00df\u00e6\u0301\u2019\u00ab\u0416\u3042\uD835\uDC00\u00ad";
        java.util.Random random = new java.util.Random(42);
        for (int k = 0; k < 200_000; k++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                int at = random.nextInt(alphabet.length());
                char c = alphabet.charAt(at);
                if (Character.isHighSurrogate(c)) {
                    text.append(c).append(alphabet.charAt(at + 1));
                } else if (!Character.isLowSurrogate(c)) {
                    text.append(c);
                }
            }
            String t = text.toString();
            assertEquals(reference(t), TitleKeys.of(t), () -> "text [" + t + "]");
        }
    }

    /**
     * The key by its definition, code point by code point: decomposed (below U+3000), marks dropped, letters and
     * digits kept in lower case, one space between the runs.
     */
    private static String reference(String text) {
        StringBuilder key = new StringBuilder();
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            StringBuilder folded = new StringBuilder();
            // From U+3000 on (CJK and beyond) nothing is decomposed: no accents to strip there.
            String decomposed = cp < 0x3000 ? Normalizer.normalize(new String(Character.toChars(cp)),
                    Normalizer.Form.NFD) : new String(Character.toChars(cp));
            decomposed.codePoints()
                    .filter(c -> !isMark(c) && Character.isLetterOrDigit(c))
                    .forEach(c -> folded.appendCodePoint(Character.toLowerCase(c)));
            if (folded.length() > 0) {
                if (pendingSpace) {
                    key.append(' ');
                }
                pendingSpace = false;
                key.append(folded);
            } else if (!isMark(cp) && cp != 0xAD) {
                // A soft hyphen, a hyphenation hint inside a word, is left out as a mark is.
                pendingSpace = key.length() > 0;
            }
        }
        return key.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
