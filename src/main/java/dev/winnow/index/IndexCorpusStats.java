package dev.winnow.index;

import dev.winnow.article.StoredArticle;
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
 * for many terms per article, so answers are cached until the searcher changes (at each commit).
 * Titles staged since the last refresh count as known too.
 */
final class IndexCorpusStats implements CorpusStats {
    private static final int MAX_CACHED = 200_000;
    /** About how many of the newest documents' ledes count as known ({@link #isKnownLede}). */
    private static final int RECENT_LEDES = 20_000;
    private static final int MAX_CACHED_SEGMENTS = 256;

    private final IndexView view;
    private final StagedWrites staged;
    private final Map<String, Long> cache = new ConcurrentHashMap<>();
    /** Segment core → its articles' ledes ({@link #ledesOf}). */
    private final Map<Object, Map<String, List<String[]>>> ledes = new ConcurrentHashMap<>();
    private volatile IndexReader cachedFor;

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
        return cached(t.field() + ':' + term, r -> r.docFreq(t));
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
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.TITLE_KEY, titleKey)), BooleanClause.Occur.FILTER);
        if (excludeUrl != null) {
            q.add(new TermQuery(ArticleDocuments.urlTerm(excludeUrl)), BooleanClause.Occur.MUST_NOT);
        }
        try {
            return view.readCurrent(s -> s.count(q.build()) > 0, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                StoredArticle a = json == null ? null : StoredJson.article(BytesRef.deepCopyOf(json).bytes);
                if (a == null) {
                    continue;
                }
                String titleKey = TitleKeys.of(a.title());
                String opening = Ledes.ofArticle(titleKey, a.paragraphs().stream().limit(3).map(TitleKeys::of).toList());
                if (!opening.isEmpty()) {
                    known.computeIfAbsent(opening, x -> new ArrayList<>(1)).add(new String[] {a.url(), titleKey});
                }
            }
        }
        if (ledes.size() > MAX_CACHED_SEGMENTS) {
            ledes.clear(); // segments merged away leave their entries behind; start over now and then
        }
        ledes.put(key, known);
        return known;
    }

    /** A statistic of the current reader. */
    @FunctionalInterface
    private interface Stat {
        long of(IndexReader reader) throws IOException;
    }

    private long cached(String key, Stat stat) {
        try {
            return view.readCurrent(s -> {
                IndexReader reader = s.getIndexReader();
                if (reader != cachedFor || cache.size() > MAX_CACHED) {
                    cache.clear();
                    cachedFor = reader;
                }
                Long v = cache.get(key);
                if (v == null) {
                    v = stat.of(reader);
                    cache.put(key, v);
                }
                return v;
            }, 0L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
