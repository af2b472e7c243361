package dev.winnow.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query syntax over winnow's logical fields. {@code title:} and {@code text:} (and
 * words with no field, which mean both) expand to the per-language fields in scope, each analysed by its
 * own language's chain, so one query finds "elecciones" in Spanish and "elections" in English articles;
 * title matches weigh more. {@code feed:}, {@code lang:}, {@code site:}, {@code author:} and
 * {@code url:} address their fields directly; any other field name is a syntax error.
 */
final class ArticleQueryParser extends QueryParser {
    private static final String ANY = "_any";
    private static final Set<String> DIRECT_FIELDS = Set.of(
            IndexFields.FEED, IndexFields.LANG, IndexFields.SITE, IndexFields.AUTHOR, IndexFields.URL);

    /** Builds the query for one concrete field. */
    @FunctionalInterface
    private interface PerField {
        Query build(String field) throws ParseException;
    }

    private final Collection<String> languages;
    private final float titleBoost;

    /**
     * @param languages the language codes whose fields the query searches (those present in the index,
     *                  or the one a {@code --lang} filter asks for)
     */
    ArticleQueryParser(Analyzer analyzer, Collection<String> languages, float titleBoost, boolean defaultAnd) {
        super(ANY, analyzer);
        this.languages = languages;
        this.titleBoost = titleBoost;
        setDefaultOperator(defaultAnd ? Operator.AND : Operator.OR);
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
        return expand(field, f -> super.getFieldQuery(f, text, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
        return expand(field, f -> super.getFieldQuery(f, text, slop));
    }

    @Override
    protected Query getPrefixQuery(String field, String text) throws ParseException {
        return expand(field, f -> super.getPrefixQuery(f, text));
    }

    @Override
    protected Query getWildcardQuery(String field, String text) throws ParseException {
        return expand(field, f -> super.getWildcardQuery(f, text));
    }

    @Override
    protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
        return expand(field, f -> super.getFuzzyQuery(f, text, similarity));
    }

    @Override
    protected Query getRegexpQuery(String field, String text) throws ParseException {
        return expand(field, f -> super.getRegexpQuery(f, text));
    }

    @Override
    protected Query getRangeQuery(String field, String lo, String hi, boolean loIncl, boolean hiIncl)
            throws ParseException {
        return expand(field, f -> super.getRangeQuery(f, lo, hi, loIncl, hiIncl));
    }

    private Query expand(String field, PerField perField) throws ParseException {
        List<Query> parts = new ArrayList<>();
        switch (field) {
            case ANY -> {
                addTitles(parts, perField);
                addTexts(parts, perField);
            }
            case IndexFields.TITLE -> addTitles(parts, perField);
            case IndexFields.TEXT -> addTexts(parts, perField);
            default -> {
                // Per-language fields come back here when the base parser builds phrases.
                if (!DIRECT_FIELDS.contains(field) && !IndexFields.isLanguageField(field)) {
                    throw new ParseException("unknown field '" + field
                            + ":' (fields: title, text, feed, lang, author, site, url; quote values containing ':')");
                }
                return perField.build(field);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        parts.forEach(q -> any.add(q, BooleanClause.Occur.SHOULD));
        return any.build();
    }

    private void addTitles(List<Query> parts, PerField perField) throws ParseException {
        for (String lang : languages) {
            Query q = perField.build(IndexFields.titleField(lang));
            if (q != null) {
                parts.add(titleBoost == 1f ? q : new BoostQuery(q, titleBoost));
            }
        }
    }

    private void addTexts(List<Query> parts, PerField perField) throws ParseException {
        for (String lang : languages) {
            Query q = perField.build(IndexFields.textField(lang));
            if (q != null) {
                parts.add(q);
            }
        }
    }
}
