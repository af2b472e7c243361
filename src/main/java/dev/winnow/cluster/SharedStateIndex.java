package dev.winnow.cluster;

import dev.winnow.article.StoredArticle;
import dev.winnow.filter.CorpusStats;
import dev.winnow.index.ArticleIndex;
import dev.winnow.index.IndexStatus;
import dev.winnow.index.SearchRequest;
import dev.winnow.index.SearchResults;
import dev.winnow.state.FeedStateStore;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An index whose per-feed state lives in the cluster's database rather than beside the articles.
 *
 * <p>A commit makes the articles durable first and the feed state second. A node killed between the
 * two leaves the older state, so the feed is polled again and its articles are upserted again under
 * the same ids: at-least-once, never lost, never duplicated in one index.
 */
final class SharedStateIndex implements ArticleIndex {
    private final ArticleIndex articles;
    private final JdbcFeedStateStore states;

    SharedStateIndex(ArticleIndex articles, JdbcFeedStateStore states) {
        this.articles = articles;
        this.states = states;
    }

    @Override
    public void upsert(StoredArticle article) throws IOException {
        articles.upsert(article);
    }

    @Override
    public Optional<StoredArticle> get(String url) throws IOException {
        return articles.get(url);
    }

    @Override
    public Optional<StoredArticle> findByGuid(String guid) throws IOException {
        return articles.findByGuid(guid);
    }

    @Override
    public FeedStateStore feedStates() {
        return states;
    }

    @Override
    public void commit() throws IOException {
        articles.commit();
        states.flush();
    }

    @Override
    public CorpusStats corpusStats() {
        return articles.corpusStats();
    }

    @Override
    public SearchResults search(SearchRequest request) throws IOException {
        return articles.search(request);
    }

    @Override
    public void forEach(Consumer<StoredArticle> sink) throws IOException {
        articles.forEach(sink);
    }

    @Override
    public IndexStatus status() throws IOException {
        IndexStatus s = articles.status();
        return new IndexStatus(s.articles(), s.sizeBytes(), s.lastCommit(), states.all().size(), s.exists(),
                s.location());
    }

    @Override
    public void close() throws IOException {
        articles.close();
    }
}
