package dev.winnow.filter;

import java.util.Map;

/**
 * The filter's assessment of one line, removed or not: its score, the signals behind it, and what decided.
 *
 * @param index   position of the line in the article's paragraphs
 * @param score   0..1, the combined score (probability-like) that the line is off-topic
 * @param signals every signal value that went into the score, by name ({@link LineSignals})
 * @param reason  the reason code the line is (or would be) removed for: {@code known-title},
 *                {@code related-prefix}, {@code promo}, {@code boilerplate}, {@code language-mismatch},
 *                {@code off-topic}
 * @param removed whether the line goes
 * @param guard   when a line scoring above the threshold is kept, the guard that kept it ({@code title},
 *                {@code structure}, {@code opening}, {@code short-line}, {@code short-article}, {@code long-line},
 *                {@code share-cap}); otherwise null
 */
public record LineVerdict(int index, String text, double score, Map<String, Double> signals, String reason,
                          boolean removed, String guard) {
    public LineVerdict {
        // The filter's own values are read-only already; anything else is copied, in its order.
        signals = signals instanceof SignalValues ? signals
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signals));
    }

    LineVerdict keptBy(String why) {
        return new LineVerdict(index, text, score, signals, reason, false, why);
    }
}
