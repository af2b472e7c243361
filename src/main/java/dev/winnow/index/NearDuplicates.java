package dev.winnow.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Decides, at index time, which story cluster an article belongs to: the cluster of the most similar
 * recent article whose estimated overlap reaches the threshold, or a new cluster of its own.
 *
 * <p>Syndicated copies of a story appear within hours or days of each other, so signatures are compared
 * against the last {@code capacity} articles indexed, held in memory in a ring with a band-key table
 * (locality-sensitive hashing): the cost per article stays constant and never touches the disk, whatever
 * the size of the index. At start-up the ring is filled with the newest stored articles.
 */
public final class NearDuplicates {
    private final double threshold;
    private final int capacity;
    private final int[][] signatures;
    private final String[] clusters;
    private final long[][] bands;
    /** Band key → ring slots holding it. */
    private final BandTable slotsByBand;
    private int next;

    public NearDuplicates(double threshold, int capacity) {
        this.threshold = threshold;
        this.capacity = Math.max(1, capacity);
        this.signatures = new int[this.capacity][];
        this.clusters = new String[this.capacity];
        this.bands = new long[this.capacity][];
        this.slotsByBand = new BandTable((long) this.capacity * MinHash.BANDS);
    }

    /** A cluster id of an article with no near-duplicate: derived from its URL, stable across updates. */
    public static String ownCluster(String url) {
        return Long.toString(url.hashCode() & 0xffffffffL, 36) + Integer.toString(url.length(), 36);
    }

    /** Finds the article's cluster and remembers its signature for the articles that follow. */
    public synchronized String assign(String url, int[] signature) {
        if (signature == null) {
            return ownCluster(url);
        }
        long[] keys = MinHash.bandKeys(signature);
        String best = null;
        double bestSim = threshold;
        for (long key : keys) {
            int[] slots = slotsByBand.get(key);
            if (slots == null) {
                continue;
            }
            for (int slot : slots) {
                double sim = MinHash.similarity(signature, signatures[slot]);
                if (sim >= bestSim) {
                    best = clusters[slot];
                    bestSim = sim;
                }
            }
        }
        String cluster = best != null ? best : ownCluster(url);
        remember(signature, keys, cluster);
        return cluster;
    }

    /** Fills the ring with the newest articles of an index (by date), oldest of them first. */
    synchronized void load(IndexSearcher searcher) throws IOException {
        record Stored(long date, int[] signature, String cluster) {
        }
        PriorityQueue<Stored> newest = new PriorityQueue<>(Comparator.comparingLong(Stored::date));
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BinaryDocValues sigs = DocValues.getBinary(leaf.reader(), IndexFields.MINHASH);
            SortedDocValues clusterValues = DocValues.getSorted(leaf.reader(), IndexFields.CLUSTER);
            NumericDocValues dates = DocValues.getNumeric(leaf.reader(), IndexFields.PUBLISHED);
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = sigs.nextDoc(); doc != BinaryDocValues.NO_MORE_DOCS; doc = sigs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                long date = dates.advanceExact(doc) ? dates.longValue() : Long.MIN_VALUE;
                if (newest.size() == capacity && newest.peek().date() >= date) {
                    continue;
                }
                BytesRef b = sigs.binaryValue();
                int[] sig = MinHash.decode(b.bytes, b.offset, b.length);
                if (sig == null || !clusterValues.advanceExact(doc)) {
                    continue;
                }
                newest.add(new Stored(date, sig, clusterValues.lookupOrd(clusterValues.ordValue()).utf8ToString()));
                if (newest.size() > capacity) {
                    newest.poll();
                }
            }
        }
        while (!newest.isEmpty()) {
            Stored s = newest.poll();
            remember(s.signature(), MinHash.bandKeys(s.signature()), s.cluster());
        }
    }

    /**
     * Remembers an article stored elsewhere (a shared index), so the articles that follow can join its
     * cluster; called oldest first, like {@link #load}.
     */
    public synchronized void remember(int[] signature, String cluster) {
        remember(signature, MinHash.bandKeys(signature), cluster);
    }

    private void remember(int[] signature, long[] keys, String cluster) {
        int slot = next;
        next = (next + 1) % capacity;
        if (bands[slot] != null) {
            for (long key : bands[slot]) {
                removeSlot(key, slot);
            }
        }
        signatures[slot] = signature;
        clusters[slot] = cluster;
        bands[slot] = keys;
        for (long key : keys) {
            int[] slots = slotsByBand.get(key);
            if (slots == null) {
                slotsByBand.put(key, new int[] {slot});
            } else if (indexOf(slots, slot) < 0) {
                int[] grown = Arrays.copyOf(slots, slots.length + 1);
                grown[slots.length] = slot;
                slotsByBand.put(key, grown);
            }
        }
    }

    private void removeSlot(long key, int slot) {
        int[] slots = slotsByBand.get(key);
        if (slots == null) {
            return;
        }
        int at = indexOf(slots, slot);
        if (at < 0) {
            return;
        }
        if (slots.length == 1) {
            slotsByBand.remove(key);
            return;
        }
        int[] kept = new int[slots.length - 1];
        System.arraycopy(slots, 0, kept, 0, at);
        System.arraycopy(slots, at + 1, kept, at, kept.length - at);
        slotsByBand.put(key, kept);
    }

    private static int indexOf(int[] slots, int slot) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == slot) {
                return i;
            }
        }
        return -1;
    }

    /** For tests: how many signatures are held. */
    synchronized int size() {
        return (int) Arrays.stream(signatures).filter(s -> s != null).count();
    }
}
