package dev.winnow.article;

import java.util.Map;
import java.util.Objects;

/**
 * A line taken out of an article, with why: the stage that removed it ({@code extract} for structural
 * junk, {@code filter} for off-topic lines), a short reason code, the score that decided it and the
 * individual signals behind that score, so every removal can be explained later.
 *
 * @param index position of the line in the body it was removed from, or -1 when not applicable
 */
public record Removal(String text, String stage, String reason, double score, Map<String, Double> signals, int index) {
    public Removal {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        signals = signals == null ? Map.of() : Map.copyOf(signals);
    }

    public static Removal of(String text, String stage, String reason, double score) {
        return new Removal(text, stage, reason, score, Map.of(), -1);
    }
}
