package dev.winnow.index;

import dev.winnow.state.FeedState;
import dev.winnow.state.FeedStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Per-feed state kept as documents of the index itself, so one Lucene commit makes the articles and the
 * states that describe them durable together. Puts are staged in memory and written at commit; reads
 * see staged states first.
 */
final class IndexFeedStateStore implements FeedStateStore {
    private final IndexView view;
    private final boolean writable;
    private final Map<String, FeedState> staged = new ConcurrentHashMap<>();

    IndexFeedStateStore(IndexView view, boolean writable) {
        this.view = view;
        this.writable = writable;
    }

    @Override
    public Optional<FeedState> get(String feedUrl) {
        FeedState s = staged.get(feedUrl);
        if (s != null) {
            return Optional.of(s);
        }
        return read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(ArticleDocuments.feedStateTerm(feedUrl)), 1);
            return top.scoreDocs.length == 0 ? Optional.<FeedState>empty() : Optional.of(load(searcher, top.scoreDocs[0]));
        }, Optional.empty());
    }

    @Override
    public List<FeedState> all() {
        Map<String, FeedState> out = new LinkedHashMap<>();
        read(searcher -> {
            TermQuery q = new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_FEED_STATE));
            for (ScoreDoc sd : searcher.search(q, Math.max(1, searcher.count(q))).scoreDocs) {
                FeedState s = load(searcher, sd);
                out.put(s.feedUrl(), s);
            }
            return null;
        }, null);
        out.putAll(staged);
        List<FeedState> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparing(FeedState::feedUrl));
        return list;
    }

    @Override
    public void put(FeedState state) {
        if (!writable) {
            throw new IllegalStateException("the index is open read-only; feed state cannot be written");
        }
        staged.put(state.feedUrl(), state);
    }

    /** The staged states, to be written by the commit that then calls {@link #clearStaged()}. */
    List<FeedState> staged() {
        return List.copyOf(staged.values());
    }

    void clearStaged(List<FeedState> written) {
        // Only what was written: a put racing with the commit stays staged for the next one.
        for (FeedState s : written) {
            staged.remove(s.feedUrl(), s);
        }
    }

    /** Forgets every staged state, when the writes they describe were discarded. */
    void clearAllStaged() {
        staged.clear();
    }

    private static FeedState load(IndexSearcher searcher, ScoreDoc sd) throws IOException {
        return StoredJson.feedState(searcher.storedFields().document(sd.doc).getBinaryValue(IndexFields.SOURCE).bytes);
    }

    private <T> T read(IndexView.SearcherFunction<T> work, T whenNoIndex) {
        try {
            return view.read(work, whenNoIndex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
