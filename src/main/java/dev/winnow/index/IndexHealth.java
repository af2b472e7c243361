package dev.winnow.index;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * Tells an index folder that is empty or readable from one that holds index files winnow cannot open,
 * and turns Lucene's low-level failures into what is wrong in words. Opening a writer over such a folder
 * would start a fresh index and delete the old segments, so callers refuse instead.
 */
final class IndexHealth {
    private IndexHealth() {
    }

    /** Whether any of the files is a Lucene index file (a commit point or a segment's file). */
    static boolean holdsIndexFiles(String[] files) {
        return Arrays.stream(files).anyMatch(IndexHealth::isIndexFile);
    }

    static boolean isIndexFile(String name) {
        return name.startsWith(IndexFileNames.SEGMENTS + "_") || IndexFileNames.CODEC_FILE_PATTERN.matcher(name).matches();
    }

    /**
     * Returns normally when the folder holds no index files, or a commit point that reads; otherwise
     * throws {@link IndexDamagedException} saying what is wrong.
     */
    static void requireOpenable(Path dir, Directory directory) throws IOException {
        if (!holdsIndexFiles(directory.listAll())) {
            return;
        }
        try {
            SegmentInfos.readLatestCommit(directory);
        } catch (IOException e) {
            throw damaged(dir, e);
        }
    }

    /** The failure as a damaged-index error when it is one; otherwise the failure itself. */
    static IOException damaged(Path dir, IOException e) {
        String what = describe(e);
        return what == null ? e : new IndexDamagedException(dir, what, e);
    }

    /** What is wrong, in words, when the failure says the index files are damaged; null otherwise. */
    static String describe(Throwable e) {
        if (e instanceof IndexNotFoundException) {
            return "it holds index files but no commit point (the segments_N file is missing)";
        }
        if (e instanceof CorruptIndexException c) {
            return "a file is corrupt (" + c.getOriginalMessage() + " in " + c.getResourceDescription() + ")";
        }
        if (e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
            return "it was written by an incompatible version (" + e.getMessage() + ")";
        }
        if (e instanceof EOFException) {
            return "a file is truncated (" + e.getMessage() + ")";
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return "a file the last commit needs is missing (" + e.getMessage() + ")";
        }
        return null;
    }
}
