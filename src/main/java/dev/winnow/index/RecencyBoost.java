package dev.winnow.index;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A multiplier in {@code [1, 1 + weight]} that decays with a story's age: {@code 1 + weight · 2^(-age/halfLife)}.
 * Multiplied into the text score it lets a fresh story win between equally good matches without burying
 * a clearly better old one. Undated articles and future dates get no bonus and the full bonus.
 */
final class RecencyBoost extends DoubleValuesSource {
    private final String field;
    private final long nowMillis;
    private final double halfLifeMillis;
    private final double weight;

    RecencyBoost(String field, long nowMillis, long halfLifeMillis, double weight) {
        this.field = field;
        this.nowMillis = nowMillis;
        this.halfLifeMillis = halfLifeMillis;
        this.weight = weight;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues dates = DocValues.getNumeric(ctx.reader(), field);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (dates.advanceExact(doc)) {
                    long age = Math.max(0, nowMillis - dates.longValue());
                    value = 1 + weight * Math.pow(2, -age / halfLifeMillis);
                } else {
                    value = 1;
                }
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false; // depends on the time of the query
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, nowMillis, halfLifeMillis, weight);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyBoost r && r.field.equals(field) && r.nowMillis == nowMillis
                && r.halfLifeMillis == halfLifeMillis && r.weight == weight;
    }

    @Override
    public String toString() {
        return "recency(" + field + ", halfLife=" + halfLifeMillis + "ms, weight=" + weight + ")";
    }
}
