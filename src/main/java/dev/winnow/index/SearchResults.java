package dev.winnow.index;

import java.util.List;
import java.util.Map;

/**
 * The page of hits a search asked for, the total number of matches, and facet counts when requested
 * (dimension → value → count, most frequent first).
 *
 * @param partial true when no article held every word of a plain query, so the hits hold most of them
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets,
                            boolean partial) {
    public SearchResults {
        hits = List.copyOf(hits);
        facets = facets == null ? Map.of() : facets;
    }

    public SearchResults(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {
        this(total, hits, facets, false);
    }

    public SearchResults asPartial() {
        return new SearchResults(total, hits, facets, true);
    }
}
