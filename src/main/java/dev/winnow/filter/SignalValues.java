package dev.winnow.filter;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A line's signal values by name ({@link LineSignals#NAMES}, in that order), backed by an array: the
 * filter builds one per line, so it costs no more than the numbers themselves. Read-only to everyone
 * but the filter that fills it. A signal set to {@link #NOT_MEASURED} is left out of the map: it was not
 * needed for the line, and an explanation shows only what was measured.
 */
final class SignalValues extends AbstractMap<String, Double> {
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < LineSignals.NAMES.size(); i++) {
            INDEX.put(LineSignals.NAMES.get(i), i);
        }
    }

    /** The value of a signal that was not measured. */
    static final double NOT_MEASURED = Double.NaN;

    private final double[] values = new double[LineSignals.NAMES.size()];

    /** The position of a signal in {@link LineSignals#NAMES}. */
    static int indexOf(String name) {
        Integer i = INDEX.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no signal named " + name);
        }
        return i;
    }

    /** Sets a signal while the line is being measured. */
    void set(String name, double value) {
        values[indexOf(name)] = value;
    }

    /** Sets the signal at {@link #indexOf position} {@code index}: for the meter, which sets every signal of every line. */
    void set(int index, double value) {
        values[index] = value;
    }

    double value(int index) {
        return values[index];
    }

    @Override
    public Double get(Object name) {
        Integer i = INDEX.get(name);
        return i == null || Double.isNaN(values[i]) ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public int size() {
        int n = 0;
        for (double v : values) {
            n += Double.isNaN(v) ? 0 : 1;
        }
        return n;
    }

    /** The first measured signal at or after {@code i}, or the number of signals. */
    private int measuredFrom(int i) {
        while (i < values.length && Double.isNaN(values[i])) {
            i++;
        }
        return i;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next = measuredFrom(0);

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next;
                        next = measuredFrom(i + 1);
                        return new SimpleImmutableEntry<>(LineSignals.NAMES.get(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return SignalValues.this.size();
            }
        };
    }
}
