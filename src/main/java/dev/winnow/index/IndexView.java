package dev.winnow.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The searcher an index instance reads through. A writer's view is near-real-time on its own writer and
 * is refreshed when the writer asks; a read-only view follows the commits other processes make, and
 * copes with an index that does not exist yet.
 */
final class IndexView implements Closeable {
    /** Work done with a searcher that stays open for the duration of the call. */
    @FunctionalInterface
    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final Path dir;
    private final boolean followCommits;
    private Directory directory;
    private volatile SearcherManager manager;
    /** The commit generation a read-only view last opened. */
    private volatile long generation = -1;

    private IndexView(Path dir, Directory directory, SearcherManager manager, boolean followCommits) {
        this.dir = dir;
        this.directory = directory;
        this.manager = manager;
        this.followCommits = followCommits;
    }

    static IndexView ofWriter(Path dir, IndexWriter writer) throws IOException {
        return new IndexView(dir, writer.getDirectory(), openManager(dir, writer), false);
    }

    /** Follows a new writer of the same directory, after the old one was rolled back and replaced. */
    synchronized void useWriter(IndexWriter writer) throws IOException {
        SearcherManager old = manager;
        manager = openManager(dir, writer);
        if (old != null) {
            try {
                old.close();
            } catch (IOException | RuntimeException e) {
                // The old writer is gone; its searchers hold nothing worth keeping.
            }
        }
    }

    private static SearcherManager openManager(Path dir, IndexWriter writer) throws IOException {
        try {
            return new SearcherManager(writer, null);
        } catch (IOException e) {
            throw IndexHealth.damaged(dir, e);
        }
    }

    static IndexView readOnly(Path dir) {
        return new IndexView(dir, null, null, true);
    }

    /** Runs {@code work} on the current searcher, first picking up new commits in a read-only view. */
    <T> T read(SearcherFunction<T> work, T whenNoIndex) throws IOException {
        if (followCommits && (manager == null || newCommitOnDisk())) {
            refresh();
        }
        return readCurrent(work, whenNoIndex);
    }

    /** Runs {@code work} on the searcher as it is, without looking for new commits. */
    <T> T readCurrent(SearcherFunction<T> work, T whenNoIndex) throws IOException {
        SearcherManager m = manager;
        if (m == null) {
            return whenNoIndex;
        }
        IndexSearcher s = m.acquire();
        try {
            return work.apply(s);
        } finally {
            m.release(s);
        }
    }

    /** Makes the view current: the writer's latest changes, or the latest commit on disk. */
    synchronized void refresh() throws IOException {
        try {
            if (manager == null) {
                openIfPresent();
            } else {
                manager.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw IndexHealth.damaged(dir, e);
        }
        if (followCommits && manager != null) {
            IndexSearcher s = manager.acquire();
            try {
                generation = ((DirectoryReader) s.getIndexReader()).getIndexCommit().getGeneration();
            } finally {
                manager.release(s);
            }
        }
    }

    /**
     * Whether a commit newer than the one read has appeared: one directory listing, cheaper than the
     * reader's own check (which reads the latest commit file) on every search.
     */
    private boolean newCommitOnDisk() throws IOException {
        return SegmentInfos.getLastCommitGeneration(directory.listAll()) != generation;
    }

    boolean exists() throws IOException {
        if (manager == null && followCommits) {
            refresh();
        }
        return manager != null;
    }

    /** The directory, or null when a read-only view has found no index yet. */
    Directory directory() {
        return directory;
    }

    Path path() {
        return dir;
    }

    private void openIfPresent() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        if (directory == null) {
            directory = FSDirectory.open(dir);
        }
        if (DirectoryReader.indexExists(directory)) {
            manager = new SearcherManager(directory, null);
        } else if (IndexHealth.holdsIndexFiles(directory.listAll())) {
            // Segments without a commit point: reading it as empty would hide the articles it holds.
            throw IndexHealth.damaged(dir, new org.apache.lucene.index.IndexNotFoundException("no segments_N file in " + dir));
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (manager != null) {
            manager.close();
            manager = null;
        }
        if (followCommits && directory != null) {
            directory.close();
        }
    }
}
