package dev.winnow.index;

import dev.winnow.article.StoredArticle;
import dev.winnow.lang.LanguageAnalyzers;
import dev.winnow.lang.Languages;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.FixedBitSet;

/**
 * Runs one {@link SearchRequest} on a searcher: parses the query, applies the filters, ranks by BM25
 * with a title boost plus a fading recency bonus (or by date), keeps one hit per near-duplicate cluster, loads the page
 * of hits with snippets, and counts facets when asked.
 */
final class ArticleSearch {
    private static final Set<String> SOURCE_ONLY = Set.of(IndexFields.SOURCE);
    /** Matches up to which the count of stories is exact; a count costs one pass over the matches. */
    static final int STORY_COUNT_LIMIT = 5_000;
    private static final Query ARTICLES = new TermQuery(new Term(IndexFields.TYPE, IndexFields.TYPE_ARTICLE));

    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final IndexSettings settings;
    private final Instant now;

    ArticleSearch(IndexSearcher searcher, Analyzer analyzer, IndexSettings settings, Instant now) {
        this.searcher = searcher;
        this.analyzer = analyzer;
        this.settings = settings;
        this.now = now;
    }

    SearchResults run(SearchRequest r) throws IOException {
        ArticleQueries.validate(r);
        ArticleQueries queries = queries(scope(r.lang()));
        Query text = queries.parse(r.query());
        try {
            SearchResults strict = run(r, text);
            if (strict.total() > 0) {
                return withNearMisses(r, queries, text, strict);
            }
            Query relaxed = queries.parseRelaxed(r.query());
            return relaxed == null ? strict : run(r, relaxed).asPartial();
        } catch (IndexSearcher.TooManyClauses e) {
            // Wildcards or fuzzy terms over many words can expand past Lucene's clause limit: the words
            // are then read as plain text, which always gives a ranked answer.
            Query plain = queries.parseText(r.query());
            try {
                return run(r, plain);
            } catch (IndexSearcher.TooManyClauses again) {
                throw new QuerySyntaxException("query syntax error: the query expands to too many terms"
                        + " (use a longer prefix or fewer wildcards)", again);
            }
        }
    }

    /** The full matches, followed on a page they leave short by the near misses. */
    private SearchResults withNearMisses(SearchRequest r, ArticleQueries queries, Query full, SearchResults strict)
            throws IOException {
        try {
            return queries.withNearMisses(r, full, strict, this::run);
        } catch (IndexSearcher.TooManyClauses e) {
            return strict; // the full matches stand on their own
        }
    }

    private SearchResults run(SearchRequest r, Query text) throws IOException {
        Query filtered = filter(text, r);
        boolean byDate = r.sort() == SearchRequest.Sort.DATE;
        Query ranked = byDate || settings.recencyWeight() == 0 ? filtered : withRecency(filtered);
        Sort sort = byDate ? new Sort(new SortField(IndexFields.PUBLISHED, SortField.Type.LONG, true)) : null;

        int want = r.offset() + r.limit();
        int n = Math.max(1, r.allCopies() ? want : want * 2 + 10);
        Map<String, Map<String, Long>> facets = Map.of();
        TopDocs top;
        List<ScoreDoc> page;
        while (true) {
            if (!r.facets().isEmpty() && facets.isEmpty()) {
                FacetsCollectorManager.FacetsResult fr = sort == null
                        ? FacetsCollectorManager.search(searcher, ranked, n, new FacetsCollectorManager())
                        : FacetsCollectorManager.search(searcher, ranked, n, sort, true, new FacetsCollectorManager());
                top = fr.topDocs();
                facets = countFacets(fr.facetsCollector(), r.facets());
            } else {
                top = sort == null ? searcher.search(ranked, n) : searcher.search(ranked, n, sort, true);
            }
            page = r.allCopies() ? List.of(top.scoreDocs) : collapse(top.scoreDocs);
            if (page.size() >= want || top.scoreDocs.length < n) {
                break;
            }
            n *= 4;
        }
        long total = total(top, page.size(), filtered, r.allCopies());
        List<ScoreDoc> slice = page.subList(Math.min(r.offset(), page.size()), Math.min(want, page.size()));
        return new SearchResults(total, hits(slice, text), facets);
    }

