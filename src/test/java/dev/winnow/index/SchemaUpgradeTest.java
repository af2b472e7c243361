package dev.winnow.index;

import static dev.winnow.index.Articles.article;
import static dev.winnow.index.Articles.daysAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.article.StoredArticle;
import dev.winnow.article.TitleKeys;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index written before the current analysis is recognised, and re-indexed when opened for writing. */
class SchemaUpgradeTest {
    @TempDir
    Path dir;

    /** Writes an article the way the first schema did: stemmed fields only, no schema in the commit. */
    private void writeOldIndex(StoredArticle a) throws Exception {
        Document d = ArticleDocuments.article(a, a.text(), TitleKeys.of(a.title()), "c1", null);
        d.removeFields(IndexFields.surfaceTitleField(a.lang()));
        d.removeFields(IndexFields.surfaceTextField(a.lang()));
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(IndexFields.analyzer()))) {
            w.addDocument(d);
            w.setLiveCommitData(Map.of("winnow.committed", daysAgo(1).toString()).entrySet());
            w.commit();
        }
    }

    @Test
    void anOldIndexIsReindexedFromItsStoredCopiesWhenOpenedForWriting() throws Exception {
        StoredArticle a = article("https://news.example/chase", "en", "Importers chasing exemptions", daysAgo(1),
                "Importers are chasing exemptions as tariffs rise.");
        writeOldIndex(a);
        assertFalse(LuceneArticleIndex.isCurrentSchema(dir));
        try (LuceneArticleIndex old = LuceneArticleIndex.openReadOnly(dir, IndexSettings.defaults())) {
            assertEquals(0, old.search(SearchRequest.of("chasing*", 10)).total(), "no surface forms yet");
            assertEquals(1, old.search(SearchRequest.of("tariffs", 10)).total(), "still searchable");
        }
        try (LuceneArticleIndex writer = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            assertTrue(LuceneArticleIndex.isCurrentSchema(dir));
            assertEquals(1, writer.search(SearchRequest.of("chasing*", 10)).total());
            assertEquals(1, writer.status().articles());
        }
    }
}
