package dev.winnow.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Finds the live document holding an exact term of one field, by direct postings lookup (cheaper than
 * a search). The writer asks once per article written, so each thread keeps its terms enumerators for
 * the reader it last used instead of building new ones (and their buffers) on every call.
 */
final class ExactLookup {
    /** A document found: its segment and its id within the segment. */
    record Hit(LeafReaderContext leaf, int doc) {
    }

    private final String field;
    private final ThreadLocal<Enums> enums = new ThreadLocal<>();

    /** The enumerators of one reader's segments, for one thread. */
    private static final class Enums {
        final IndexReader reader;
        final TermsEnum[] terms;
        PostingsEnum postings;

        Enums(IndexReader reader, String field) throws IOException {
            this.reader = reader;
            List<LeafReaderContext> leaves = reader.leaves();
            this.terms = new TermsEnum[leaves.size()];
            for (int i = 0; i < terms.length; i++) {
                Terms t = leaves.get(i).reader().terms(field);
                terms[i] = t == null ? null : t.iterator();
            }
        }
    }

    ExactLookup(String field) {
        this.field = field;
    }

    /** The first live document with {@code term} in {@code reader}, or null. */
    Hit find(IndexReader reader, BytesRef term) throws IOException {
        Enums e = enums.get();
        if (e == null || e.reader != reader) {
            e = new Enums(reader, field);
            enums.set(e);
        }
        List<LeafReaderContext> leaves = reader.leaves();
        for (int i = 0; i < e.terms.length; i++) {
            TermsEnum te = e.terms[i];
            if (te == null || !te.seekExact(term)) {
                continue;
            }
            Bits live = leaves.get(i).reader().getLiveDocs();
            e.postings = te.postings(e.postings, PostingsEnum.NONE);
            for (int doc = e.postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = e.postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    return new Hit(leaves.get(i), doc);
                }
            }
        }
        return null;
    }
}
