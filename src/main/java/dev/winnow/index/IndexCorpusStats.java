package dev.winnow.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.winnow.article.TitleKeys;
import dev.winnow.filter.CorpusStats;
import dev.winnow.filter.Ledes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The off-topic filter's view of the corpus, read from the index's own term statistics. The filter asks
 * for many terms per article, so answers are cached until the searcher changes (at each commit), and each
 * segment's answers while the segment lives ({@link SegmentFacts}).
 * Titles staged since the last refresh count as known too.
 */
final class IndexCorpusStats implements CorpusStats {
    private static final int MAX_CACHED = 200_000;
    /**
     * About how many of the newest documents' ledes count as known ({@link #isKnownLede}): a few days of a
     * large subscription list. Reading them costs about 50 ms per thousand on first use in a process (the
     * stored copies are read whole), and again only for new segments.
     */
    private static final int RECENT_LEDES = 5_000;
    private static final int MAX_CACHED_SEGMENTS = 256;
    /** Body lines read for a stored article's lede: the first line may repeat the title. */
    private static final int LEDE_LINES = 3;
    private static final JsonFactory JSON = new JsonFactory();

    private final IndexView view;
    private final StagedWrites staged;
    private volatile ReaderStats cache = new ReaderStats(null, new ConcurrentHashMap<>());
    /** Per segment: document frequencies and title keys, kept across commits ({@link SegmentFacts}). */
    private final SegmentFacts segments = new SegmentFacts();
    /** Segment core → its articles' ledes ({@link #ledesOf}). */
    private final Map<Object, Map<String, List<String[]>>> ledes = new ConcurrentHashMap<>();

    IndexCorpusStats(IndexView view, StagedWrites staged) {
        this.view = view;
        this.staged = staged;
    }

    @Override
    public long docCount(String lang) {
        String field = IndexFields.textField(lang);
        return cached("#" + field, r -> r.getDocCount(field));
    }

    @Override
    public long docFreq(String lang, String term) {
        Term t = new Term(IndexFields.textField(lang), term);
        return cached(t.field() + ':' + term, r -> segments.docFreq(r, t));
    }

