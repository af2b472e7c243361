package dev.winnow.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.winnow.lang.LanguageAnalyzers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generated configset analyses text exactly as winnow's own chains do: the same terms at the same
 * positions, asked of a running Solr for each language's text and surface field types.
 */
@Tag("slow")
class SolrAnalysisParityTest {
    /** A sample per language, with stop words, accents, elisions, plurals and possessives. */
    private static final Map<String, String> SAMPLES = Map.of(
            "en", "The Mayor's new budgets were rejected by the councils of Zürich and São Paulo.",
            "es", "Las elecciones municipales del año pasado dejaron a Sánchez sin mayoría en el Ayuntamiento.",
            "pt", "As eleições presidenciais também mostraram que os governos não têm soluções fáceis.",
            "fr", "L'Assemblée nationale a rejeté les réformes présentées par le gouvernement d'Élisabeth Borne.",
            "de", "Die Bürgermeisterin lehnte die Änderungen des Haushalts für die Schulen in München ab.",
            "it", "L'amministrazione comunale ha approvato le nuove città metropolitane dell'Italia.",
            "nl", "De gemeenteraad van Amsterdam heeft de begrotingen voor het komende jaar goedgekeurd.",
            "und", "Łódź hosted the Tōkyō delegation; ÆSIR and naïve café-owners cheered.");

    @Test
    void everyLanguagesTextAndSurfaceTypesGiveTheTermsOfWinnowsOwnChains() throws Exception {
        CloudSolrClient client = SolrTestCluster.get().getSolrClient();
        String collection = SolrTestCluster.newCollection("analysis");
        try {
            for (String lang : SolrConfigset.languages()) {
                String text = SAMPLES.get(lang);
                assertSameTerms(client, collection, SolrConfigset.textType(lang), text, LanguageAnalyzers.forLanguage(lang));
                assertSameTerms(client, collection, SolrConfigset.surfaceType(lang), text, LanguageAnalyzers.surfaceForms(lang));
            }
        } finally {
            SolrTestCluster.delete(collection);
        }
    }

    private static void assertSameTerms(CloudSolrClient client, String collection, String type, String text,
                                        Analyzer ours) throws Exception {
        FieldAnalysisRequest req = new FieldAnalysisRequest().addFieldType(type).setFieldValue(text);
        FieldAnalysisResponse res = req.process(client, collection);
        List<AnalysisResponseBase.AnalysisPhase> phases = new ArrayList<>();
        res.getFieldTypeAnalysis(type).getIndexPhases().forEach(phases::add);
        List<String> solr = new ArrayList<>();
        int position = 0;
        for (AnalysisResponseBase.TokenInfo t : phases.get(phases.size() - 1).getTokens()) {
            solr.add(t.getPosition() + ":" + t.getText());
        }
        List<String> expected = terms(ours, text);
        assertFalse(expected.isEmpty());
        assertEquals(expected, solr, type + " analyses \"" + text + "\" differently");
    }

    /** Terms as position:text, positions counted from 1 as Solr's analysis reports them. */
    static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = 0;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(pos + ":" + term);
            }
            ts.end();
        }
        return out;
    }
}