    /**
     * Adds a bonus that fades with age: {@code weight · halfLife / (halfLife + age)}. A separate clause
     * rather than a multiplier, so Lucene can still skip documents that cannot reach the top hits.
     */
    private Query withRecency(Query q) {
        return new BooleanQuery.Builder()
                .add(q, BooleanClause.Occur.MUST)
                .add(LongPoint.newDistanceFeatureQuery(IndexFields.PUBLISHED, (float) settings.recencyWeight(),
                        now.toEpochMilli(), Math.max(1, settings.recencyHalfLife().toMillis())),
                        BooleanClause.Occur.SHOULD)
                .build();
    }

    /** The languages whose fields a query searches: the requested one, or every language indexed. */
    private Collection<String> scope(String lang) {
        if (lang != null && !lang.isBlank()) {
            return List.of(LanguageAnalyzers.effectiveLanguage(lang));
        }
        Set<String> langs = new TreeSet<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            for (FieldInfo fi : leaf.reader().getFieldInfos()) {
                String l = IndexFields.languageOfTextField(fi.name);
                if (l != null) {
                    langs.add(l);
                }
            }
        }
        if (langs.isEmpty()) {
            langs.add(Languages.UNKNOWN);
        }
        return langs;
    }

    private ArticleQueries queries(Collection<String> langs) {
        return new ArticleQueries(analyzer, langs, settings, ArticleQueryParser.DocFreqs.of(searcher.getIndexReader()));
    }

    private static Query filter(Query text, SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder()
                .add(text, BooleanClause.Occur.MUST)
                .add(ARTICLES, BooleanClause.Occur.FILTER);
        if (r.lang() != null && !r.lang().isBlank()) {
            b.add(new TermQuery(new Term(IndexFields.LANG, Languages.normalize(r.lang()))), BooleanClause.Occur.FILTER);
        }
        if (r.feed() != null && !r.feed().isBlank()) {
            b.add(new TermQuery(new Term(IndexFields.FEED, r.feed().strip())), BooleanClause.Occur.FILTER);
        }
        if (r.since() != null || r.until() != null) {
            long lo = r.since() == null ? Long.MIN_VALUE : r.since().toEpochMilli();
            long hi = r.until() == null ? Long.MAX_VALUE : r.until().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(IndexFields.PUBLISHED, lo, hi), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /**
     * How many matches paging can list: articles, or with copies collapsed stories (near-duplicate
     * clusters). The stories are the collapsed page itself when every match was fetched, else counted
     * in one pass over the matches' cluster ids, up to {@link #STORY_COUNT_LIMIT} matches; beyond that
     * the count of articles stands. When the top docs did not count every match, that same pass counts
     * them, rather than a count query followed by a second pass.
     */
    private long total(TopDocs top, int collapsed, Query filtered, boolean allCopies) throws IOException {
        boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        if (allCopies) {
            return exact ? top.totalHits.value : searcher.count(filtered);
        }
        if (exact && top.scoreDocs.length >= top.totalHits.value) {
            return collapsed;
        }
        if (exact && top.totalHits.value > STORY_COUNT_LIMIT) {
            return top.totalHits.value;
        }
        StoryCounter counter = new StoryCounter(ClusterOrdinals.of(searcher.getIndexReader()));
        searcher.search(filtered, counter);
        if (counter.matches <= top.scoreDocs.length) {
            return collapsed;
        }
        return counter.matches > STORY_COUNT_LIMIT ? counter.matches : counter.stories();
    }

    /**
     * Counts the matches, and while they are at most {@link #STORY_COUNT_LIMIT} the distinct clusters
     * among them plus the matches without one, by reader-wide ordinal: no cluster id is read.
     */
    private static final class StoryCounter extends SimpleCollector {
        private final ClusterOrdinals ords;
        private final FixedBitSet clusters;
        private long matches;
        private long unclustered;
        private SortedDocValues values;
        private int leaf;

        StoryCounter(ClusterOrdinals ords) {
            this.ords = ords;
            this.clusters = new FixedBitSet(Math.toIntExact(Math.max(1, ords.valueCount())));
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            values = DocValues.getSorted(context.reader(), IndexFields.CLUSTER);
            leaf = context.ord;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (++matches > STORY_COUNT_LIMIT) {
                return; // the count of articles will stand: the clusters no longer matter
            }
            if (values.advanceExact(doc)) {
                clusters.set((int) ords.globalOrd(leaf, values.ordValue()));
            } else {
                unclustered++;
            }
        }

        long stories() {
            return clusters.cardinality() + unclustered;
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** Keeps the best-ranked document of each near-duplicate cluster. */
    private List<ScoreDoc> collapse(ScoreDoc[] docs) throws IOException {
        ClusterOrdinals ords = ClusterOrdinals.of(searcher.getIndexReader());
        List<ScoreDoc> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (ScoreDoc sd : docs) {
            long cluster = ords.ordOf(sd.doc);
            if (cluster == ClusterOrdinals.NONE || seen.add(cluster)) {
                out.add(sd);
            }
        }
        return out;
    }

    private List<SearchHit> hits(List<ScoreDoc> slice, Query text) throws IOException {
        StoredFields stored = searcher.storedFields();
        StoredArticle[] articles = new StoredArticle[slice.size()];
        Map<String, List<Integer>> byLang = new LinkedHashMap<>();
        for (int i = 0; i < articles.length; i++) {
            articles[i] = StoredJson.article(stored.document(slice.get(i).doc, SOURCE_ONLY)
                    .getBinaryValue(IndexFields.SOURCE).bytes);
            byLang.computeIfAbsent(LanguageAnalyzers.effectiveLanguage(articles[i].lang()), k -> new ArrayList<>())
                    .add(i);
        }
        String[] snippets = snippets(slice, text, articles, byLang);
        ClusterOrdinals ords = ClusterOrdinals.of(searcher.getIndexReader());
        List<SearchHit> out = new ArrayList<>(articles.length);
        for (int i = 0; i < articles.length; i++) {
            StoredArticle a = articles[i];
            ScoreDoc sd = slice.get(i);
            long cluster = ords.ordOf(sd.doc);
            int copies = cluster == ClusterOrdinals.NONE ? 0 : Math.max(0, ords.liveDocs(cluster) - 1);
            out.add(new SearchHit(a.url(), a.title(), a.feedUrl(), a.site(), ArticleDocuments.date(a),
                    ArticleDocuments.language(a), Float.isNaN(sd.score) ? 0f : sd.score, snippets[i], copies));
        }
        return out;
    }

    private String[] snippets(List<ScoreDoc> slice, Query text, StoredArticle[] articles,
                              Map<String, List<Integer>> byLang) throws IOException {
        String[] out = new String[articles.length];
        Snippets snippets = new Snippets(searcher, analyzer, settings.snippetLength());
        for (Map.Entry<String, List<Integer>> group : byLang.entrySet()) {
            // The highlighter wants doc ids in increasing order.
            List<Integer> idx = new ArrayList<>(group.getValue());
            idx.sort((x, y) -> Integer.compare(slice.get(x).doc, slice.get(y).doc));
            int[] docs = idx.stream().mapToInt(i -> slice.get(i).doc).toArray();
            String[] texts = idx.stream().map(i -> articles[i].text()).toArray(String[]::new);
            String[] marked = snippets.highlight(text, group.getKey(), docs, texts);
            for (int k = 0; k < idx.size(); k++) {
                out[idx.get(k)] = marked[k];
            }
        }
        return out;
    }

    private Map<String, Map<String, Long>> countFacets(FacetsCollector fc, List<String> dims) throws IOException {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String dim : dims) {
            out.put(dim, FacetCounts.count(fc.getMatchingDocs(), dim, settings.facetValues()));
        }
        return out;
    }
}
