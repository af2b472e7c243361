package dev.winnow.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configset is written from the analysis chains: every language, its filters by factory name, its stop list. */
class SolrConfigsetTest {
    @Test
    void theSchemaDeclaresEachLanguagesChainAndShipsItsFoldedStopList(@TempDir Path dir) throws Exception {
        SolrConfigset.write(dir);
        String schema = Files.readString(dir.resolve("schema.xml"));
        for (String lang : SolrConfigset.languages()) {
            assertTrue(schema.contains("name=\"text_" + lang + "\""), lang);
            assertTrue(schema.contains("<field name=\"surface_text_" + lang + "\""), lang);
        }
        assertTrue(schema.contains("<filter name=\"porterStem\"/>"));
        assertTrue(schema.contains("pattern=\"(?&lt;=[a-z])oes$\""), "attributes are escaped");
        String portuguese = Files.readString(dir.resolve("lang/portuguese_stop.txt"), StandardCharsets.UTF_8);
        assertTrue(portuguese.lines().anyMatch(l -> l.startsWith("tambem")), "stop words are accent-folded");
        assertEquals(SolrConfigset.GAP, Files.readString(dir.resolve(SolrConfigset.GAP_FILE)).strip());
        assertTrue(Files.readString(dir.resolve("solrconfig.xml")).contains("ExactStatsCache"));
    }

    @Test
    void theSolrconfigRegistersTheCombinedFieldParserByItsClass(@TempDir Path dir) throws Exception {
        SolrConfigset.write(dir);
        assertEquals(CombinedFieldsQParserPlugin.class.getName(), SolrConfigset.COMBINED_PARSER_CLASS);
        assertTrue(Files.readString(dir.resolve("solrconfig.xml")).contains("<queryParser name=\"" + CombinedFields.PARSER
                + "\" class=\"" + SolrConfigset.COMBINED_PARSER_CLASS + "\"/>"));
    }
}
