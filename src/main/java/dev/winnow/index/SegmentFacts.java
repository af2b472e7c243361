package dev.winnow.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
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
 * <p>Holds each field's document frequencies: all of them, read in one pass, when the field has few terms in
 * the segment (every small segment a commit adds: one pass costs less than seeking each asked term in it),
 * else each term's once asked for. And the title keys as 32-bit fingerprints, sorted: a line that is no
 * title's key (nearly every line) is told so by a binary search per segment, without a query. A
 * fingerprint found is only a candidate, which the caller confirms with a query.
 */
final class SegmentFacts {
    /**
     * Segments are forgotten all at once past this many; a bound for leaves without a core cache key only,
     * as the index's segments are forgotten when they close.
     */
    private static final int MAX_SEGMENTS = 1024;
    /**
     * Every segment's cached document frequencies are dropped past this many in all (some tens of MB): each
     * segment is asked the same terms, so the budget is shared, not per segment.
     */
    private static final int MAX_TERMS = 400_000;
    /**
     * A field with at most this many terms in a segment has all of them read at once: the segment a poll's
     * commit adds is that small. Bigger ones are read term by term, so that forgetting the facts (the memory
     * bound) never makes the next batch read large fields whole again.
     */
    private static final int READ_WHOLE_FIELD = 4_096;
    private static final int FINGERPRINT_SEED = 0x5eed;

    private final Map<Object, Segment> segments = new ConcurrentHashMap<>();
    private final AtomicInteger cachedTerms = new AtomicInteger();
    private final int readWholeField;

    SegmentFacts() {
        this(READ_WHOLE_FIELD);
    }

    /** With fields of at most {@code readWholeField} terms in a segment read whole (tests try both ways). */
    SegmentFacts(int readWholeField) {
        this.readWholeField = readWholeField;
    }

    /** One segment's facts; each field's and the title fingerprints are read on first need. */
    private static final class Segment {
        final Map<String, FieldFacts> fields = new ConcurrentHashMap<>();
        volatile int[] titles;

        int cachedTerms() {
            return fields.values().stream().mapToInt(f -> f.docFreqs.size()).sum();
        }
    }

    /**
     * One field's document frequencies in one segment: every term's when {@code whole}, so a term not there
     * is in no document of the segment; else the terms asked so far.
     */
    private record FieldFacts(Map<String, Integer> docFreqs, boolean whole, Terms terms) {
    }

    /** The reader's document frequency of {@code term}, the sum of its segments'. */
    long docFreq(IndexReader reader, Term term) throws IOException {
        return docFreqs(reader, term.field(), List.of(term.text()))[0];
    }

    /**
     * The reader's document frequency of each of {@code terms} in {@code field}, in their order. One terms
     * enumeration per segment serves all of them.
     */
    long[] docFreqs(IndexReader reader, String field, List<String> terms) throws IOException {
        long[] out = new long[terms.size()];
        for (var context : reader.leaves()) {
            FieldFacts f = facts(context.reader(), field);
            TermsEnum te = null;
            for (int i = 0; i < out.length; i++) {
                String term = terms.get(i);
                Integer known = f.docFreqs.get(term);
                if (known != null) {
                    out[i] += known;
                } else if (!f.whole) {
                    if (te == null) {
                        te = f.terms.iterator();
                    }
                    int df = te.seekExact(new BytesRef(term)) ? te.docFreq() : 0;
                    remember(f, term, df);
                    out[i] += df;
                }
            }
        }
        return out;
    }

    private void remember(FieldFacts f, String term, int df) {
        if (cachedTerms.incrementAndGet() > MAX_TERMS) {
            // Approximate under races, which is all a memory bound needs.
            segments.values().forEach(each -> each.fields.clear());
            cachedTerms.set(0);
        }
        f.docFreqs.put(term, df);
    }

    /** The segment's facts of one field; a field with few terms there is read whole. */
    private FieldFacts facts(LeafReader leaf, String field) throws IOException {
        Segment s = segment(leaf);
        FieldFacts f = s.fields.get(field);
        if (f == null) {
            f = readFacts(leaf.terms(field), readWholeField);
            cachedTerms.addAndGet(f.docFreqs.size());
            FieldFacts raced = s.fields.putIfAbsent(field, f);
            f = raced == null ? f : raced;
        }
        return f;
    }

    private static FieldFacts readFacts(Terms terms, int readWholeField) throws IOException {
        if (terms == null) {
            return new FieldFacts(Map.of(), true, null);
        }
        long size = terms.size();
        if (size < 0 || size > readWholeField) {
            return new FieldFacts(new ConcurrentHashMap<>(), false, terms);
        }
        Map<String, Integer> all = new HashMap<>((int) (size * 4 / 3) + 1);
        TermsEnum te = terms.iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            all.put(t.utf8ToString(), te.docFreq());
        }
        return new FieldFacts(all, true, terms);
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
                forgetAll(); // only readers without core cache helpers (none of the index's own) get here
            }
            s = segments.computeIfAbsent(key, k -> new Segment());
            if (helper != null) {
                // A merged-away segment closes once no reader holds it: its facts go with it.
                helper.addClosedListener(this::forget);
            }
        }
        return s;
    }

    private void forget(IndexReader.CacheKey key) {
        Segment s = segments.remove(key);
        if (s != null) {
            cachedTerms.addAndGet(-s.cachedTerms());
        }
    }

    private void forgetAll() {
        segments.clear();
        cachedTerms.set(0);
    }
}
