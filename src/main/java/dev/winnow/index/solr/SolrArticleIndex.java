package dev.winnow.index.solr;

import dev.winnow.article.StoredArticle;
import dev.winnow.article.TitleKeys;
import dev.winnow.filter.CorpusStats;
import dev.winnow.index.ArticleDocuments;
import dev.winnow.index.ArticleIndex;
import dev.winnow.index.IndexFields;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.IndexStatus;
import dev.winnow.index.MinHash;
import dev.winnow.index.NearDuplicates;
import dev.winnow.index.SearchRequest;
import dev.winnow.index.SearchResults;
import dev.winnow.index.StoredJson;
import dev.winnow.lang.LanguageAnalyzers;
import dev.winnow.state.FeedStateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;

/**
 * An {@link ArticleIndex} on a SolrCloud collection (configset from {@link SolrConfigset}), shared by any
 * number of daemons. Articles are documents keyed by their canonical URL, so writing one twice — a feed
 * polled again after a node died mid-poll — replaces it: at-least-once polling, exactly-once articles.
 *
 * <p>Writes are staged in this process until {@link #commit()}, which sends them and makes them durable
 * and searchable (a hard commit). Near-duplicate clusters are assigned here from the newest articles of
 * the collection read at start and the ones this process writes; searching works as in the embedded index
 * ({@link SolrSearch}).
 */
public final class SolrArticleIndex implements ArticleIndex {
    /** Terms counted in one request ({@link #docFreqs}): a batch's few thousand in a handful of round trips. */
    private static final int TERMS_PER_REQUEST = 250;
    static final String FEED_STATE_ID_PREFIX = "feedstate:";
    static final String META_ID = "winnow:commit";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int PAGE = 500;

    private final SolrClient client;
    private final String collection;
    private final String location;
    private final IndexSettings settings;
    private final boolean writable;
    private final Clock clock;
    private final MinHash minHash;
    private final NearDuplicates nearDuplicates;
    private final SolrFeedStateStore feedStates;
    private final SolrCorpusStats corpusStats;
    /** Articles staged since the last commit, by URL; deletions (an item's old URL) are kept apart. */
    private final Map<String, SolrInputDocument> stagedDocs = new LinkedHashMap<>();
    private final Map<String, StoredArticle> stagedArticles = new LinkedHashMap<>();
    private final Map<String, String> stagedTitleKeys = new LinkedHashMap<>();
    private final List<String> stagedDeletes = new ArrayList<>();

    private SolrArticleIndex(SolrClient client, String collection, String location, IndexSettings settings,
                             boolean writable, Clock clock) {
        this.client = client;
        this.collection = collection;
        this.location = location;
        this.settings = settings;
        this.writable = writable;
        this.clock = clock;
        this.minHash = new MinHash(settings.shingleWords());
        this.nearDuplicates = new NearDuplicates(settings.nearDuplicateThreshold(), settings.nearDuplicateWindow());
        this.feedStates = new SolrFeedStateStore(this);
        this.corpusStats = new SolrCorpusStats(this);
    }

    /**
     * Connects to the collection; {@code writable} for a process that stores articles (it reads the newest
     * articles' signatures for near-duplicate detection first).
     */
    public static SolrArticleIndex open(SolrSettings solr, IndexSettings settings, boolean writable) throws IOException {
        return open(client(solr), solr.collection(), solr.location(), settings, writable);
    }

