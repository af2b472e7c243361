package dev.winnow.index.solr;

import dev.winnow.index.IndexFields;
import dev.winnow.index.StoredJson;
import dev.winnow.state.FeedState;
import dev.winnow.state.FeedStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Per-feed state as documents of the Solr collection, committed with the articles of the same poll. With
 * {@code scheduler.store=jdbc} the cluster database holds feed state instead (it never goes backwards).
 */
final class SolrFeedStateStore implements FeedStateStore {
    private final SolrArticleIndex index;
    private final Map<String, FeedState> staged = new LinkedHashMap<>();

    SolrFeedStateStore(SolrArticleIndex index) {
        this.index = index;
    }

    @Override
    public Optional<FeedState> get(String feedUrl) {
        synchronized (this) {
            FeedState s = staged.get(feedUrl);
            if (s != null) {
                return Optional.of(s);
            }
        }
        try {
            SolrDocument d = index.client().getById(index.collection(), SolrArticleIndex.FEED_STATE_ID_PREFIX + feedUrl);
            return d == null ? Optional.empty() : Optional.of(state(d));
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw new UncheckedIOException(index.failure("read feed state from", e));
        }
    }

    @Override
    public List<FeedState> all() {
        Map<String, FeedState> out = new LinkedHashMap<>();
        SolrQuery q = new SolrQuery("{!term f=" + IndexFields.TYPE + "}" + IndexFields.TYPE_FEED_STATE);
        q.setFields(IndexFields.SOURCE);
        q.setSort("id", SolrQuery.ORDER.asc);
        try {
            index.eachDocument(q, d -> {
                FeedState s = state(d);
                out.put(s.feedUrl(), s);
            }, () -> true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            out.putAll(staged);
        }
        return new ArrayList<>(out.values());
    }

    @Override
    public synchronized void put(FeedState state) {
        staged.put(state.feedUrl(), state);
    }

    /** The staged states as documents, in the order staged. */
    synchronized List<SolrInputDocument> stagedDocuments() {
        List<SolrInputDocument> out = new ArrayList<>();
        for (FeedState s : staged.values()) {
            SolrInputDocument d = new SolrInputDocument();
            d.setField("id", SolrArticleIndex.FEED_STATE_ID_PREFIX + s.feedUrl());
            d.setField(IndexFields.TYPE, IndexFields.TYPE_FEED_STATE);
            d.setField(IndexFields.FEED_STATE_ID, s.feedUrl());
            d.setField(IndexFields.SOURCE, new String(StoredJson.feedState(s), StandardCharsets.UTF_8));
            out.add(d);
        }
        return out;
    }

    /** Forgets the first {@code n} staged states, now committed (later puts stay staged). */
    synchronized void clearStaged(int n) {
        var it = staged.entrySet().iterator();
        for (int i = 0; i < n && it.hasNext(); i++) {
            it.next();
            it.remove();
        }
    }

    private static FeedState state(SolrDocument d) {
        return StoredJson.feedState(((String) d.getFieldValue(IndexFields.SOURCE)).getBytes(StandardCharsets.UTF_8));
    }
}
