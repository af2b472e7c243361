package dev.winnow.index;

import dev.winnow.article.StoredArticle;
import dev.winnow.filter.CorpusStats;
import dev.winnow.state.FeedStateStore;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one seam through which clean articles and per-feed state are stored and searched. The embedded
 * implementation is a Lucene index in the data folder; a SolrCloud collection can take its place.
 *
 * <p>Writes are staged until {@link #commit()}, which makes articles and feed states durable together,
 * so a process killed at any moment restarts from a consistent point.
 */
public interface ArticleIndex extends Closeable {
    /** Adds the article, or replaces the stored copy with the same canonical URL. */
    void upsert(StoredArticle article) throws IOException;

    Optional<StoredArticle> get(String url) throws IOException;

    /** The stored article a feed item's GUID was indexed under, if any (dedupe across URL churn). */
    Optional<StoredArticle> findByGuid(String guid) throws IOException;

    /** Per-feed state, committed together with the articles. */
    FeedStateStore feedStates();

    /** Makes every staged article and feed state durable, atomically. */
    void commit() throws IOException;

    /** Live term statistics and known titles, for the off-topic filter. */
    CorpusStats corpusStats();

    /** Runs a search; a malformed query throws {@link QuerySyntaxException}. */
    SearchResults search(SearchRequest request) throws IOException;

    /** Streams every stored article, in no particular order. */
    void forEach(Consumer<StoredArticle> sink) throws IOException;

    IndexStatus status() throws IOException;
}
