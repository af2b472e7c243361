package dev.winnow.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Counts the values of single-valued keyword fields over all matching documents, per segment by
 * ordinal (no string work per document), then merges the segments' counts by value.
 */
final class FacetCounts {
    private FacetCounts() {
    }

    /** Value → count for one field, most frequent first (ties by value), at most {@code top} values. */
    static Map<String, Long> count(List<FacetsCollector.MatchingDocs> matches, String field, int top)
            throws IOException {
        Map<String, Long> totals = new HashMap<>();
        for (FacetsCollector.MatchingDocs m : matches) {
            if (m.totalHits == 0 || m.bits == null) {
                continue;
            }
            SortedDocValues values = DocValues.getSorted(m.context.reader(), field);
            int[] perOrd = new int[values.getValueCount()];
            DocIdSetIterator docs = m.bits.iterator();
            if (docs == null || perOrd.length == 0) {
                continue;
            }
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (values.advanceExact(doc)) {
                    perOrd[values.ordValue()]++;
                }
            }
            for (int ord = 0; ord < perOrd.length; ord++) {
                if (perOrd[ord] > 0) {
                    totals.merge(values.lookupOrd(ord).utf8ToString(), (long) perOrd[ord], Long::sum);
                }
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
