package dev.winnow.index;

import java.util.Collection;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
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
        String q = ArticleDocuments.nfc(query.strip());
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
        String q = ArticleDocuments.nfc(query.strip());
        if (q.isEmpty() || !defaultAnd) {
            return null;
        }
        try {
            return parser.parseRelaxed(q);
        } catch (ParseException e) {
            return null; // the strict reading of the same query parsed
        }
    }

    /** The query's words as plain text: the reading when syntax expands past the clause limit. */
    public Query parseText(String query) {
        return parser.parseText(ArticleDocuments.nfc(query.strip()));
    }
}
