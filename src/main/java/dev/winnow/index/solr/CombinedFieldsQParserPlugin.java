package dev.winnow.index.solr;

import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.schema.IndexSchema;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;

/**
 * Solr query parser {@code winnow_combined}: the {@link org.apache.lucene.sandbox.search.CombinedFieldQuery}
 * (BM25F) winnow's own parser builds for a word in title and text, made inside Solr from its fields and
 * already-analysed terms, so that both indexes run the same query with the same scores:
 * {@code {!winnow_combined qf='title_en^6.0 text_en' term=$t1 term=$t2}}. Terms are not analysed again.
 *
 * <p>Registered by the solrconfig {@link SolrConfigset} writes; Solr must have winnow's plugin jar on its
 * class path (see README).
 */
public final class CombinedFieldsQParserPlugin extends QParserPlugin {
    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() throws SyntaxError {
                String qf = localParams == null ? null : localParams.get("qf");
                String[] terms = localParams == null ? null : localParams.getParams("term");
                if (qf == null || terms == null || terms.length == 0) {
                    throw new SyntaxError(CombinedFields.PARSER + " needs qf and at least one term");
                }
                Map<String, Float> fields;
                try {
                    fields = CombinedFields.parseFieldList(qf);
                } catch (NumberFormatException e) {
                    throw new SyntaxError(CombinedFields.PARSER + ": not a field weight in qf '" + qf + "'", e);
                }
                IndexSchema schema = req.getSchema();
                for (String field : fields.keySet()) {
                    if (schema.getFieldOrNull(field) == null) {
                        throw new SyntaxError(CombinedFields.PARSER + ": no field " + field);
                    }
                }
                try {
                    return new CombinedFields(fields, List.of(terms)).query();
                } catch (IllegalArgumentException e) {
                    throw new SyntaxError(CombinedFields.PARSER + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
