package dev.winnow.index;

import java.util.ArrayList;
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

    /** These results as hits of a query no article matched in full: every hit partial. */
    public SearchResults asPartial() {
        return new SearchResults(total, hits.stream().map(SearchHit::asPartial).toList(), facets, true);
    }

    /**
     * The full matches followed by the near misses that complete the page, each marked partial; the
     * total counts both, the facets are the full matches'.
     */
    public SearchResults followedBy(SearchResults nearMisses) {
        List<SearchHit> all = new ArrayList<>(hits);
        nearMisses.hits().forEach(h -> all.add(h.asPartial()));
        return new SearchResults(total + nearMisses.total(), all, facets, partial);
    }
}
