package dev.winnow.index;

import java.util.List;
import java.util.Map;

/**
 * The page of hits a search asked for, the total number of matches, and facet counts when requested
 * (dimension → value → count, most frequent first).
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {
    public SearchResults {
        hits = List.copyOf(hits);
        facets = facets == null ? Map.of() : facets;
    }
}
