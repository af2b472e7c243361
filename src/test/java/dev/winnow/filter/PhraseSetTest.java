package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseSetTest {
    private final PhraseSet set = new PhraseSet(List.of(List.of("sign up", "follow us on"), List.of("newsletter")));

    @Test
    void findsWholePhrasesAnywhereInTheLineAndSaysWhichList() {
        assertTrue(set.find("please sign up today").has(0));
        assertFalse(set.find("please sign up today").has(1));
        assertTrue(set.find("follow us on instagram").has(0));
        PhraseSet.Kind both = set.find("sign up for our newsletter");
        assertTrue(both.has(0) && both.has(1));
    }

    @Test
    void needsEveryWordOfThePhraseInOrder() {
        assertFalse(set.find("sign the petition").has(0));
        assertFalse(set.find("follow us").has(0), "the phrase runs past the end of the line");
        assertFalse(set.find("up sign").has(0));
        assertFalse(set.find("newsletters").has(1), "whole words only");
        assertFalse(set.find("").has(0));
    }
}