    /** On an existing client, which the index closes with itself. */
    public static SolrArticleIndex open(SolrClient client, String collection, String location, IndexSettings settings,
                                        boolean writable) throws IOException {
        SolrArticleIndex index = new SolrArticleIndex(client, collection, location, settings, writable, Clock.systemUTC());
        try {
            index.count("*:*"); // fails at once, naming the collection, when it is unreachable
            if (writable) {
                index.loadNearDuplicates();
            }
            return index;
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    static SolrClient client(SolrSettings solr) {
        CloudHttp2SolrClient.Builder b;
        if (!solr.zkHost().isEmpty()) {
            String zk = solr.zkHost();
            int slash = zk.indexOf('/');
            List<String> hosts = List.of((slash < 0 ? zk : zk.substring(0, slash)).split(","));
            b = new CloudHttp2SolrClient.Builder(hosts, slash < 0 ? Optional.empty() : Optional.of(zk.substring(slash)))
                    .withZkConnectTimeout(15, TimeUnit.SECONDS);
        } else {
            b = new CloudHttp2SolrClient.Builder(solr.urls());
        }
        return b.withDefaultCollection(solr.collection()).build();
    }

    String location() {
        return location;
    }

    IndexSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    // ---- writing

    @Override
    public void upsert(StoredArticle article) throws IOException {
        requireWritable("upsert");
        String text = article.text();
        int[] signature = minHash.signature(text);
        String titleKey = TitleKeys.of(article.title());
        Optional<StoredArticle> moved = sameItemElsewhere(article);
        synchronized (this) {
            moved.ifPresent(old -> {
                // The same feed item under a new URL replaces its old copy (URL churn).
                stagedDeletes.add(old.url());
                stagedDocs.remove(old.url());
                stagedArticles.remove(old.url());
                stagedTitleKeys.remove(old.url());
            });
            String cluster = nearDuplicates.assign(article.url(), signature);
            stagedDocs.put(article.url(), document(article, text, titleKey, cluster, signature));
            stagedArticles.put(article.url(), article);
            stagedTitleKeys.put(article.url(), titleKey);
        }
    }

    private Optional<StoredArticle> sameItemElsewhere(StoredArticle a) throws IOException {
        if (a.guid() == null || a.guid().isBlank() || a.feedUrl() == null) {
            return Optional.empty();
        }
        return findByGuid(a.guid()).filter(old -> a.feedUrl().equals(old.feedUrl()) && !a.url().equals(old.url()));
    }

    /** The article as the collection stores it: the fields {@link ArticleDocuments#article} indexes in Lucene. */
    static SolrInputDocument document(StoredArticle a, String text, String titleKey, String cluster, int[] signature) {
        SolrInputDocument d = new SolrInputDocument();
        d.setField(SolrConfigset.ID, a.url());
        d.setField(IndexFields.TYPE, IndexFields.TYPE_ARTICLE);
        d.setField(IndexFields.URL, a.url());
        if (a.guid() != null && !a.guid().isBlank()) {
            d.setField(IndexFields.GUID, a.guid());
        }
        keyword(d, IndexFields.FEED, a.feedUrl());
        String lang = ArticleDocuments.language(a);
        keyword(d, IndexFields.LANG, lang);
        keyword(d, IndexFields.SITE, IndexFields.site(a.site()));
        if (!a.authors().isEmpty()) {
            d.setField(IndexFields.AUTHOR, new ArrayList<>(a.authors()));
        }
        String title = LanguageAnalyzers.nfc(a.title());
        String body = LanguageAnalyzers.nfc(text);
        d.setField(IndexFields.titleField(lang), title);
        d.setField(IndexFields.textField(lang), body);
        d.setField(IndexFields.surfaceTitleField(lang), title);
        d.setField(IndexFields.surfaceTextField(lang), body);
        if (!titleKey.isEmpty()) {
            d.setField(IndexFields.TITLE_KEY, titleKey);
        }
        Instant date = ArticleDocuments.date(a);
        if (date != null) {
            d.setField(IndexFields.PUBLISHED, date.toEpochMilli());
            d.setField(IndexFields.DAY, DAY.format(date));
        }
        keyword(d, IndexFields.CLUSTER, cluster);
        if (signature != null) {
            d.setField(IndexFields.MINHASH, Base64.getEncoder().encodeToString(MinHash.encode(signature)));
        }
        d.setField(IndexFields.SOURCE, new String(StoredJson.article(a), StandardCharsets.UTF_8));
        return d;
    }

    private static void keyword(SolrInputDocument d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.setField(field, value);
        }
    }

    /**
     * Sends the staged articles and feed states and commits them (durable and searchable). A failure
     * leaves them staged, so the next commit tries again; the feed states are sent after the articles,
     * so a state never runs ahead of the articles it accounts for.
     */
    @Override
    public synchronized void commit() throws IOException {
        requireWritable("commit");
        try {
            if (!stagedDeletes.isEmpty()) {
                client.deleteById(collection, List.copyOf(stagedDeletes));
            }
            List<SolrInputDocument> docs = new ArrayList<>(stagedDocs.values());
            for (int i = 0; i < docs.size(); i += PAGE) {
                client.add(collection, docs.subList(i, Math.min(docs.size(), i + PAGE)));
            }
            List<SolrInputDocument> states = feedStates.stagedDocuments();
            if (!states.isEmpty()) {
                client.add(collection, states);
            }
            SolrInputDocument meta = new SolrInputDocument();
            meta.setField(SolrConfigset.ID, META_ID);
            meta.setField(IndexFields.TYPE, "meta");
            meta.setField(SolrConfigset.COMMITTED, clock.instant().toString());
            client.add(collection, meta);
            client.commit(collection, true, true);
            stagedDeletes.clear();
            stagedDocs.clear();
            stagedArticles.clear();
            stagedTitleKeys.clear();
            feedStates.clearStaged(states.size());
            corpusStats.invalidate();
        } catch (SolrServerException | RuntimeException e) {
            throw failure("commit to", e);
        }
    }

    private void requireWritable(String what) {
        if (!writable) {
            throw new IllegalStateException("cannot " + what + ": the Solr index " + location + " is open read-only");
        }
    }

    /** Fills the near-duplicate ring with the newest articles' signatures, oldest first. */
    private void loadNearDuplicates() throws IOException {
        SolrQuery q = new SolrQuery("{!term f=" + IndexFields.TYPE + "}" + IndexFields.TYPE_ARTICLE);
        q.setFields(IndexFields.MINHASH, IndexFields.CLUSTER);
        q.setSort(IndexFields.PUBLISHED, SolrQuery.ORDER.desc);
        q.addSort(SolrConfigset.ID, SolrQuery.ORDER.asc);
        Deque<SolrDocument> newest = new ArrayDeque<>();
        int[] left = {settings.nearDuplicateWindow()};
        eachDocument(q, d -> {
            if (left[0] > 0 && d.getFieldValue(IndexFields.MINHASH) != null && d.getFieldValue(IndexFields.CLUSTER) != null) {
                newest.push(d);
                left[0]--;
            }
        }, () -> left[0] > 0);
        for (SolrDocument d : newest) {
            byte[] b = Base64.getDecoder().decode((String) d.getFieldValue(IndexFields.MINHASH));
            int[] signature = MinHash.decode(b, 0, b.length);
            if (signature != null) {
                nearDuplicates.remember(signature, (String) d.getFieldValue(IndexFields.CLUSTER));
            }
        }
    }

    // ---- reading

    @Override
    public Optional<StoredArticle> get(String url) throws IOException {
        synchronized (this) {
            StoredArticle staged = stagedArticles.get(url);
            if (staged != null) {
                return Optional.of(staged);
            }
        }
        try {
            SolrDocument d = client.getById(collection, url);
            return d == null || d.getFieldValue(IndexFields.SOURCE) == null ? Optional.empty() : Optional.of(article(d));
        } catch (SolrServerException | RuntimeException e) {
            throw failure("read from", e);
        }
    }

    @Override
    public Optional<StoredArticle> findByGuid(String guid) throws IOException {
        if (guid == null || guid.isBlank()) {
            return Optional.empty();
        }
        synchronized (this) {
            for (StoredArticle a : stagedArticles.values()) {
                if (guid.equals(a.guid())) {
                    return Optional.of(a);
                }
            }
        }
        SolrQuery q = articles();
        q.addFilterQuery("{!term f=" + IndexFields.GUID + " v=$guid}");
        q.set("guid", guid);
        q.setFields(IndexFields.SOURCE);
        q.setRows(1);
        SolrDocumentList found = query(q).getResults();
        return found.isEmpty() ? Optional.empty() : Optional.of(article(found.get(0)));
    }

    /** Whether an article other than {@code excludeUrl} staged here has the title key. */
    synchronized boolean hasStagedTitle(String titleKey, String excludeUrl) {
        for (Map.Entry<String, String> e : stagedTitleKeys.entrySet()) {
            if (e.getValue().equals(titleKey) && !e.getKey().equals(excludeUrl)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public FeedStateStore feedStates() {
        return feedStates;
    }

    @Override
    public CorpusStats corpusStats() {
        return corpusStats;
    }

    @Override
    public SearchResults search(SearchRequest request) throws IOException {
        return new SolrSearch(this, clock.instant()).run(request);
    }

    @Override
    public void forEach(Consumer<StoredArticle> sink) throws IOException {
        SolrQuery q = articles();
        q.setFields(IndexFields.SOURCE);
        q.setSort(SolrConfigset.ID, SolrQuery.ORDER.asc);
        eachDocument(q, d -> sink.accept(article(d)), () -> true);
    }

    @Override
    public IndexStatus status() throws IOException {
        long articles;
        try {
            articles = count("{!term f=" + IndexFields.TYPE + "}" + IndexFields.TYPE_ARTICLE);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("not found")) {
                return new IndexStatus(0, 0, null, 0, false, location);
            }
            throw e;
        }
        long feeds = count("{!term f=" + IndexFields.TYPE + "}" + IndexFields.TYPE_FEED_STATE);
        Instant lastCommit = null;
        try {
            SolrDocument meta = client.getById(collection, META_ID);
            if (meta != null && meta.getFieldValue(SolrConfigset.COMMITTED) != null) {
                lastCommit = Instant.parse((String) meta.getFieldValue(SolrConfigset.COMMITTED));
            }
        } catch (SolrServerException | RuntimeException e) {
            throw failure("read from", e);
        }
        // The size on disk is Solr's to report (its admin UI and metrics), across nodes and replicas.
        return new IndexStatus(articles, IndexStatus.SIZE_UNKNOWN, lastCommit, feeds, true, location);
    }

    /** A query over the articles (not feed states or the commit marker). */
    static SolrQuery articles() {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery("{!term f=" + IndexFields.TYPE + "}" + IndexFields.TYPE_ARTICLE);
        return q;
    }

    long count(String query) throws IOException {
        SolrQuery q = new SolrQuery(query);
        q.setRows(0);
        return query(q).getResults().getNumFound();
    }

    /**
     * How many documents hold each of these terms of {@code field}, {@value #TERMS_PER_REQUEST} terms to a request
     * (a facet query each): the query parser's and the off-topic filter's statistics. Keyed by term, in the order
     * given.
     */
    Map<String, Long> docFreqs(String field, Collection<String> terms) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        List<String> list = List.copyOf(terms);
        for (int from = 0; from < list.size(); from += TERMS_PER_REQUEST) {
            countTogether(field, list.subList(from, Math.min(list.size(), from + TERMS_PER_REQUEST)), out);
        }
        return out;
    }

    private void countTogether(String field, List<String> terms, Map<String, Long> out) throws IOException {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.set("facet", true);
        for (int i = 0; i < terms.size(); i++) {
            p.set("df" + i, terms.get(i));
            p.add("facet.query", "{!term f=" + field + " v=$df" + i + " key=" + i + "}");
        }
        Map<String, Integer> counts = query(p).getFacetQuery();
        for (int i = 0; i < terms.size(); i++) {
            out.put(terms.get(i), counts == null ? 0L : counts.getOrDefault(String.valueOf(i), 0).longValue());
        }
    }

    QueryResponse query(SolrParams params) throws IOException {
        try {
            return client.query(collection, params, SolrRequest.METHOD.POST);
        } catch (SolrServerException | RuntimeException e) {
            throw failure("search", e);
        }
    }

    /** Documents by id, in the order asked, those not found left out. */
    List<SolrDocument> byIds(List<String> ids) throws IOException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try {
            SolrDocumentList found = client.getById(collection, ids);
            Map<String, SolrDocument> byId = new LinkedHashMap<>();
            for (SolrDocument d : found) {
                byId.put((String) d.getFieldValue(SolrConfigset.ID), d);
            }
            List<SolrDocument> out = new ArrayList<>();
            for (String id : ids) {
                SolrDocument d = byId.get(id);
                if (d != null) {
                    out.add(d);
                }
            }
            return out;
        } catch (SolrServerException | RuntimeException e) {
            throw failure("read from", e);
        }
    }

    /** Pages through every document of a query with a cursor (its sort must end on the id). */
    void eachDocument(SolrQuery q, Consumer<SolrDocument> sink, java.util.function.BooleanSupplier more)
            throws IOException {
        q.setRows(PAGE);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (more.getAsBoolean()) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = query(q);
            r.getResults().forEach(sink);
            String next = r.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return;
            }
            cursor = next;
        }
    }

    static StoredArticle article(SolrDocument d) {
        return StoredJson.article(((String) d.getFieldValue(IndexFields.SOURCE)).getBytes(StandardCharsets.UTF_8));
    }

    SolrClient client() {
        return client;
    }

    String collection() {
        return collection;
    }

    IOException failure(String what, Exception e) {
        if (e instanceof IOException io) {
            return io;
        }
        return new IOException("cannot " + what + " the Solr index " + location + ": " + e.getMessage(), e);
    }

    /** Closes the connection; articles staged since the last {@link #commit()} are discarded. */
    @Override
    public void close() throws IOException {
        client.close();
    }
}
