package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineScorerTest {
    private static Map<String, Double> line(int words, boolean noStop) {
        Map<String, Double> s = new HashMap<>();
        LineSignals.NAMES.forEach(n -> s.put(n, 0.0));
        s.put(LineSignals.LENGTH, Math.log1p(words));
        s.put(LineSignals.NO_STOP, noStop ? 1.0 : 0.0);
        return s;
    }

    @Test
    void aShortLineWithoutFinalStopScoresWithTheHeadlineWeights() {
        Map<String, Double> t = OffTopicFilter.modelTermValues(line(12, true));
        assertEquals(1.0, t.get(LineSignals.NO_STOP));
        assertEquals(Math.log1p(12), t.get("length-by-no-stop"), 1e-12);
    }

    @Test
    void aLongLineWithoutFinalStopScoresAsASentenceNotAHeadline() {
        Map<String, Double> unfinished = OffTopicFilter.modelTermValues(line(40, true));
        assertEquals(OffTopicFilter.modelTermValues(line(40, false)), unfinished);
        assertEquals(0.0, unfinished.get(LineSignals.NO_STOP));
    }
}
