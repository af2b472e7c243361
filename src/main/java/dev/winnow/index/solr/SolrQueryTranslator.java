package dev.winnow.index.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Writes a Lucene query, as {@link dev.winnow.index.ArticleQueries} built it (terms already analysed), as
 * Solr request parameters that make Solr build the same query: every node becomes a parameter of its own,
 * referenced by name ({@code {!bool must=$q3}}), so no value is ever escaped into another.
 *
 * <ul>
 *   <li>terms: {@code {!term}}, which does not analyse;</li>
 *   <li>boolean queries: {@code {!bool}} with the same clauses, occurs and minimum of optional clauses;</li>
 *   <li>boosts: {@code {!boost b=…}}, the same product of score and weight;</li>
 *   <li>phrases: the analysed terms in quotes with their slop, the query-side analyzer of the
 *       {@link SolrConfigset} passing them through and {@link SolrConfigset#GAP} keeping each dropped
 *       word's place;</li>
 *   <li>a word in several fields scored as one ({@link CombinedFieldQuery}, BM25F): {@code {!winnow_combined}}
 *       with the same fields, weights and terms ({@link CombinedFieldsQParserPlugin});</li>
 *   <li>prefix, wildcard, fuzzy, regular expression and range terms in the classic syntax, their text
 *       already normalised as the embedded index normalises it.</li>
 * </ul>
 */
final class SolrQueryTranslator {
    private final ModifiableSolrParams params;
    private final String prefix;
    private int next;

    /**
     * @param params where the parameters go
     * @param prefix the names' prefix, distinct per translation sharing {@code params}
     */
    SolrQueryTranslator(ModifiableSolrParams params, String prefix) {
        this.params = params;
        this.prefix = prefix;
    }

    /** Adds the query's parameters; returns the reference ({@code $name}) to the query. */
    String add(Query q) {
        return ref(express(q));
    }

    /** Adds a parameter holding a query in Solr syntax; returns its reference. */
    String ref(String solrQuery) {
        String name = prefix + (next++);
        params.set(name, solrQuery);
        return "$" + name;
    }

    private String express(Query q) {
        if (q instanceof TermQuery t) {
            return term(t.getTerm());
        }
        if (q instanceof BooleanQuery b) {
            return bool(b);
        }
        if (q instanceof BoostQuery b) {
            return "{!boost b=" + number(b.getBoost()) + " v=" + add(b.getQuery()) + "}";
        }
        if (q instanceof CombinedFieldQuery c) {
            return combined(CombinedFields.of(c));
        }
        if (q instanceof PhraseQuery p) {
            return lucene(phrase(p));
        }
        if (q instanceof PrefixQuery p) {
            return "{!prefix f=" + p.getField() + " v=" + ref(p.getPrefix().text()) + "}";
        }
        if (q instanceof WildcardQuery w) {
            return lucene(w.getField() + ":" + escape(w.getTerm().text(), "*?\\"));
        }
        if (q instanceof FuzzyQuery f) {
            return lucene(f.getField() + ":" + escape(f.getTerm().text(), "") + "~" + f.getMaxEdits());
        }
        if (q instanceof RegexpQuery r) {
            return lucene(r.getField() + ":/" + r.getRegexp().text().replace("/", "\\/") + "/");
        }
        if (q instanceof TermRangeQuery r) {
            return lucene(r.getField() + ":" + (r.includesLower() ? "[" : "{")
                    + bound(r.getLowerTerm() == null ? null : r.getLowerTerm().utf8ToString()) + " TO "
                    + bound(r.getUpperTerm() == null ? null : r.getUpperTerm().utf8ToString())
                    + (r.includesUpper() ? "]" : "}"));
        }
        if (q instanceof MatchAllDocsQuery) {
            return "*:*";
        }
        if (q instanceof MatchNoDocsQuery) {
            return lucene("+*:* -*:*");
        }
        throw new IllegalArgumentException("the Solr index cannot run a " + q.getClass().getSimpleName() + ": " + q);
    }

    private String term(Term t) {
        return "{!term f=" + t.field() + " v=" + ref(t.text()) + "}";
    }

    private String combined(CombinedFields c) {
        StringBuilder s = new StringBuilder("{!").append(CombinedFields.PARSER).append(" qf=").append(ref(c.fieldList()));
        for (String term : c.terms()) {
            s.append(" term=").append(ref(term));
        }
        return s.append('}').toString();
    }

    private String lucene(String query) {
        return "{!lucene v=" + ref(query) + "}";
    }

    private String bool(BooleanQuery b) {
        StringBuilder s = new StringBuilder("{!bool");
        for (BooleanClause c : b.clauses()) {
            s.append(' ').append(switch (c.getOccur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case MUST_NOT -> "must_not";
                case FILTER -> "filter";
            }).append('=').append(add(c.getQuery()));
        }
        if (b.getMinimumNumberShouldMatch() > 0) {
            s.append(" mm=").append(b.getMinimumNumberShouldMatch());
        }
        return s.append('}').toString();
    }

    /** The phrase's terms at their positions, gaps filled with {@link SolrConfigset#GAP}, and its slop. */
    private static String phrase(PhraseQuery p) {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        List<String> words = new ArrayList<>();
        int at = positions.length == 0 ? 0 : positions[0];
        for (int i = 0; i < terms.length; i++) {
            if (positions[i] < at) {
                throw new IllegalArgumentException("the Solr index cannot run a phrase with two terms at one place: " + p);
            }
            for (; at < positions[i]; at++) {
                words.add(SolrConfigset.GAP);
            }
            words.add(terms[i].text().replace("\\", "\\\\").replace("\"", "\\\""));
            at++;
        }
        return p.getField() + ":\"" + String.join(" ", words) + "\"" + (p.getSlop() > 0 ? "~" + p.getSlop() : "");
    }

    private static String bound(String value) {
        return value == null ? "*" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String number(float f) {
        return String.format(Locale.ROOT, "%s", f);
    }

    /** Escapes the classic syntax's special characters, except those in {@code keep}. */
    static String escape(String s, String keep) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (keep.indexOf(c) >= 0) {
                out.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    out.append(s.charAt(++i)); // an escape the term already holds
                }
                continue;
            }
            if ("\\+-!():^[]\"{}~*?|&/ ".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
