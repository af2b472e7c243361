package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherStoriesTest {
    private final Vocabulary vocabulary = new Vocabulary("en", 64);

    /** Two documents, sealed with uniform IDF (an empty base and no document counted). */
    private OtherStories sealed() {
        OtherStories s = new OtherStories();
        s.add("sport", bag(Map.of("goal", 2, "match", 1, "coach", 1)));
        s.add("weather", bag(Map.of("rain", 1, "storm", 1, "flood", 1)));
        bag(Map.of("election", 1)); // gives "election" an id that no document holds
        vocabulary.seal(CorpusStats.EMPTY, "en");
        s.seal(vocabulary);
        return s;
    }

    /** The bag of these term counts, each term given its id (new terms a new one) in the vocabulary. */
    private TermBag bag(Map<String, Integer> terms) {
        int[] ids = new int[terms.values().stream().mapToInt(Integer::intValue).sum()];
        int n = 0;
        for (Map.Entry<String, Integer> e : terms.entrySet()) {
            int id = vocabulary.id(e.getKey().toCharArray(), e.getKey().length());
            for (int k = 0; k < e.getValue(); k++) {
                ids[n++] = id;
            }
        }
        return TermBag.ofIds(ids, n);
    }

    private TermBag line(String... terms) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String t : terms) {
            counts.merge(t, 1, Integer::sum);
        }
        return bag(counts);
    }

    @Test
    void bestMatchIsTheCosineWithTheClosestArticle() {
        OtherStories s = sealed();

        double best = s.bestMatch(line("goal", "rain"), vocabulary, new BitSet());

        // line (1,1) against sport (1+ln2, 1, 1): (1+ln2) / (√2 × √((1+ln2)² + 2)); weather gives 1/(√2×√3).
        double sport = (1 + Math.log(2)) / (Math.sqrt(2) * Math.sqrt(Math.pow(1 + Math.log(2), 2) + 2));
        assertEquals(sport, best, 1e-6);
        assertTrue(sport > 1 / (Math.sqrt(2) * Math.sqrt(3)));
    }

    @Test
    void skippedArticlesDoNotCount() {
        OtherStories s = sealed();
        BitSet skip = new BitSet();
        s.docsOf("sport").forEach(skip::set);

        assertEquals(1 / (Math.sqrt(2) * Math.sqrt(3)), s.bestMatch(line("goal", "rain"), vocabulary, skip), 1e-6);
    }

    @Test
    void lineSharingNoTermMatchesNothing() {
        OtherStories s = sealed();

        assertEquals(0.0, s.bestMatch(line("election"), vocabulary, new BitSet()));
        assertEquals(0.0, s.bestMatch(TermBag.EMPTY, vocabulary, new BitSet()));
    }

    @Test
    void batchLeavesOutTheAskingArticleAndArticlesHoldingTheSameLine() {
        FilterInput a = Fixtures.article("a", "Storm floods the coast", "en",
                "Heavy rain and a storm flooded the coast overnight.", "Newsletter: sign up today");
        FilterInput b = Fixtures.article("b", "Storm closes schools", "en",
                "The storm closed schools after heavy rain.", "Newsletter: sign up today");
        BatchCorpusStats stats = BatchCorpusStats.of(CorpusStats.EMPTY, List.of(a, b));
        BatchCorpusStats.Analysed analysed = stats.analysed(a);

        assertTrue(stats.closestOtherStory(analysed, 0) > 0, "b is another story on the storm");
        assertEquals(0.0, stats.closestOtherStory(analysed, 1),
                "b holds the same line, so it is not another story the line could come from");
        BatchCorpusStats alone = BatchCorpusStats.of(CorpusStats.EMPTY, List.of(a));
        assertEquals(0.0, alone.closestOtherStory(alone.analysed(a), 0), "no other article");
    }

    @Test
    void holdsABoundedSampleOfALargeBatch() {
        OtherStories s = new OtherStories();
        for (int d = 0; d < OtherStories.MAX_DOCUMENTS + 10; d++) {
            s.add("doc" + d, bag(Map.of("rain", 1, "town" + d, 1)));
        }
        vocabulary.seal(CorpusStats.EMPTY, "en");
        s.seal(vocabulary);

        assertEquals(OtherStories.MAX_DOCUMENTS, s.size());
        assertEquals(List.of(), s.docsOf("doc" + OtherStories.MAX_DOCUMENTS));
        assertTrue(s.bestMatch(line("town7"), vocabulary, new BitSet()) > 0.5, "a rare term finds its article");
        assertEquals(0.0, s.bestMatch(line("town" + OtherStories.MAX_DOCUMENTS), vocabulary, new BitSet()),
                "an article beyond the sample is not compared");
    }
}
