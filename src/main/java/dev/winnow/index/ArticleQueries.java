package dev.winnow.index;

import dev.winnow.lang.LanguageAnalyzers;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Reads a search's query into a Lucene {@link Query} by {@link ArticleQueryParser}'s rules: what every
 * index backend runs, so that one query means the same on each. The embedded index runs the query
 * itself; the Solr backend translates it, terms already analysed.
 */
public final class ArticleQueries {
    private final ArticleQueryParser parser;
    private final boolean defaultAnd;

    /**
     * @param languages the languages whose fields the query searches
     * @param docFreqs  the index's term statistics, or null when it is empty
     */
    public ArticleQueries(Analyzer analyzer, Collection<String> languages, IndexSettings settings,
                          ArticleQueryParser.DocFreqs docFreqs) {
        this.parser = new ArticleQueryParser(analyzer, languages, (float) settings.titleBoost(), settings.defaultAnd(),
                docFreqs);
        this.defaultAnd = settings.defaultAnd();
    }

    /** Rejects what no backend can run: negative paging, unknown facet dimensions. */
    public static void validate(SearchRequest r) {
        if (r.limit() < 0 || r.offset() < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative");
        }
        for (String f : r.facets()) {
            if (!SearchRequest.FACETS.contains(f)) {
                throw new IllegalArgumentException("unknown facet '" + f + "': use feed, lang, site or day");
            }
        }
    }

    /** The query as written; a malformed one throws {@link QuerySyntaxException}. */
    public Query parse(String query) {
        String q = LanguageAnalyzers.nfc(query.strip());
        if (q.isEmpty() || q.equals("*") || q.equals("*:*")) {
            return new MatchAllDocsQuery();
        }
        try {
            return parser.parse(q);
        } catch (ParseException e) {
            throw QuerySyntax.error(q, e);
        } catch (IndexSearcher.TooManyClauses e) {
            return parser.parseText(q);
        }
    }

    /** The query with at least half of its plain words required, or null when it is not plain words. */
    public Query parseRelaxed(String query) {
        String q = LanguageAnalyzers.nfc(query.strip());
        if (q.isEmpty() || !defaultAnd) {
            return null;
        }
        try {
            return parser.parseRelaxed(q);
        } catch (ParseException e) {
            return null; // the strict reading of the same query parsed
        }
    }

    /**
     * The articles that fill a page the full matches leave short: those holding all but one of the
     * query's plain words (of more than two) and not matching {@code full}, the query's strict reading.
     * Null when the query is not plain words or no such reading differs from the strict one.
     */
    public Query parseNearMisses(String query, Query full) {
        String q = LanguageAnalyzers.nfc(query.strip());
        if (q.isEmpty() || !defaultAnd) {
            return null;
        }
        Query allButOne;
        try {
            allButOne = parser.parseAllButOne(q);
        } catch (ParseException e) {
            return null;
        }
        if (allButOne == null || allButOne.equals(full)) {
            return null;
        }
        return new BooleanQuery.Builder()
                .add(allButOne, BooleanClause.Occur.MUST)
                .add(full, BooleanClause.Occur.MUST_NOT)
                .build();
    }

    /**
     * The request for the near misses that complete {@code r}'s page after {@code fullMatches} full
     * matches, or null when the full matches fill the page.
     */
    private static SearchRequest nearMissRequest(SearchRequest r, long fullMatches) {
        long end = (long) r.offset() + r.limit();
        if (r.limit() == 0 || end <= fullMatches) {
            return null;
        }
        int offset = (int) Math.max(0, r.offset() - fullMatches);
        int limit = (int) (end - Math.max(r.offset(), fullMatches));
        return new SearchRequest(r.query(), limit, offset, r.lang(), r.feed(), r.since(), r.until(), r.sort(),
                List.of(), r.allCopies());
    }

    /** Runs one reading of a request on an index backend. */
    @FunctionalInterface
    public interface Run {
        SearchResults run(SearchRequest r, Query reading) throws IOException;
    }

    /**
     * The full matches of {@code full}, followed on a page they leave short by the near misses
     * ({@link #parseNearMisses}), each marked partial: a word in a form no article holds should not hide
     * the article that holds the rest.
     */
    public SearchResults withNearMisses(SearchRequest r, Query full, SearchResults strict, Run run)
            throws IOException {
        SearchRequest rest = nearMissRequest(r, strict.total());
        Query nearMisses = rest == null ? null : parseNearMisses(r.query(), full);
        return nearMisses == null ? strict : strict.followedBy(run.run(rest, nearMisses));
    }

    /** The query's words as plain text: the reading when syntax expands past the clause limit. */
    public Query parseText(String query) {
        return parser.parseText(LanguageAnalyzers.nfc(query.strip()));
    }
}
