package dev.winnow.index;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One search.
 *
 * @param query    Lucene query syntax over title and clean text
 * @param lang     restrict to a language, or null
 * @param feed     restrict to a feed URL, or null
 * @param since    earliest publication time (inclusive), or null
 * @param until    latest publication time (exclusive), or null
 * @param facets   facet dimensions to count ({@code feed}, {@code lang}, {@code site}, {@code day})
 * @param allCopies show every near-duplicate copy instead of one per cluster
 */
public record SearchRequest(String query, int limit, int offset, String lang, String feed, Instant since,
                            Instant until, Sort sort, List<String> facets, boolean allCopies) {
    /** The facet dimensions a search can count. */
    public static final Set<String> FACETS = Set.of("feed", "lang", "site", "day");

    /** Result order. */
    public enum Sort { RELEVANCE, DATE }

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        sort = sort == null ? Sort.RELEVANCE : sort;
        facets = facets == null ? List.of() : List.copyOf(facets);
    }

    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, limit, 0, null, null, null, null, Sort.RELEVANCE, List.of(), false);
    }
}
