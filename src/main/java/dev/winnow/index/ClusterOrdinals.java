package dev.winnow.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The near-duplicate cluster ids of one index reader as reader-wide ordinals, with the number of live
 * documents in each cluster. Built once per reader (a search used to look up and decompress the id of
 * every match, and seek every hit's id in every segment, on each query) and dropped when the reader
 * closes; a new reader gets its own.
 */
final class ClusterOrdinals {
    /** Marks a document without a cluster id. */
    static final long NONE = -1;

    private static final Map<IndexReader.CacheKey, ClusterOrdinals> CACHE = new ConcurrentHashMap<>();

    private final List<LeafReaderContext> leaves;
    private final OrdinalMap map;
    private final int[] liveDocs;

    private ClusterOrdinals(IndexReader reader) throws IOException {
        this.leaves = reader.leaves();
        SortedDocValues[] values = new SortedDocValues[leaves.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = DocValues.getSorted(leaves.get(i).reader(), IndexFields.CLUSTER);
        }
        this.map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
        this.liveDocs = countLiveDocs();
    }

    /** The ordinals of {@code reader}, built on first use and kept until the reader closes. */
    static ClusterOrdinals of(IndexReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return new ClusterOrdinals(reader); // a reader that cannot say when it closes is not cached
        }
        ClusterOrdinals cached = CACHE.get(helper.getKey());
        if (cached == null) {
            cached = new ClusterOrdinals(reader);
            if (CACHE.putIfAbsent(helper.getKey(), cached) == null) {
                helper.addClosedListener(CACHE::remove);
            }
        }
        return cached;
    }

    /** How many readers' ordinals are held (for tests). */
    static int cached() {
        return CACHE.size();
    }

    private int[] countLiveDocs() throws IOException {
        int[] counts = new int[Math.toIntExact(map.getValueCount())];
        for (int i = 0; i < leaves.size(); i++) {
            Bits live = leaves.get(i).reader().getLiveDocs();
            SortedDocValues values = DocValues.getSorted(leaves.get(i).reader(), IndexFields.CLUSTER);
            LongValues global = map.getGlobalOrds(i);
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    counts[(int) global.get(values.ordValue())]++;
                }
            }
        }
        return counts;
    }

    /** The number of distinct cluster ids. */
    long valueCount() {
        return map.getValueCount();
    }

    /** The reader-wide ordinal of a leaf's own ordinal. */
    long globalOrd(int leaf, int segmentOrd) {
        return map.getGlobalOrds(leaf).get(segmentOrd);
    }

    /** The reader-wide cluster ordinal of a top-level doc id, or {@link #NONE}. */
    long ordOf(int doc) throws IOException {
        int leaf = ReaderUtil.subIndex(doc, leaves);
        LeafReaderContext ctx = leaves.get(leaf);
        SortedDocValues values = DocValues.getSorted(ctx.reader(), IndexFields.CLUSTER);
        return values.advanceExact(doc - ctx.docBase) ? globalOrd(leaf, values.ordValue()) : NONE;
    }

    /** How many live documents hold the cluster id of a reader-wide ordinal. */
    int liveDocs(long globalOrd) {
        return liveDocs[(int) globalOrd];
    }
}
