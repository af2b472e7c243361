package dev.winnow.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinHashTest {
    private static final String STORY = "The regional government approved a housing plan on Tuesday that foresees"
            + " twelve thousand affordable rental flats over the next four years, with an investment of nine"
            + " hundred million euros shared between all the provinces of the region, officials said.";
    private final MinHash minHash = new MinHash(4);

    @Test
    void identicalTextsHaveIdenticalSignatures() {
        assertEquals(1.0, MinHash.similarity(minHash.signature(STORY), minHash.signature(STORY)));
    }

    @Test
    void syndicatedCopyWithSmallEditsStaysSimilarAndSharesABand() {
        String copy = STORY.replace("on Tuesday", "on Tuesday afternoon") + " More soon.";
        int[] a = minHash.signature(STORY);
        int[] b = minHash.signature(copy.toUpperCase());
        assertTrue(MinHash.similarity(a, b) > 0.6, "similarity " + MinHash.similarity(a, b));
        java.util.Set<Long> bandsOfA = java.util.Arrays.stream(MinHash.bandKeys(a)).boxed()
                .collect(java.util.stream.Collectors.toSet());
        assertTrue(java.util.Arrays.stream(MinHash.bandKeys(b)).anyMatch(bandsOfA::contains));
    }

    @Test
    void unrelatedTextsAreDissimilar() {
        String other = "The home side won the league on Sunday after a late goal from the captain sent thousands of"
                + " fans into the streets to celebrate the first title in nineteen years.";
        assertTrue(MinHash.similarity(minHash.signature(STORY), minHash.signature(other)) < 0.2);
    }

    @Test
    void signatureSurvivesEncoding() {
        int[] sig = minHash.signature(STORY);
        byte[] bytes = MinHash.encode(sig);
        assertArrayEquals(sig, MinHash.decode(bytes, 0, bytes.length));
    }

    @Test
    void textWithoutWordsHasNoSignature() {
        assertNull(minHash.signature(" … — "));
    }
}
