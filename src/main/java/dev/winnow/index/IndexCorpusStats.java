package dev.winnow.index;

import dev.winnow.filter.CorpusStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;

/**
 * The off-topic filter's view of the corpus, read from the index's own term statistics. The filter asks
 * for many terms per article, so answers are cached until the searcher changes (at each commit).
 * Titles staged since the last refresh count as known too.
 */
final class IndexCorpusStats implements CorpusStats {
    private static final int MAX_CACHED = 200_000;

    private final IndexView view;
    private final StagedWrites staged;
    private final Map<String, Long> cache = new ConcurrentHashMap<>();
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
