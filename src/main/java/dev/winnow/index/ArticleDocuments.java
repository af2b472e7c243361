package dev.winnow.index;

import dev.winnow.article.StoredArticle;
import dev.winnow.lang.LanguageAnalyzers;
import dev.winnow.lang.Languages;
import dev.winnow.state.FeedState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * Maps articles and feed states to Lucene documents. An article is stored once, as JSON, and indexed
 * into the fields of {@link IndexFields}; its text goes to the field of its own language only. The title
 * key is {@link dev.winnow.article.TitleKeys#of(String)} of the title.
 */
public final class ArticleDocuments {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /**
     * Surface forms keep positions, so a quoted phrase can match the words exactly as written, stop words
     * included ({@code "of making his"}).
     */
    private static final FieldType SURFACE = surfaceType();

    private ArticleDocuments() {
    }

    private static FieldType surfaceType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        t.freeze();
        return t;
    }

    static Term urlTerm(String url) {
        return new Term(IndexFields.URL, url);
    }

    static Term feedStateTerm(String feedUrl) {
        return new Term(IndexFields.FEED_STATE_ID, feedUrl);
    }

    /** The language code an article is filed under ({@code und} when unknown). */
    public static String language(StoredArticle a) {
        return Languages.normalize(a.lang());
    }

    /** The time an article is dated and sorted by: its publication, else when it was fetched. */
    public static Instant date(StoredArticle a) {
        return a.published() != null ? a.published() : a.fetched();
    }

    public static Document article(StoredArticle a, String text, String titleKey, String cluster, int[] signature) {
        Document d = new Document();
        d.add(new StringField(IndexFields.TYPE, IndexFields.TYPE_ARTICLE, Field.Store.NO));
        d.add(new StringField(IndexFields.URL, a.url(), Field.Store.NO));
        if (a.guid() != null && !a.guid().isBlank()) {
            d.add(new StringField(IndexFields.GUID, a.guid(), Field.Store.NO));
        }
        keyword(d, IndexFields.FEED, a.feedUrl());
        String lang = language(a);
        keyword(d, IndexFields.LANG, lang);
        keyword(d, IndexFields.SITE, IndexFields.site(a.site()));
        for (String author : a.authors()) {
            d.add(new TextField(IndexFields.AUTHOR, author, Field.Store.NO));
        }
        String title = LanguageAnalyzers.nfc(a.title());
        String body = LanguageAnalyzers.nfc(text);
        d.add(new TextField(IndexFields.titleField(lang), title, Field.Store.NO));
        d.add(new TextField(IndexFields.textField(lang), body, Field.Store.NO));
        d.add(new Field(IndexFields.surfaceTitleField(lang), title, SURFACE));
        d.add(new Field(IndexFields.surfaceTextField(lang), body, SURFACE));
        if (!titleKey.isEmpty()) {
            d.add(new StringField(IndexFields.TITLE_KEY, titleKey, Field.Store.NO));
        }
        Instant date = date(a);
        if (date != null) {
            long millis = date.toEpochMilli();
            d.add(new LongPoint(IndexFields.PUBLISHED, millis));
            d.add(new NumericDocValuesField(IndexFields.PUBLISHED, millis));
            keyword(d, IndexFields.DAY, DAY.format(date));
        }
        keyword(d, IndexFields.CLUSTER, cluster);
        if (signature != null) {
            d.add(new BinaryDocValuesField(IndexFields.MINHASH, new BytesRef(MinHash.encode(signature))));
        }
        d.add(new StoredField(IndexFields.SOURCE, StoredJson.article(a)));
        return d;
    }

    static Document feedState(FeedState s) {
        Document d = new Document();
        d.add(new StringField(IndexFields.TYPE, IndexFields.TYPE_FEED_STATE, Field.Store.NO));
        d.add(new StringField(IndexFields.FEED_STATE_ID, s.feedUrl(), Field.Store.NO));
        d.add(new StoredField(IndexFields.SOURCE, StoredJson.feedState(s)));
        return d;
    }

    /** An exact-match field that is also counted in facets. */
    private static void keyword(Document d, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        d.add(new StringField(field, value, Field.Store.NO));
        d.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
