package dev.winnow.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.sandbox.search.CombinedFieldQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** A combined-field query is read back with its weights and sent as parameters Solr's plugin rebuilds it from. */
class CombinedFieldsTest {
    private static CombinedFieldQuery query(float titleWeight, String... terms) {
        CombinedFieldQuery.Builder b = new CombinedFieldQuery.Builder().addField("title_en", titleWeight).addField("text_en");
        for (String t : terms) {
            b.addTerm(new BytesRef(t));
        }
        return b.build();
    }

    @Test
    void fieldsWeightsAndTermsAreReadBackFromTheQuery() {
        CombinedFieldQuery q = query(2.5f, "fare", "fares");
        CombinedFields read = CombinedFields.of(q);
        assertEquals(2.5f, read.fields().get("title_en"));
        assertEquals(1f, read.fields().get("text_en"));
        assertEquals(List.of("fare", "fares"), read.terms());
        assertEquals(q, read.query());
    }

    @Test
    void aWeightThatIsNotRoundIsKeptToTheLastBit() {
        float weight = 4f / 3f;
        CombinedFieldQuery q = query(weight, "budget");
        assertEquals(weight, CombinedFields.of(q).fields().get("title_en"));
        assertEquals(q, CombinedFields.of(q).query());
    }

    @Test
    void theFieldListParameterReadsBackAsTheSameFieldsAndWeights() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put("title_de", 6f);
        fields.put("text_de", 1f);
        CombinedFields c = new CombinedFields(fields, List.of("haushalt"));
        assertEquals("title_de^6.0 text_de", c.fieldList());
        assertEquals(fields, CombinedFields.parseFieldList(c.fieldList()));
        assertEquals(c.query(), new CombinedFields(CombinedFields.parseFieldList(c.fieldList()), c.terms()).query());
    }

    @Test
    void termsWithSpacesAndSyntaxTravelAsTheyAre() {
        CombinedFieldQuery q = query(6f, "new york", "a)(b^2");
        assertEquals(List.of("a)(b^2", "new york"), CombinedFields.of(q).terms(), "in the query's (sorted) order");
        assertEquals(q, CombinedFields.of(q).query());
    }
}
