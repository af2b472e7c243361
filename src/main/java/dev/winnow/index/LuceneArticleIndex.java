package dev.winnow.index;

import dev.winnow.article.StoredArticle;
import dev.winnow.article.TitleKeys;
import dev.winnow.filter.CorpusStats;
import dev.winnow.state.FeedState;
import dev.winnow.state.FeedStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link ArticleIndex}: one Lucene index in a folder holding the clean articles and the
 * per-feed state.
 *
 * <p>One process writes ({@link #openForWriting}); any number read ({@link #openReadOnly}) and see each
 * new commit. Writes are staged until {@link #commit()}; {@link #close()} does <em>not</em> commit, so a
 * process that stops without committing leaves the index exactly as of its last commit.
 */
public final class LuceneArticleIndex implements ArticleIndex {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneArticleIndex.class);
    /** Staged articles after which the writer's own searcher is refreshed, bounding memory. */
    private static final int REFRESH_AFTER = 10_000;
    private static final String COMMITTED_AT = "winnow.committed";
    /** The {@link IndexFields#SCHEMA} the index was last committed with. */
    private static final String SCHEMA = "winnow.schema";
    private static final Set<String> SOURCE_ONLY = Set.of(IndexFields.SOURCE);
    private static final Query ARTICLES = new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_ARTICLE));

    private final Path dir;
    private final IndexSettings settings;
    private final Analyzer analyzer;
    /** The writer's directory; null when read-only. */
    private final Directory directory;
    /** Replaced by a new writer on the last commit after a failed write ({@link #reopenWriter}). */
    private volatile IndexWriter writer;
    /** Set when a failed write could not be followed by a new writer; the next write tries again. */
    private volatile IOException writerLost;
    private volatile boolean closed;
    private final IndexView view;
    private final StagedWrites staged = new StagedWrites();
    private final IndexFeedStateStore feedStates;
    private final IndexCorpusStats corpusStats;
    private volatile NearDuplicates nearDuplicates;
    private final MinHash minHash;
    private final Clock clock;
    private final ExactLookup byUrl = new ExactLookup(IndexFields.URL);
    private final ExactLookup byGuid = new ExactLookup(IndexFields.GUID);
    /** Upserts share it; commit and refresh take it alone, so no staged write slips between them. */
    private final ReadWriteLock stageLock = new ReentrantReadWriteLock();

    private LuceneArticleIndex(Path dir, IndexSettings settings, Analyzer analyzer, IndexWriter writer,
                               IndexView view, Clock clock) {
        this.dir = dir;
        this.settings = settings;
        this.analyzer = analyzer;
        this.writer = writer;
        this.directory = writer == null ? null : writer.getDirectory();
        this.view = view;
        this.clock = clock;
        this.feedStates = new IndexFeedStateStore(view, writer != null);
        this.corpusStats = new IndexCorpusStats(view, writer != null ? staged : null);
        this.minHash = new MinHash(settings.shingleWords());
    }

    /** Opens the Lucene directory an index lives in: a file-system directory, or a decorator of one. */
    @FunctionalInterface
    public interface DirectoryOpener {
        Directory open(Path dir) throws IOException;
    }

    /**
     * Opens (creating if needed) the index in {@code dir} for writing.
     *
     * @throws IndexLockedException  when another writer holds the index
     * @throws IndexDamagedException when the folder holds index files that cannot be read (never overwritten)
     */
    public static LuceneArticleIndex openForWriting(Path dir, IndexSettings settings) throws IOException {
        return openForWriting(dir, settings, FSDirectory::open);
    }

    /** As {@link #openForWriting(Path, IndexSettings)}, on the directory {@code opener} gives for {@code dir}. */
    public static LuceneArticleIndex openForWriting(Path dir, IndexSettings settings, DirectoryOpener opener)
            throws IOException {
        Files.createDirectories(dir);
        Analyzer analyzer = IndexFields.analyzer();
        Directory directory = opener.open(dir);
        boolean fresh;
        IndexWriter writer;
        try {
            refuseDamaged(dir, directory);
            fresh = !DirectoryReader.indexExists(directory);
            writer = new IndexWriter(directory, writerConfig(settings, analyzer));
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IndexLockedException(dir, e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
        try {
            if (fresh) {
                // A fresh index gets an empty first commit, so readers find an index at once.
                writer.setLiveCommitData(commitData(Instant.now()));
                writer.commit();
            }
            LuceneArticleIndex index = new LuceneArticleIndex(dir, settings, analyzer, writer,
                    IndexView.ofWriter(dir, writer), Clock.systemUTC());
            if (!fresh && !isCurrentSchema(directory)) {
                index.reindex();
            }
            index.nearDuplicates = index.loadNearDuplicates();
            return index;
        } catch (IOException e) {
            writer.rollback();
            directory.close();
            throw IndexHealth.damaged(dir, e);
        } catch (RuntimeException e) {
            writer.rollback();
            directory.close();
            throw e;
        }
    }

    private static IndexWriterConfig writerConfig(IndexSettings settings, Analyzer analyzer) {
        return new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(settings.ramBufferBytes() / (1024.0 * 1024.0))
                // Flushed segments are soon merged; packing each into a compound file first only copies it.
                .setUseCompoundFile(false)
                .setCommitOnClose(false);
    }

    /**
     * A writer opened over index files without a readable commit would start a fresh index and delete
     * them; refuse, unless another process holds the lock (then it is only mid-way through its work).
     */
    private static void refuseDamaged(Path dir, Directory directory) throws IOException {
        try {
            IndexHealth.requireOpenable(dir, directory);
        } catch (IndexDamagedException e) {
            try (Lock probe = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                throw e;
            }
        }
    }

    private NearDuplicates loadNearDuplicates() throws IOException {
        NearDuplicates clusters = new NearDuplicates(settings.nearDuplicateThreshold(), settings.nearDuplicateWindow());
        view.readCurrent(s -> {
            clusters.load(s);
            return null;
        }, null);
        return clusters;
    }

    /**
     * Opens the index in {@code dir} for reading, without taking the write lock, so it can be used while
     * a daemon writes. A missing index reads as empty until one is created.
     */
    public static LuceneArticleIndex openReadOnly(Path dir, IndexSettings settings) {
        return new LuceneArticleIndex(dir, settings, IndexFields.analyzer(), null, IndexView.readOnly(dir),
                Clock.systemUTC());
    }

    /**
     * Whether {@code dir} holds an index (a folder with at least one commit). A folder holding index files
     * without a readable commit is not "no index": it throws {@link IndexDamagedException}, so that callers
     * report the damage and its recovery instead of an empty or missing index.
     */
    public static boolean exists(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (FSDirectory directory = FSDirectory.open(dir)) {
            IndexHealth.requireOpenable(dir, directory);
            return DirectoryReader.indexExists(directory);
        }
    }

    /**
     * Whether the index in {@code dir} was written with the current analysis and fields. An older index
     * still answers searches, but misses what the newer analysis finds (accent-free words, prefixes of
     * unstemmed words, exact phrases) until it is opened for writing, which re-indexes it.
     */
    public static boolean isCurrentSchema(Path dir) throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir)) {
            return isCurrentSchema(directory);
        }
    }

    private static boolean isCurrentSchema(Directory directory) throws IOException {
        return String.valueOf(IndexFields.SCHEMA).equals(SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA));
    }

    private static Iterable<Map.Entry<String, String>> commitData(Instant at) {
        return Map.of(COMMITTED_AT, at.toString(), SCHEMA, String.valueOf(IndexFields.SCHEMA)).entrySet();
    }

    /**
     * Re-indexes every article from its stored copy with the current analysis, keeping its story cluster
     * and signature, and commits: what an index written by an older winnow needs.
     */
    private void reindex() throws IOException {
        view.readCurrent(s -> {
            eachArticle(s, (leaf, doc, a) -> {
                SortedDocValues clusters = DocValues.getSorted(leaf, IndexFields.CLUSTER);
                BinaryDocValues signatures = DocValues.getBinary(leaf, IndexFields.MINHASH);
                String cluster = clusters.advanceExact(doc) ? clusters.lookupOrd(clusters.ordValue()).utf8ToString()
                        : NearDuplicates.ownCluster(a.url());
                int[] signature = null;
                if (signatures.advanceExact(doc)) {
                    BytesRef b = signatures.binaryValue();
                    signature = MinHash.decode(b.bytes, b.offset, b.length);
                }
                writer.updateDocument(ArticleDocuments.urlTerm(a.url()), ArticleDocuments.article(a, a.text(),
                        TitleKeys.of(a.title()), cluster, signature));
            });
            return null;
        }, null);
        writer.setLiveCommitData(commitData(clock.instant()));
        writer.commit();
        view.refresh();
    }

    public boolean isReadOnly() {
        return writer == null;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void upsert(StoredArticle article) throws IOException {
        requireWritable("upsert");
        requireWriter();
        String text = article.text();
        int[] signature = minHash.signature(text);
        String titleKey = TitleKeys.of(article.title());
        Exception failure = null;
        stageLock.readLock().lock();
        try {
            Optional<StoredArticle> moved = sameItemElsewhere(article);
            if (moved.isPresent()) {
                // The same feed item under a new URL replaces its old copy (URL churn).
                writer.deleteDocuments(ArticleDocuments.urlTerm(moved.get().url()));
            }
            String cluster = nearDuplicates.assign(article.url(), signature);
            writer.updateDocument(ArticleDocuments.urlTerm(article.url()),
                    ArticleDocuments.article(article, text, titleKey, cluster, signature));
            staged.add(article, titleKey);
        } catch (IOException | AlreadyClosedException e) {
            failure = e;
        } finally {
            stageLock.readLock().unlock();
        }
        if (failure != null) {
            throw writeFailed(failure);
        }
        if (staged.size() >= REFRESH_AFTER) {
            refreshWriterView();
        }
    }

    /** The stored copy of the same feed item (same feed and GUID) under another URL, if any. */
    private Optional<StoredArticle> sameItemElsewhere(StoredArticle a) throws IOException {
        if (a.guid() == null || a.guid().isBlank() || a.feedUrl() == null) {
            return Optional.empty();
        }
        return findByGuid(a.guid()).filter(old -> a.feedUrl().equals(old.feedUrl()) && !a.url().equals(old.url()));
    }

    @Override
    public Optional<StoredArticle> get(String url) throws IOException {
        Optional<StoredArticle> pending = staged.get(url);
        if (pending.isPresent()) {
            return pending;
        }
        return first(byUrl, ArticleDocuments.urlTerm(url));
    }

    @Override
    public Optional<StoredArticle> findByGuid(String guid) throws IOException {
        if (guid == null || guid.isBlank()) {
            return Optional.empty();
        }
        Optional<StoredArticle> pending = staged.byGuid(guid);
        if (pending.isPresent()) {
            return pending;
        }
        return first(byGuid, new Term(IndexFields.GUID, guid));
    }

    /** The live article indexed under an exact term. */
    private Optional<StoredArticle> first(ExactLookup lookup, Term term) throws IOException {
        return view.read(s -> {
            ExactLookup.Hit hit = lookup.find(s.getIndexReader(), term.bytes());
            return hit == null ? Optional.<StoredArticle>empty()
                    : Optional.of(load(hit.leaf().reader().storedFields(), hit.doc()));
        }, Optional.empty());
    }

    @Override
    public FeedStateStore feedStates() {
        return feedStates;
    }

    @Override
    public void commit() throws IOException {
        requireWritable("commit");
        requireWriter();
        stageLock.writeLock().lock();
        try {
            List<FeedState> states = feedStates.staged();
            for (FeedState s : states) {
                writer.updateDocument(ArticleDocuments.feedStateTerm(s.feedUrl()), ArticleDocuments.feedState(s));
            }
            writer.setLiveCommitData(commitData(clock.instant()));
            writer.commit();
            view.refresh();
            staged.clear();
            feedStates.clearStaged(states);
        } catch (IOException | AlreadyClosedException e) {
            throw writeFailed(e);
        } finally {
            stageLock.writeLock().unlock();
        }
    }

    /**
     * After a failed write (disk full, I/O error, a writer closed by an earlier failure): the writes
     * staged since the last commit are discarded — their feed states too, so no feed's validators move
     * past articles that were not stored — and a new writer is opened on the last commit, so the next
     * write succeeds once the cause is gone. Returns the error to throw.
     */
    private IndexWriteException writeFailed(Exception cause) {
        LOG.warn("writing the index at {} failed, reopening it on the last commit: {}", dir, cause.toString());
        reopenWriter();
        return new IndexWriteException(dir, cause);
    }

    private void reopenWriter() {
        stageLock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            try {
                writer.rollback();
            } catch (IOException | RuntimeException e) {
                // Already closed by the failure; rolling back only releases what is left.
            }
            staged.clear();
            feedStates.clearAllStaged();
            IndexWriter fresh = new IndexWriter(directory, writerConfig(settings, analyzer));
            view.useWriter(fresh);
            writer = fresh;
            nearDuplicates = loadNearDuplicates();
            writerLost = null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot reopen the index writer at {} yet: {}", dir, e.toString());
            writerLost = e instanceof IOException io ? io : new IOException(e);
        } finally {
            stageLock.writeLock().unlock();
        }
    }

    /** A write needs a live writer: one lost by an earlier failure is reopened first, or the failure repeated. */
    private void requireWriter() throws IOException {
        if (writerLost != null || !writer.isOpen()) {
            reopenWriter();
            IOException lost = writerLost;
            if (lost != null) {
                throw new IndexWriteException(dir, lost);
            }
        }
    }

    /**
     * Lets the writer's searcher see staged articles without committing them. The staged articles are
     * set aside under the lock, then the refresh (which flushes segments) runs without it, so other
     * threads keep writing meanwhile.
     */
    private void refreshWriterView() throws IOException {
        Object rotated;
        stageLock.writeLock().lock();
        try {
            rotated = staged.size() >= REFRESH_AFTER ? staged.rotate() : null;
        } finally {
            stageLock.writeLock().unlock();
        }
        if (rotated != null) {
            view.refresh();
            staged.dropRotated(rotated);
        }
    }

    @Override
    public CorpusStats corpusStats() {
        return corpusStats;
    }

    @Override
    public SearchResults search(SearchRequest request) throws IOException {
        Instant now = clock.instant();
        SearchResults results = view.read(s -> new ArticleSearch(s, analyzer, settings, now).run(request), null);
        return results != null ? results : emptySearch(request);
    }

    private SearchResults emptySearch(SearchRequest request) throws IOException {
        // Still reject a malformed query, so scripts learn of it before the first commit.
        return new ArticleSearch(new IndexSearcher(new MultiReader()), analyzer, settings,
                clock.instant()).run(request);
    }

    @Override
    public void forEach(Consumer<StoredArticle> sink) throws IOException {
        if (writer != null) {
            stageLock.writeLock().lock();
            try {
                view.refresh();
                staged.clear();
            } finally {
                stageLock.writeLock().unlock();
            }
        }
        view.read(s -> {
            eachArticle(s, (leaf, doc, a) -> sink.accept(a));
            return null;
        }, null);
    }

    @Override
    public IndexStatus status() throws IOException {
        if (!view.exists() || view.directory() == null) {
            return IndexStatus.missing(dir);
        }
        Instant lastCommit;
        try {
            String at = SegmentInfos.readLatestCommit(view.directory()).getUserData().get(COMMITTED_AT);
            lastCommit = at == null ? null : Instant.parse(at);
        } catch (IndexNotFoundException e) {
            return IndexStatus.missing(dir);
        } catch (IOException e) {
            throw IndexHealth.damaged(dir, e);
        }
        long articles = view.read(s -> (long) s.count(ARTICLES), 0L);
        long feeds = view.read(s -> (long) s.count(
                new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_FEED_STATE))), 0L);
        return new IndexStatus(articles, sizeOnDisk(), lastCommit, feeds, true, dir.toString());
    }

    private long sizeOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** What is done with each stored article, read in index order. */
    @FunctionalInterface
    private interface ArticleVisitor {
        void visit(LeafReader leaf, int doc, StoredArticle article) throws IOException;
    }

    /** Visits every live article of the searcher's index. */
    private static void eachArticle(IndexSearcher s, ArticleVisitor visitor) throws IOException {
        Weight w = s.createWeight(s.rewrite(ARTICLES), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer scorer = w.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            StoredFields stored = leaf.reader().storedFields();
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                visitor.visit(leaf.reader(), doc, load(stored, doc));
            }
        }
    }

    private static StoredArticle load(StoredFields stored, int doc) throws IOException {
        return StoredJson.article(stored.document(doc, SOURCE_ONLY).getBinaryValue(IndexFields.SOURCE).bytes);
    }

    private void requireWritable(String what) {
        if (writer == null) {
            throw new IllegalStateException("cannot " + what + ": the index at " + dir + " is open read-only");
        }
    }

    /** Closes without committing: staged writes since the last {@link #commit()} are discarded. */
    @Override
    public void close() throws IOException {
        stageLock.writeLock().lock();
        try {
            closed = true;
            view.close();
        } finally {
            stageLock.writeLock().unlock();
            if (writer != null) {
                try {
                    writer.rollback();
                } finally {
                    directory.close();
                }
            }
        }
    }
}
