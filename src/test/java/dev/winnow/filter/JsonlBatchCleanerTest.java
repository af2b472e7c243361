package dev.winnow.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlBatchCleanerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMO = "Descarga nuestra app y activa las alertas de última hora.";

    private final JsonlBatchCleaner cleaner = new JsonlBatchCleaner(new OffTopicFilter(FilterSettings.defaults()));

    private static String line(String id, String title, List<String> paragraphs, String lang) throws Exception {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("title", title);
        ArrayNode ps = o.putArray("paragraphs");
        paragraphs.forEach(ps::add);
        if (lang != null) {
            o.put("lang", lang);
        }
        o.putArray("labels").add(0); // extra fields are ignored
        return JSON.writeValueAsString(o);
    }

    @Test
    void writesRemovedIndicesWithAlignedReasonsAndDetails() throws Exception {
        String input = line("es1", Fixtures.ES_TITLE, Fixtures.inject(Fixtures.ES_BODY, 3, PROMO), "es") + "\n"
                + line("en1", Fixtures.EN_TITLE, Fixtures.EN_BODY, null) + "\n";
        StringWriter out = new StringWriter();

        JsonlBatchCleaner.Summary summary = cleaner.run(new StringReader(input), out, CorpusStats.EMPTY);

        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        JsonNode es = JSON.readTree(lines[0]);
        assertEquals("es1", es.get("id").asText());
        assertEquals(3, es.get("removed").get(0).asInt());
        assertEquals("promo", es.get("reasons").get(0).asText());
        assertEquals(es.get("removed").size(), es.get("reasons").size());
        assertTrue(es.get("details").get(0).get("signals").has("similarity"));
        JsonNode en = JSON.readTree(lines[1]);
        assertEquals("en", en.get("lang").asText(), "language detected when not given");
        assertEquals(0, en.get("removed").size());
        assertEquals(2, summary.articles());
        assertEquals(1, summary.linesRemoved());
    }

    @Test
    void withKeptScoresListsEveryKeptLineWithItsScoreButNotTheRemovedOne() throws Exception {
        List<String> paragraphs = Fixtures.inject(Fixtures.ES_BODY, 3, PROMO);
        String input = line("es1", Fixtures.ES_TITLE, paragraphs, "es") + "\n";
        StringWriter out = new StringWriter();

        new JsonlBatchCleaner(new OffTopicFilter(FilterSettings.defaults()), true)
                .run(new StringReader(input), out, CorpusStats.EMPTY);

        JsonNode es = JSON.readTree(out.toString().trim());
        JsonNode kept = es.get("kept");
        assertEquals(paragraphs.size() - 1, kept.size(), "every line but the promo");
        for (JsonNode k : kept) {
            assertTrue(k.get("index").asInt() != 3, "the removed promo is not listed as kept");
            double score = k.get("score").asDouble();
            assertTrue(score >= 0 && score <= 1, "score " + score);
            assertTrue(k.get("signals").has("similarity"));
        }
    }

    @Test
    void withoutKeptScoresWritesNoKeptField() throws Exception {
        StringWriter out = new StringWriter();

        cleaner.run(new StringReader(line("en1", Fixtures.EN_TITLE, Fixtures.EN_BODY, "en") + "\n"), out, CorpusStats.EMPTY);

        assertTrue(!JSON.readTree(out.toString().trim()).has("kept"));
    }

    @Test
    void reportsMalformedLinesByNumberAndKeepsTheOthers() throws Exception {
        String input = line("a", Fixtures.EN_TITLE, Fixtures.EN_BODY, "en") + "\n"
                + "{not json\n"
                + "\n"
                + "{\"id\": \"c\", \"paragraphs\": \"one string\"}\n"
                + "{\"title\": \"no id\", \"paragraphs\": []}\n"
                + line("e", Fixtures.ES_TITLE, Fixtures.ES_BODY, "es") + "\n";
        StringWriter out = new StringWriter();

        JsonlBatchCleaner.Summary summary = cleaner.run(new StringReader(input), out, CorpusStats.EMPTY);

        assertEquals(2, summary.articles());
        assertEquals(3, summary.errors().size());
        assertTrue(summary.errors().get(0).startsWith("line 2:"), summary.errors().get(0));
        assertTrue(summary.errors().get(1).startsWith("line 4:") && summary.errors().get(1).contains("paragraphs"));
        assertTrue(summary.errors().get(2).startsWith("line 5:") && summary.errors().get(2).contains("id"));
        assertEquals(2, out.toString().split("\n").length);
    }
}
