package dev.winnow.index;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Decides, at index time, which story cluster an article belongs to: the cluster of the most similar
 * stored or staged article whose estimated overlap reaches the threshold, or a new cluster of its own.
 * Candidates come from the indexed MinHash band keys, so the cost does not grow with the index.
 */
final class NearDuplicates {
    /** Candidates examined per article; a story rarely has more copies than this. */
    private static final int MAX_CANDIDATES = 32;
    private static final Set<String> CANDIDATE_FIELDS = Set.of(IndexFields.MINHASH, IndexFields.CLUSTER);

    private final double threshold;

    NearDuplicates(double threshold) {
        this.threshold = threshold;
    }

    /** A cluster id of an article with no near-duplicate: derived from its URL, stable across updates. */
    static String ownCluster(String url) {
        return Long.toString(url.hashCode() & 0xffffffffL, 36) + Integer.toString(url.length(), 36);
    }

    String clusterFor(String url, int[] signature, StagedWrites staged, IndexSearcher searcher) throws IOException {
        if (signature == null) {
            return ownCluster(url);
        }
        List<String> bands = MinHash.bandKeys(signature);
        String best = null;
        double bestSim = threshold;
        for (StagedWrites.Signed s : staged.candidates(bands)) {
            double sim = MinHash.similarity(signature, s.signature());
            if (sim >= bestSim) {
                best = s.cluster();
                bestSim = sim;
            }
        }
        if (searcher != null) {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String band : bands) {
                q.add(new TermQuery(new Term(IndexFields.BAND, band)), BooleanClause.Occur.SHOULD);
            }
            // Most shared bands first: the likeliest copies are checked before the cap.
            TopDocs top = searcher.search(q.build(), MAX_CANDIDATES);
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc, CANDIDATE_FIELDS);
                IndexableField sigField = d.getField(IndexFields.MINHASH);
                if (sigField == null) {
                    continue;
                }
                BytesRef bytes = sigField.binaryValue();
                int[] other = MinHash.decode(bytes.bytes, bytes.offset, bytes.length);
                double sim = other == null ? 0 : MinHash.similarity(signature, other);
                if (sim >= bestSim) {
                    best = d.get(IndexFields.CLUSTER);
                    bestSim = sim;
                }
            }
        }
        return best != null ? best : ownCluster(url);
    }
}
