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
 * but the {@link SignalMeter} that fills it.
 */
final class SignalValues extends AbstractMap<String, Double> {
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < LineSignals.NAMES.size(); i++) {
            INDEX.put(LineSignals.NAMES.get(i), i);
        }
    }

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

    double value(int index) {
        return values[index];
    }

    @Override
    public Double get(Object name) {
        Integer i = INDEX.get(name);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object name) {
        return INDEX.containsKey(name);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(LineSignals.NAMES.get(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
