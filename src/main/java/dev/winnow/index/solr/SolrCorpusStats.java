package dev.winnow.index.solr;

import dev.winnow.filter.CorpusStats;
import dev.winnow.index.IndexFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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
    /** Title key → how many documents have it, for the keys a batch announced ({@link #prepareTitleChecks}). */
    private final Map<String, Long> titleCounts = new ConcurrentHashMap<>();

    SolrCorpusStats(SolrArticleIndex index) {
        this.index = index;
    }

    void invalidate() {
        cache.clear();
        titleCounts.clear();
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

    /**
     * Every term's {@link #docFreq}, the ones not cached asked together (a few hundred to a request,
     * {@link SolrArticleIndex#docFreqs}): a batch asks for thousands of terms after each commit, one round trip
     * apiece took seconds.
     */
    @Override
    public long[] docFreqs(String lang, List<String> terms) {
        String field = IndexFields.textField(lang);
        long[] out = new long[terms.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            Long known = cache.get(field + ':' + terms.get(i));
            if (known == null) {
                missing.add(terms.get(i));
            } else {
                out[i] = known;
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        try {
            Map<String, Long> counts = index.docFreqs(field, missing);
            for (int i = 0; i < out.length; i++) {
                Long counted = counts.get(terms.get(i));
                if (counted != null) {
                    out[i] = counted;
                    remember(field + ':' + terms.get(i), counted);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Counts the documents holding each announced title key, a few hundred keys to a request, so that
     * {@link #isKnownTitle} answers most lines without a round trip of their own.
     */
    @Override
    public void prepareTitleChecks(List<String> titleKeys) {
        List<String> keys = titleKeys.stream().filter(k -> k != null && !k.isEmpty() && !titleCounts.containsKey(k))
                .distinct().toList();
        if (titleCounts.size() + keys.size() > MAX_CACHED) {
            titleCounts.clear();
        }
        try {
            titleCounts.putAll(index.docFreqs(IndexFields.TITLE_KEY, keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isKnownTitle(String titleKey, String excludeUrl) {
        if (titleKey == null || titleKey.isEmpty()) {
            return false;
        }
        if (index.hasStagedTitle(titleKey, excludeUrl)) {
            return true;
        }
        Long holders = titleCounts.get(titleKey);
        // No document has it (nearly every line), or two do (one URL holds one document, so one of them is
        // another article): answered without a request. One holder may be the article itself: asked.
        if (holders != null && (holders == 0 || holders >= 2 || excludeUrl == null)) {
            return holders > 0;
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

    private void remember(String key, long n) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, n);
    }

    private long cached(String key, Count count) {
        Long known = cache.get(key);
        if (known != null) {
            return known;
        }
        try {
            long n = count.get();
            remember(key, n);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
