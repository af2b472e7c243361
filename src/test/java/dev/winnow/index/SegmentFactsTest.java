package dev.winnow.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Per-segment answers summed over a reader equal the reader's own, whether a segment's field is read
 * whole or term by term, as commits add segments and deletions leave older ones in place.
 */
class SegmentFactsTest {
    private static final String FIELD = "text_en";
    private static final List<String> TERMS = List.of("budget", "vote", "council", "storm", "absent");

    @ParameterizedTest(name = "fields read whole up to {0} terms")
    @ValueSource(ints = {0, 1_000})
    void documentFrequenciesEqualTheReadersAsSegmentsAreAdded(int readWholeField) throws Exception {
        // Each way of asking has its own cache, so that neither answers from what the other cached.
        SegmentFacts oneByOne = new SegmentFacts(readWholeField);
        SegmentFacts inBulk = new SegmentFacts(readWholeField);
        try (var dir = new ByteBuffersDirectory();
                var writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer())
                        .setMergePolicy(NoMergePolicy.INSTANCE))) {
            String[] bodies = {"budget vote delayed", "council budget", "storm hits council", "vote budget council"};
            for (int commit = 0; commit < bodies.length; commit++) {
                writer.addDocument(doc("d" + commit, bodies[commit], "title " + commit));
                if (commit == 0) {
                    writer.addDocument(doc("kept", "budget kept", "kept")); // so the deletion leaves the segment
                }
                if (commit == 2) {
                    writer.deleteDocuments(new Term("id", "d0")); // the first segment stays, with a deletion
                }
                writer.commit();
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    long[] expected = new long[TERMS.size()];
                    long[] single = new long[TERMS.size()];
                    for (int i = 0; i < expected.length; i++) {
                        Term t = new Term(FIELD, TERMS.get(i));
                        expected[i] = reader.docFreq(t);
                        single[i] = oneByOne.docFreq(reader, t);
                    }
                    long[] bulk = inBulk.docFreqs(reader, FIELD, TERMS);
                    assertArrayEquals(expected, bulk, "bulk, after commit " + commit);
                    assertArrayEquals(expected, single, "one by one, after commit " + commit);
                    assertEquals(commit + 1, reader.leaves().size(), "one segment per commit");
                }
            }
        }
    }

    @ParameterizedTest(name = "fields read whole up to {0} terms")
    @ValueSource(ints = {0, 1_000})
    void titleFingerprintsFindEveryStoredTitleKey(int readWholeField) throws Exception {
        SegmentFacts facts = new SegmentFacts(readWholeField);
        try (var dir = new ByteBuffersDirectory();
                var writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            writer.addDocument(doc("a", "budget", "budget vote delayed"));
            writer.commit();
            writer.addDocument(doc("b", "storm", "storm hits the coast"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(facts.mayHoldTitle(reader, "budget vote delayed"));
                assertTrue(facts.mayHoldTitle(reader, "storm hits the coast"));
                assertFalse(facts.mayHoldTitle(reader, "a line that is no title"));
            }
        }
    }

    private static Document doc(String id, String body, String titleKey) {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.NO));
        d.add(new TextField(FIELD, body, Field.Store.NO));
        d.add(new StringField(IndexFields.TITLE_KEY, titleKey, Field.Store.NO));
        return d;
    }
}
