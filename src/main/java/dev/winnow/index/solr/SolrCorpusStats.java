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
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The collection's term statistics for the off-topic filter, each asked of Solr once and remembered until
 * this process commits (other nodes' articles shift them only slowly). Ledes and repeated lines are not
 * tracked (the interface's defaults), as in a fresh embedded index.
 */
final class SolrCorpusStats implements CorpusStats {
    private static final int MAX_CACHED = 200_000;
    /** Terms asked in one request ({@link #docFreqs}): a batch's few thousand in a handful of round trips. */
    private static final int TERMS_PER_REQUEST = 250;
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

    /**
     * Every term's {@link #docFreq}, the ones not cached asked {@value #TERMS_PER_REQUEST} to a request (one
     * facet query each): a batch asks for thousands of terms after each commit, one round trip apiece took
     * seconds.
     */
    @Override
    public long[] docFreqs(String lang, List<String> terms) {
        String field = IndexFields.textField(lang);
        long[] out = new long[terms.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            Long known = cache.get(field + ':' + terms.get(i));
            if (known == null) {
                missing.add(i);
            } else {
                out[i] = known;
            }
        }
        try {
            for (int from = 0; from < missing.size(); from += TERMS_PER_REQUEST) {
                askTogether(field, terms, missing.subList(from, Math.min(missing.size(), from + TERMS_PER_REQUEST)),
                        out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private void askTogether(String field, List<String> terms, List<Integer> which, long[] out) throws IOException {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.set("facet", true);
        for (int k = 0; k < which.size(); k++) {
            p.set("t" + k, terms.get(which.get(k)));
            p.add("facet.query", "{!term f=" + field + " v=$t" + k + " key=" + k + "}");
        }
        Map<String, Integer> counts = index.query(p).getFacetQuery();
        for (int k = 0; k < which.size(); k++) {
            long n = counts == null ? 0L : counts.getOrDefault(String.valueOf(k), 0).longValue();
            int i = which.get(k);
            out[i] = n;
            remember(field + ':' + terms.get(i), n);
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
