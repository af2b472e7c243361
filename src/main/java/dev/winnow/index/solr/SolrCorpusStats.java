package dev.winnow.index.solr;

import dev.winnow.filter.CorpusStats;
import dev.winnow.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.client.solrj.SolrQuery;

/**
 * The collection's term statistics for the off-topic filter, each asked of Solr once and remembered until
 * this process commits (other nodes' articles shift them only slowly). Ledes and repeated lines are not
 * tracked (the interface's defaults), as in a fresh embedded index.
 */
final class SolrCorpusStats implements CorpusStats {
    private static final int MAX_CACHED = 200_000;
    private final SolrArticleIndex index;
    private final Map<String, Long> cache = new ConcurrentHashMap<>();

    SolrCorpusStats(SolrArticleIndex index) {
        this.index = index;
    }

    void invalidate() {
        cache.clear();
    }

    @Override
    public long docCount(String lang) {
        String field = IndexFields.textField(lang);
        return cached("#" + field, () -> index.count(field + ":*"));
    }

    @Override
    public long docFreq(String lang, String term) {
        String field = IndexFields.textField(lang);
        return cached(field + ':' + term, () -> {
            SolrQuery q = new SolrQuery("{!term f=" + field + " v=$t}");
            q.set("t", term);
            q.setRows(0);
            return index.query(q).getResults().getNumFound();
        });
    }

    @Override
    public boolean isKnownTitle(String titleKey, String excludeUrl) {
        if (titleKey == null || titleKey.isEmpty()) {
            return false;
        }
        if (index.hasStagedTitle(titleKey, excludeUrl)) {
            return true;
        }
        SolrQuery q = new SolrQuery(excludeUrl == null ? "{!term f=" + IndexFields.TITLE_KEY + " v=$k}"
                : "{!bool must=$key must_not=$other}");
        q.set("key", "{!term f=" + IndexFields.TITLE_KEY + " v=$k}");
        q.set("k", titleKey);
        if (excludeUrl != null) {
            q.set("other", "{!term f=" + IndexFields.URL + " v=$x}");
            q.set("x", excludeUrl);
        }
        q.setRows(0);
        try {
            return index.query(q).getResults().getNumFound() > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Count {
        long get() throws IOException;
    }

    private long cached(String key, Count count) {
        Long known = cache.get(key);
        if (known != null) {
            return known;
        }
        try {
            long n = count.get();
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, n);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