    /**
     * Every term's {@link #docFreq} from one reader, segment by segment: the segments' own caches serve
     * them, so the per-reader cache of single answers is left out.
     */
    @Override
    public long[] docFreqs(String lang, List<String> terms) {
        String field = IndexFields.textField(lang);
        try {
            return view.readCurrent(s -> segments.docFreqs(s.getIndexReader(), field, terms), new long[terms.size()]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // lineDocFreq stays at the interface's default 0: syndicated copies of a story share every line, so
    // counting lines across the index would mark whole articles as boilerplate.

    @Override
    public boolean isKnownTitle(String titleKey, String excludeUrl) {
        if (titleKey == null || titleKey.isEmpty()) {
            return false;
        }
        if (staged != null && staged.hasTitle(titleKey, excludeUrl)) {
            return true;
        }
        try {
            // Nearly every line asked about is no title: the segments' fingerprints say so without a query.
            return view.readCurrent(s -> segments.mayHoldTitle(s.getIndexReader(), titleKey)
                    && s.count(titleQuery(titleKey, excludeUrl)) > 0, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BooleanQuery titleQuery(String titleKey, String excludeUrl) {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.TITLE_KEY, titleKey)), BooleanClause.Occur.FILTER);
        if (excludeUrl != null) {
            q.add(new TermQuery(ArticleDocuments.urlTerm(excludeUrl)), BooleanClause.Occur.MUST_NOT);
        }
        return q.build();
    }

    /**
     * Whether one of the index's recent articles (the segments holding about its newest
     * {@value #RECENT_LEDES} documents), other than {@code excludeUrl} and not a copy of the same story,
     * opens its body with this opening: in the daemon, the strongest evidence that a line is another
     * story's lede. Each segment's ledes are read once, from the stored articles, and kept while the
     * segment lives.
     */
    @Override
    public boolean isKnownLede(String opening, String excludeUrl, String ownTitleKey) {
        if (opening == null || opening.isEmpty()) {
            return false;
        }
        try {
            return view.readCurrent(s -> {
                List<LeafReaderContext> leaves = s.getIndexReader().leaves();
                long budget = RECENT_LEDES;
                for (int k = leaves.size() - 1; k >= 0 && budget > 0; k--) {
                    LeafReader leaf = leaves.get(k).reader();
                    budget -= leaf.maxDoc();
                    for (String[] owner : ledesOf(leaf).getOrDefault(opening, List.of())) {
                        if (!owner[0].equals(excludeUrl) && (ownTitleKey.isEmpty() || !owner[1].equals(ownTitleKey))) {
                            return true;
                        }
                    }
                }
                return false;
            }, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lede opening → [url, title key] of the segment's articles opening so; read once per segment. */
    private Map<String, List<String[]>> ledesOf(LeafReader leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
        Object key = helper == null ? leaf : helper.getKey();
        Map<String, List<String[]>> known = ledes.get(key);
        if (known != null) {
            return known;
        }
        known = new HashMap<>();
        PostingsEnum articles = leaf.postings(new Term(IndexFields.TYPE, IndexFields.TYPE_ARTICLE));
        if (articles != null) {
            StoredFields stored = leaf.storedFields();
            Set<String> source = Set.of(IndexFields.SOURCE);
            for (int doc = articles.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = articles.nextDoc()) {
                BytesRef json = stored.document(doc, source).getBinaryValue(IndexFields.SOURCE);
                String[] opening = json == null ? null : opening(json);
                if (opening != null) {
                    known.computeIfAbsent(opening[2], x -> new ArrayList<>(1)).add(new String[] {opening[0], opening[1]});
                }
            }
        }
        if (ledes.size() > MAX_CACHED_SEGMENTS) {
            ledes.clear(); // segments merged away leave their entries behind; start over now and then
        }
        ledes.put(key, known);
        return known;
    }

    /**
     * [url, title key, lede opening] of a stored article, or null when it has no opening. Read with a
     * streaming parser that stops after the first body lines: this runs over every recent article once.
     */
    private static String[] opening(BytesRef json) throws IOException {
        String url = null;
        String title = null;
        List<String> first = new ArrayList<>(LEDE_LINES);
        try (JsonParser p = JSON.createParser(json.bytes, json.offset, json.length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME && (url == null || title == null || first.isEmpty())) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if (field.equals("url") && value == JsonToken.VALUE_STRING) {
                    url = p.getText();
                } else if (field.equals("title") && value == JsonToken.VALUE_STRING) {
                    title = p.getText();
                } else if (field.equals("paragraphs") && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        if (first.size() < LEDE_LINES) {
                            first.add(TitleKeys.of(p.getText()));
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        String titleKey = TitleKeys.of(title);
        String opening = Ledes.ofArticle(titleKey, first);
        return url == null || opening.isEmpty() ? null : new String[] {url, titleKey, opening};
    }

    /** A statistic of the current reader. */
    @FunctionalInterface
    private interface Stat {
        long of(IndexReader reader) throws IOException;
    }

    /**
     * Answers read from one reader. Replaced whole, never cleared in place, when the searcher changes: a
     * thread still on the older reader then writes into that reader's map, not into the newer one.
     */
    private record ReaderStats(IndexReader reader, Map<String, Long> values) {
    }

    private long cached(String key, Stat stat) {
        try {
            return view.readCurrent(s -> {
                IndexReader reader = s.getIndexReader();
                ReaderStats stats = cache;
                if (stats.reader() != reader || stats.values().size() > MAX_CACHED) {
                    stats = new ReaderStats(reader, new ConcurrentHashMap<>());
                    cache = stats;
                }
                Long v = stats.values().get(key);
                if (v == null) {
                    v = stat.of(reader);
                    stats.values().put(key, v);
                }
                return v;
            }, 0L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
