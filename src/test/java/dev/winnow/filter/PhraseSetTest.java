package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseSetTest {
    private final PhraseSet set = PhraseSet.of(List.of("sign up", "follow us on", "newsletter"));

    @Test
    void findsWholePhrasesAnywhereInTheLine() {
        assertTrue(set.anyIn("please sign up today".split(" ")));
        assertTrue(set.anyIn("follow us on instagram".split(" ")));
        assertTrue(set.anyIn("our newsletter".split(" ")));
    }

    @Test
    void needsEveryWordOfThePhraseInOrder() {
        assertFalse(set.anyIn("sign the petition".split(" ")));
        assertFalse(set.anyIn("follow us".split(" ")), "the phrase runs past the end of the line");
        assertFalse(set.anyIn("up sign".split(" ")));
        assertFalse(set.anyIn("newsletters".split(" ")), "whole words only");
    }
}
