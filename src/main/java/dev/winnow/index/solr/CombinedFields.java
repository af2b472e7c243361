package dev.winnow.index.solr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The fields, with their weights, and the terms of a {@link CombinedFieldQuery} (BM25F over several fields):
 * what {@link SolrQueryTranslator} sends and {@link CombinedFieldsQParserPlugin} builds the same query from
 * inside Solr. Depends on Lucene only, so that it can go into the plugin jar Solr loads.
 *
 * @param fields each field's name and weight, in the query's order
 * @param terms  the analysed terms, searched in every field
 */
record CombinedFields(Map<String, Float> fields, List<String> terms) {
    /** The name the generated configset registers {@link CombinedFieldsQParserPlugin} under. */
    static final String PARSER = "winnow_combined";
    private static final String OPENING = "CombinedFieldQuery((";

    CombinedFields {
        if (fields.isEmpty() || terms.isEmpty()) {
            throw new IllegalArgumentException("a combined-field query needs a field and a term");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        terms = List.copyOf(terms);
    }

    /** The query these fields and terms make. */
    CombinedFieldQuery query() {
        CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder();
        fields.forEach(b::addField);
        terms.forEach(t -> b.addTerm(new BytesRef(t)));
        return b.build();
    }

    /**
     * Reads a query's fields, weights and terms back. The query tells its fields and terms
     * ({@link CombinedFieldQuery#getTerms()}) but not its weights, which only its {@code toString} writes
     * ({@code field^weight}, by {@link Float#toString}); the query rebuilt from what was read must equal
     * the given one, so a change of that format fails here rather than scoring differently in Solr.
     */
    static CombinedFields of(CombinedFieldQuery q) {
        Map<String, Float> weights = weights(q.toString());
        Map<String, Float> fields = new LinkedHashMap<>();
        List<String> terms = new ArrayList<>();
        for (Term t : q.getTerms()) {
            fields.put(t.field(), weights.getOrDefault(t.field(), 1f));
            if (!terms.contains(t.text())) {
                terms.add(t.text());
            }
        }
        CombinedFields read = new CombinedFields(fields, terms);
        if (!read.query().equals(q)) {
            throw new IllegalArgumentException("cannot read the fields and weights of " + q);
        }
        return read;
    }

    /** The weights other than 1 that {@code CombinedFieldQuery((f1^w1 f2)(t1 t2))} writes. */
    private static Map<String, Float> weights(String written) {
        Map<String, Float> weights = new LinkedHashMap<>();
        int end = written.indexOf(")(");
        if (!written.startsWith(OPENING) || end < 0) {
            return weights;
        }
        for (String field : written.substring(OPENING.length(), end).split(" ")) {
            int caret = field.lastIndexOf('^');
            if (caret > 0) {
                try {
                    weights.put(field.substring(0, caret), Float.parseFloat(field.substring(caret + 1)));
                } catch (NumberFormatException e) {
                    // not a weight: the equality check of of() reports the query
                }
            }
        }
        return weights;
    }

    /** The fields as the {@code qf} parameter writes them: {@code title_en^6.0 text_en}. */
    String fieldList() {
        StringBuilder s = new StringBuilder();
        fields.forEach((field, weight) -> {
            s.append(s.isEmpty() ? "" : " ").append(field);
            if (weight != 1f) {
                s.append('^').append(weight);
            }
        });
        return s.toString();
    }

    /** Reads {@link #fieldList()}. */
    static Map<String, Float> parseFieldList(String list) {
        Map<String, Float> fields = new LinkedHashMap<>();
        for (String field : list.strip().split("\\s+")) {
            if (field.isEmpty()) {
                continue;
            }
            int caret = field.lastIndexOf('^');
            if (caret > 0) {
                fields.put(field.substring(0, caret), Float.parseFloat(field.substring(caret + 1)));
            } else {
                fields.put(field, 1f);
            }
        }
        return fields;
    }
}
