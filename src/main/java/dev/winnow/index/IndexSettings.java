package dev.winnow.index;

import dev.winnow.config.Config;
import dev.winnow.config.ConfigException;
import java.time.Duration;
import java.util.Locale;

/**
 * Tuning of the embedded index: writer memory, ranking weights, snippet length and near-duplicate
 * detection. Read from the {@code index.*} keys of the configuration.
 *
 * @param ramBufferBytes         memory buffered by the writer before a segment is flushed
 * @param titleBoost             weight of a title match relative to a body match
 * @param recencyHalfLife        age at which a story keeps half of the recency bonus
 * @param recencyWeight          the recency bonus of a brand-new story, in score points (0 = off)
 * @param snippetLength          target snippet length in characters
 * @param defaultAnd             whether query words without an operator must all match
 * @param nearDuplicateThreshold estimated Jaccard overlap from which two texts are the same story
 * @param shingleWords           words per shingle in near-duplicate signatures
 * @param facetValues            values listed per facet dimension
 * @param nearDuplicateWindow    how many of the latest articles a new one is compared with for near-duplicates
 */
public record IndexSettings(long ramBufferBytes, double titleBoost, Duration recencyHalfLife, double recencyWeight,
                            int snippetLength, boolean defaultAnd, double nearDuplicateThreshold, int shingleWords,
                            int facetValues, int nearDuplicateWindow) {

    public static IndexSettings from(Config c) {
        Duration halfLife = c.duration("index.recency-half-life");
        if (halfLife.isZero()) {
            throw new ConfigException("config key 'index.recency-half-life': expected a positive duration, got 0");
        }
        String op = c.string("index.default-operator").toUpperCase(Locale.ROOT);
        if (!op.equals("AND") && !op.equals("OR")) {
            throw new ConfigException("config key 'index.default-operator': expected AND or OR, got '" + op + "'");
        }
        long ram = c.bytes("index.ram-buffer");
        if (ram < 1024 * 1024) {
            throw new ConfigException("config key 'index.ram-buffer': expected at least 1mb, got '"
                    + c.string("index.ram-buffer") + "'");
        }
        return new IndexSettings(
                ram,
                c.decimal("index.title-boost", 0.0, 100.0),
                halfLife,
                c.decimal("index.recency-weight", 0.0, 100.0),
                c.integer("index.snippet-length", 40, 5000),
                op.equals("AND"),
                c.decimal("index.near-duplicate-threshold", 0.0, 1.0),
                c.integer("index.shingle-words", 1, 12),
                c.integer("index.facet-values", 1, 10_000),
                c.integer("index.near-duplicate-window", 1, 10_000_000));
    }

    public static IndexSettings defaults() {
        return from(Config.defaults());
    }
}
