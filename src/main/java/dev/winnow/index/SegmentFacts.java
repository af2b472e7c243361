package dev.winnow.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * What the off-topic filter asks of one index segment, kept while the segment lives: a segment's postings
 * never change (deletions do not change a term's document frequency), so its answers stay right across
 * commits. A commit adds a small segment, and only that one has to be read again — where a cache of the
 * whole reader's answers starts empty at every commit, and the daemon commits after every poll.
 *
 * <p>Holds each term's document frequency once asked for, and the title keys as 32-bit fingerprints, sorted:
 * a line that is no title's key (nearly every line) is told so by a binary search per segment, without a
 * query. A fingerprint found is only a candidate, which the caller confirms with a query.
 */
final class SegmentFacts {
    /** Segments are forgotten all at once past this many (merged-away ones leave their entries behind). */
    private static final int MAX_SEGMENTS = 256;
    /**
     * Every segment's cached document frequencies are dropped past this many in all (about 40 MB): each
     * segment is asked the same terms, so the budget is shared, not per segment.
     */
    private static final int MAX_TERMS = 400_000;
    private static final int FINGERPRINT_SEED = 0x5eed;

    private final Map<Object, Segment> segments = new ConcurrentHashMap<>();
    private final AtomicInteger cachedTerms = new AtomicInteger();

    /** One segment's facts; the title fingerprints are read on first need. */
    private static final class Segment {
        final Map<String, Integer> docFreqs = new ConcurrentHashMap<>();
        volatile int[] titles;
    }

    /**
     * The reader's document frequency of {@code term}, the sum of its segments'; {@code key} names the term
     * (field and text) in the caches.
     */
    long docFreq(IndexReader reader, Term term, String key) throws IOException {
        long sum = 0;
        for (var leaf : reader.leaves()) {
            sum += docFreq(leaf.reader(), term, key);
        }
        return sum;
    }

    /**
     * Adds to {@code out[i]} the reader's document frequency of {@code terms[i]} in {@code field}, for each
     * {@code i} of {@code which}; {@code keys[i]} names the term in the caches. One terms enumeration per
     * segment serves all of them.
     */
    void docFreqs(IndexReader reader, String field, List<String> terms, String[] keys, int[] which, long[] out)
            throws IOException {
        if (which.length == 0) {
            return;
        }
        for (var context : reader.leaves()) {
            LeafReader leaf = context.reader();
            Segment s = segment(leaf);
            Terms fieldTerms = leaf.terms(field);
            TermsEnum te = fieldTerms == null ? null : fieldTerms.iterator();
            for (int i : which) {
                Integer known = s.docFreqs.get(keys[i]);
                int df;
                if (known != null) {
                    df = known;
                } else {
                    df = te != null && te.seekExact(new BytesRef(terms.get(i))) ? te.docFreq() : 0;
                    remember(s, keys[i], df);
                }
                out[i] += df;
            }
        }
    }

    private void remember(Segment s, String key, int df) {
        if (cachedTerms.incrementAndGet() > MAX_TERMS) {
            // Approximate under races, which is all a memory bound needs.
            segments.values().forEach(each -> each.docFreqs.clear());
            cachedTerms.set(0);
        }
        s.docFreqs.put(key, df);
    }

    private int docFreq(LeafReader leaf, Term term, String key) throws IOException {
        Segment s = segment(leaf);
        Integer known = s.docFreqs.get(key);
        if (known != null) {
            return known;
        }
        int df = leaf.docFreq(term);
        remember(s, key, df);
        return df;
    }

    /** Whether a segment of the reader may hold a document with this title key (confirm with a query). */
    boolean mayHoldTitle(IndexReader reader, String titleKey) throws IOException {
        int fp = fingerprint(new BytesRef(titleKey));
        for (var leaf : reader.leaves()) {
            if (Arrays.binarySearch(titles(leaf.reader()), fp) >= 0) {
                return true;
            }
        }
        return false;
    }

    private int[] titles(LeafReader leaf) throws IOException {
        Segment s = segment(leaf);
        int[] titles = s.titles;
        if (titles == null) {
            titles = readTitles(leaf);
            s.titles = titles; // a benign race: every thread reads the same array from the same segment
        }
        return titles;
    }

    private static int[] readTitles(LeafReader leaf) throws IOException {
        Terms terms = leaf.terms(IndexFields.TITLE_KEY);
        if (terms == null) {
            return new int[0];
        }
        int[] out = new int[16];
        int n = 0;
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = fingerprint(t);
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    private static int fingerprint(BytesRef bytes) {
        return StringHelper.murmurhash3_x86_32(bytes, FINGERPRINT_SEED);
    }

    private Segment segment(LeafReader leaf) {
        IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
        Object key = helper == null ? leaf : helper.getKey();
        Segment s = segments.get(key);
        if (s == null) {
            if (segments.size() >= MAX_SEGMENTS) {
                segments.clear();
                cachedTerms.set(0);
            }
            s = segments.computeIfAbsent(key, k -> new Segment());
        }
        return s;
    }
}
