package dev.winnow.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceTokenizerTest {
    @Test
    void splitsAtSpacesOnlyWithEachWordsOffsets() throws IOException {
        assertEquals(List.of("l'élection@0", "u.s.@12", "3,5\u00a0%@17", "東京都@23"),
                tokens("l'élection  u.s. 3,5\u00a0% 東京都 "));
    }

    @Test
    void readsInputLongerThanItsFirstBuffer() throws IOException {
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add("word" + i + "@" + text.length());
            text.append("word").append(i).append(' ');
        }
        assertEquals(expected, tokens(text.toString()));
    }

    @Test
    void givesNothingForBlankInput() throws IOException {
        assertEquals(List.of(), tokens("   "));
    }

    private static List<String> tokens(String text) throws IOException {
        return TokenizerOutput.of(new SpaceTokenizer.Factory(new java.util.HashMap<>(Map.of())).create(), text);
    }
}
