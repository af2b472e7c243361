package dev.winnow.index.solr;

import dev.winnow.article.StoredArticle;
import dev.winnow.article.TitleKeys;
import dev.winnow.index.ArticleDocuments;
import dev.winnow.index.ArticleQueries;
import dev.winnow.index.ArticleQueryParser;
import dev.winnow.index.IndexFields;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.SearchHit;
import dev.winnow.index.SearchRequest;
import dev.winnow.index.SearchResults;
import dev.winnow.index.Snippets;
import dev.winnow.lang.LanguageAnalyzers;
import dev.winnow.lang.Languages;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * Runs one {@link SearchRequest} on the Solr collection as the embedded index runs it: the same reading of
 * the query ({@link ArticleQueries}, translated by {@link SolrQueryTranslator}), the same filters, BM25 with
 * the collection's exact statistics plus the same fading recency bonus (or by date), one hit per
 * near-duplicate cluster, facets counted the same way, and snippets from the same highlighter (run here on
 * the page's own articles).
 */
final class SolrSearch {
    /** Matches up to which the count of stories is exact, as in the embedded index. */
    private static final int STORY_COUNT_LIMIT = 5_000;
    private static final Analyzer ANALYZER = IndexFields.analyzer();

    private final SolrArticleIndex index;
    private final IndexSettings settings;
    private final Instant now;

    SolrSearch(SolrArticleIndex index, Instant now) {
        this.index = index;
        this.settings = index.settings();
        this.now = now;
    }

    SearchResults run(SearchRequest r) throws IOException {
        ArticleQueries.validate(r);
        ArticleQueries queries = new ArticleQueries(ANALYZER, scope(r.lang()), settings, statistics());
        Query text = queries.parse(r.query());
        SearchResults strict;
        try {
            strict = run(r, text);
        } catch (IOException e) {
            if (!tooManyClauses(e)) {
                throw e;
            }
            // As in the embedded index: wildcards expanding past the clause limit read as plain words.
            return run(r, queries.parseText(r.query()));
        }
        if (strict.total() > 0) {
            return withNearMisses(r, queries, text, strict);
        }
        Query relaxed = queries.parseRelaxed(r.query());
        return relaxed == null ? strict : run(r, relaxed).asPartial();
    }

    /** The full matches, followed on a page they leave short by the near misses, as the embedded index. */
    private SearchResults withNearMisses(SearchRequest r, ArticleQueries queries, Query full, SearchResults strict)
            throws IOException {
        try {
            return queries.withNearMisses(r, full, strict, this::run);
        } catch (IOException e) {
            if (!tooManyClauses(e)) {
                throw e;
            }
            return strict;
        }
    }

    private static boolean tooManyClauses(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("too many clauses") || m.contains("maxclausecount") || m.contains("too many boolean clauses");
    }

    /** The languages whose fields a query searches: the requested one, or every language of the articles. */
    private Collection<String> scope(String lang) throws IOException {
        if (lang != null && !lang.isBlank()) {
            return List.of(LanguageAnalyzers.effectiveLanguage(lang));
        }
        ModifiableSolrParams p = articles();
        p.set("q", "*:*");
        p.set("rows", 0);
        facet(p, IndexFields.LANG, -1);
        Set<String> langs = new TreeSet<>();
        FacetField values = index.query(p).getFacetField(IndexFields.LANG);
        if (values != null) {
            values.getValues().forEach(v -> langs.add(LanguageAnalyzers.effectiveLanguage(v.getName())));
        }
        if (langs.isEmpty()) {
            langs.add(Languages.UNKNOWN);
        }
        return langs;
    }

    /** The collection's term statistics, as the query parser asks for them. */
    private ArticleQueryParser.DocFreqs statistics() {
        return new ArticleQueryParser.DocFreqs() {
            @Override
            public Map<String, Long> of(String field, Collection<String> terms) throws IOException {
                return index.docFreqs(field, terms);
            }

            @Override
            public long docCount(String field) throws IOException {
                return index.count(field + ":*");
            }
        };
    }

    private static ModifiableSolrParams articles() {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.add("fq", "{!term f=" + IndexFields.TYPE + "}" + IndexFields.TYPE_ARTICLE);
        return p;
    }

    private void facet(ModifiableSolrParams p, String field, int limit) {
        p.set("facet", true);
        p.add("facet.field", "{!key=" + field + "}" + field);
        p.set("f." + field + ".facet.limit", limit);
        p.set("f." + field + ".facet.mincount", 1);
        p.set("f." + field + ".facet.sort", "count");
    }

    /** The query and filters, as parameters; {@code recency} adds the fading bonus of new stories. */
    private ModifiableSolrParams matching(SearchRequest r, Query text, boolean recency) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        SolrQueryTranslator t = new SolrQueryTranslator(p, "w");
        StringBuilder q = new StringBuilder("{!bool must=").append(t.add(text))
                .append(" filter=").append(t.ref("{!term f=" + IndexFields.TYPE + "}" + IndexFields.TYPE_ARTICLE));
        if (r.lang() != null && !r.lang().isBlank()) {
            q.append(" filter=").append(t.ref("{!term f=" + IndexFields.LANG + " v=" + t.ref(Languages.normalize(r.lang())) + "}"));
        }
        if (r.feed() != null && !r.feed().isBlank()) {
            q.append(" filter=").append(t.ref("{!term f=" + IndexFields.FEED + " v=" + t.ref(r.feed().strip()) + "}"));
        }
        if (r.since() != null || r.until() != null) {
            String lo = r.since() == null ? "*" : String.valueOf(r.since().toEpochMilli());
            String hi = r.until() == null ? "*" : String.valueOf(r.until().toEpochMilli() - 1);
            q.append(" filter=").append(t.ref("{!lucene}" + IndexFields.PUBLISHED + ":[" + lo + " TO " + hi + "]"));
        }
        if (recency) {
            // weight · halfLife / (halfLife + age): Lucene's distance feature, as the embedded index adds it.
            double halfLife = Math.max(1, settings.recencyHalfLife().toMillis());
            String bonus = String.format(Locale.ROOT, "{!func}if(exists(%1$s),recip(abs(ms(NOW,%1$s)),1,%2$s,%3$s),0)",
                    IndexFields.PUBLISHED, settings.recencyWeight() * halfLife, halfLife);
            q.append(" should=").append(t.ref(bonus));
            p.set("NOW", String.valueOf(now.toEpochMilli()));
        }
        p.set("q", q.append('}').toString());
        return p;
    }

    private SearchResults run(SearchRequest r, Query text) throws IOException {
        boolean byDate = r.sort() == SearchRequest.Sort.DATE;
        ModifiableSolrParams base = matching(r, text, !byDate && settings.recencyWeight() != 0);
        int want = r.offset() + r.limit();
        int n = Math.max(1, r.allCopies() ? want : want * 2 + 10);
        Map<String, Map<String, Long>> facets = Map.of();
        List<SolrDocument> top;
        List<SolrDocument> page;
        long total;
        while (true) {
            ModifiableSolrParams p = new ModifiableSolrParams(base);
            p.set("fl", "id," + IndexFields.CLUSTER + ",score");
            p.set("rows", n);
            if (byDate) {
                p.set("sort", IndexFields.PUBLISHED + " desc");
            }
            boolean countFacets = !r.facets().isEmpty() && facets.isEmpty();
            if (countFacets) {
                r.facets().forEach(dim -> facet(p, dim, settings.facetValues()));
            }
            QueryResponse response = index.query(p);
            if (countFacets) {
                facets = facets(response, r.facets());
            }
            top = new ArrayList<>(response.getResults());
            total = response.getResults().getNumFound();
            page = r.allCopies() ? top : collapse(top);
            if (page.size() >= want || top.size() < n) {
                break;
            }
            n *= 4;
        }
        if (!r.allCopies()) {
            total = stories(total, top.size(), page.size(), base);
        }
        List<SolrDocument> slice = page.subList(Math.min(r.offset(), page.size()), Math.min(want, page.size()));
        return new SearchResults(total, hits(slice, text), facets);
    }

    private static Map<String, Map<String, Long>> facets(QueryResponse response, List<String> dims) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String dim : dims) {
            Map<String, Long> counts = new LinkedHashMap<>();
            FacetField f = response.getFacetField(dim);
            if (f != null) {
                f.getValues().forEach(c -> counts.put(c.getName(), c.getCount()));
            }
            out.put(dim, counts);
        }
        return out;
    }

    private static String cluster(SolrDocument d) {
        Object c = d.getFieldValue(IndexFields.CLUSTER);
        return c == null ? null : c.toString();
    }

    /** Keeps the best-ranked document of each near-duplicate cluster. */
    private static List<SolrDocument> collapse(List<SolrDocument> docs) {
        List<SolrDocument> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SolrDocument d : docs) {
            String cluster = cluster(d);
            if (cluster == null || seen.add(cluster)) {
                out.add(d);
            }
        }
        return out;
    }

    /** How many stories match, counted as the embedded index counts them. */
    private long stories(long articles, int fetched, int collapsed, ModifiableSolrParams base) throws IOException {
        if (fetched >= articles) {
            return collapsed;
        }
        if (articles > STORY_COUNT_LIMIT) {
            return articles;
        }
        ModifiableSolrParams p = new ModifiableSolrParams(base);
        p.set("rows", 0);
        facet(p, IndexFields.CLUSTER, -1);
        FacetField clusters = index.query(p).getFacetField(IndexFields.CLUSTER);
        long clustered = 0;
        int distinct = 0;
        if (clusters != null) {
            for (FacetField.Count c : clusters.getValues()) {
                clustered += c.getCount();
                distinct++;
            }
        }
        return distinct + (articles - clustered);
    }

    private List<SearchHit> hits(List<SolrDocument> slice, Query text) throws IOException {
        List<String> ids = slice.stream().map(d -> (String) d.getFieldValue("id")).toList();
        List<SolrDocument> stored = index.byIds(ids);
        Map<String, StoredArticle> byUrl = new LinkedHashMap<>();
        for (SolrDocument d : stored) {
            StoredArticle a = SolrArticleIndex.article(d);
            byUrl.put((String) d.getFieldValue("id"), a);
        }
        List<SolrDocument> found = slice.stream().filter(d -> byUrl.containsKey((String) d.getFieldValue("id"))).toList();
        StoredArticle[] articles = found.stream().map(d -> byUrl.get((String) d.getFieldValue("id")))
                .toArray(StoredArticle[]::new);
        String[] clusters = found.stream().map(SolrSearch::cluster).toArray(String[]::new);
        String[] snippets = snippets(text, articles, clusters);
        Map<String, Long> perCluster = clusterSizes(clusters);
        List<SearchHit> out = new ArrayList<>(articles.length);
        for (int i = 0; i < articles.length; i++) {
            StoredArticle a = articles[i];
            Object score = found.get(i).getFieldValue("score");
            long copies = clusters[i] == null ? 0 : Math.max(0, perCluster.getOrDefault(clusters[i], 1L) - 1);
            out.add(new SearchHit(a.url(), a.title(), a.feedUrl(), a.site(), ArticleDocuments.date(a),
                    ArticleDocuments.language(a), score instanceof Number s ? s.floatValue() : 0f, snippets[i],
                    (int) copies));
        }
        return out;
    }

    /** How many articles hold each cluster id. */
    private Map<String, Long> clusterSizes(String[] clusters) throws IOException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String c : clusters) {
            if (c != null) {
                wanted.add(c);
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        ModifiableSolrParams p = articles();
        p.set("q", "*:*");
        p.set("rows", 0);
        p.add("fq", "{!terms f=" + IndexFields.CLUSTER + " separator=\" \"}" + String.join(" ", wanted));
        facet(p, IndexFields.CLUSTER, -1);
        FacetField f = index.query(p).getFacetField(IndexFields.CLUSTER);
        if (f != null) {
            f.getValues().forEach(c -> out.put(c.getName(), c.getCount()));
        }
        return out;
    }

    /**
     * Snippets from the embedded index's highlighter, on a small in-memory index of the page's articles
     * (indexed as the embedded index indexes them), so that they mark the same words.
     */
    private String[] snippets(Query text, StoredArticle[] articles, String[] clusters) throws IOException {
        String[] out = new String[articles.length];
        if (articles.length == 0) {
            return out;
        }
        try (Directory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(ANALYZER))) {
            for (int i = 0; i < articles.length; i++) {
                StoredArticle a = articles[i];
                w.addDocument(ArticleDocuments.article(a, a.text(), TitleKeys.of(a.title()), clusters[i], null));
            }
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                Snippets snippets = new Snippets(new IndexSearcher(reader), ANALYZER, settings.snippetLength());
                Map<String, List<Integer>> byLang = new LinkedHashMap<>();
                for (int i = 0; i < articles.length; i++) {
                    byLang.computeIfAbsent(LanguageAnalyzers.effectiveLanguage(articles[i].lang()),
                            k -> new ArrayList<>()).add(i);
                }
                for (Map.Entry<String, List<Integer>> group : byLang.entrySet()) {
                    int[] docs = group.getValue().stream().mapToInt(Integer::intValue).toArray();
                    String[] texts = group.getValue().stream().map(i -> articles[i].text()).toArray(String[]::new);
                    String[] marked = snippets.highlight(text, group.getKey(), docs, texts);
                    for (int k = 0; k < docs.length; k++) {
                        out[docs[k]] = marked[k];
                    }
                }
            }
        }
        return out;
    }
}
