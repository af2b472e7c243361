package dev.winnow.index;

import static dev.winnow.index.Articles.FEED_ES;
import static dev.winnow.index.Articles.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.state.FeedState;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk loses nothing committed and heals when space returns; damaged index files are never overwritten. */
class IndexFailuresTest {
    @TempDir
    Path dir;

    private final IndexSettings settings = IndexSettings.defaults();

    private static FeedState polled(String etag) {
        return new FeedState(FEED_ES, etag, null, null, "ok", null, null, 0, 0);
    }

    @Test
    void fullDiskSaysSoKeepsWhatWasCommittedAndHealsWhenSpaceReturns() throws Exception {
        FullDiskDirectory[] disk = new FullDiskDirectory[1];
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings,
                d -> disk[0] = new FullDiskDirectory(FSDirectory.open(d)))) {
            index.upsert(story(1));
            index.feedStates().put(polled("e1"));
            index.commit();

            disk[0].fill();
            IndexWriteException e = assertThrows(IndexWriteException.class, () -> {
                index.upsert(story(2));
                index.feedStates().put(polled("e2"));
                index.commit();
            });
            assertTrue(e.noSpace());
            assertTrue(e.getMessage().startsWith("no space left on " + dir), e.getMessage());
            assertTrue(index.get(story(1).url()).isPresent(), "committed article still readable");
            assertEquals("e1", index.feedStates().get(FEED_ES).orElseThrow().etag(), "failed state discarded");

            disk[0].free();
            index.upsert(story(3));
            index.commit();
            assertTrue(index.get(story(3).url()).isPresent(), "writes work again once space returns");
            assertTrue(index.get(story(2).url()).isEmpty(), "the failed write left nothing half-stored");
        }
        try (LuceneArticleIndex reader = LuceneArticleIndex.openReadOnly(dir, settings)) {
            assertEquals(2, reader.status().articles());
            assertEquals("e1", reader.feedStates().get(FEED_ES).orElseThrow().etag());
        }
    }

    @Test
    void missingCommitPointIsRefusedAndTheSegmentsAreKept() throws Exception {
        writeTwoStories();
        deleteFiles(name -> name.startsWith("segments_"));
        List<String> before = files();

        IndexDamagedException write = assertThrows(IndexDamagedException.class,
                () -> LuceneArticleIndex.openForWriting(dir, settings));
        assertTrue(write.getMessage().contains("segments_N file is missing"), write.getMessage());
        assertTrue(write.getMessage().contains("winnow index repair"), write.getMessage());
        try (LuceneArticleIndex reader = LuceneArticleIndex.openReadOnly(dir, settings)) {
            assertThrows(IndexDamagedException.class, reader::status);
            assertThrows(IndexDamagedException.class, () -> reader.forEach(a -> { }));
        }
        assertEquals(before, files(), "no file deleted or added");
    }

    @Test
    void damagedSegmentFileIsNamedInPlainWords() throws Exception {
        writeTwoStories();
        Path stored = files().stream().filter(n -> n.endsWith(".fdt")).map(dir::resolve).findFirst().orElseThrow();
        try (RandomAccessFile f = new RandomAccessFile(stored.toFile(), "rw")) {
            f.seek(f.length() - 12);
            f.write(new byte[] {1, 2, 3, 4});
        }
        IndexDamagedException e = assertThrows(IndexDamagedException.class,
                () -> LuceneArticleIndex.openForWriting(dir, settings).close());
        assertTrue(e.getMessage().contains("is damaged: a file is corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains("winnow index check"), e.getMessage());
    }

    @Test
    void truncatedCommitPointOrSegmentIsRefusedAndKept() throws Exception {
        writeTwoStories();
        for (String suffix : List.of(".fdt", "segments_")) {
            Path file = files().stream().filter(n -> n.endsWith(suffix) || n.startsWith(suffix)).map(dir::resolve)
                    .findFirst().orElseThrow();
            byte[] whole = Files.readAllBytes(file);
            Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
            List<String> before = files();
            IndexDamagedException e = assertThrows(IndexDamagedException.class,
                    () -> LuceneArticleIndex.openForWriting(dir, settings).close());
            assertTrue(e.getMessage().contains("winnow index repair"), suffix + ": " + e.getMessage());
            assertEquals(before, files(), suffix + ": nothing deleted");
            Files.write(file, whole);
        }
    }

    private void writeTwoStories() throws IOException {
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            index.upsert(story(1));
            index.upsert(story(2));
            index.feedStates().put(polled("e1"));
            index.commit();
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("write.lock")).sorted().toList();
        }
    }

    private void deleteFiles(java.util.function.Predicate<String> which) throws IOException {
        for (String name : files()) {
            if (which.test(name)) {
                Files.delete(dir.resolve(name));
            }
        }
    }
}
