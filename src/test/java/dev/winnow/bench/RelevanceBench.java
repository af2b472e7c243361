package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.article.Block;
import dev.winnow.article.BlockType;
import dev.winnow.article.StoredArticle;
import dev.winnow.config.Config;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.extract.PageInput;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import dev.winnow.index.SearchHit;
import dev.winnow.index.SearchRequest;
import dev.winnow.lang.LanguageDetector;
import dev.winnow.lang.Languages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Known-item relevance: can a reader find again an article they have seen? Builds a winnow index (through
 * the index API) from the shared benchmark texts of every language, generates queries from each article's
 * own title and text ({@link KnownItemQueries}: title words, body words, the same without accents, a word in
 * its other number, a quoted phrase, a misspelt word with {@code ~}), and prints success@1, success@10 and
 * MRR@10 per query type and per language for winnow and, next to it, for a plain BM25 baseline: Lucene's
 * {@code StandardAnalyzer} over one field holding title and text, the same queries read by the classic
 * query parser (words optional, as BM25 ranks them).
 *
 * <p>Texts: the off-topic set's articles (title and own paragraphs, five languages), the English extraction
 * set's ground-truth bodies with the titles winnow extracts from their pages, and the multilingual extraction
 * set's pages as winnow extracts them (its truth holds segments, not whole texts). Queries come from two
 * seeds: the dev seed, and a held-out seed never looked at while changing search.
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=RelevanceBench [-Dbench.args="--shared DIR --seed N --held-out N
 * --misses N --title-boost B"]}
 * ({@code --title-boost} overrides {@code index.title-boost}); {@code --misses} prints that many queries where winnow's rank is not 1 and differs from the baseline's
 * ({@code --miss-type T}: of one type only), {@code --failures} prints every query whose article winnow does
 * not list in its top 10, whatever the baseline's rank, {@code --held-out -1} skips the held-out queries.
 */
public final class RelevanceBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant DATE = Instant.parse("2026-01-01T00:00:00Z");
    private static final int TOP = 10;

    /** One article of the corpus. */
    record Doc(String id, String lang, String title, List<String> paragraphs) {
        String body() {
            return String.join("\n", paragraphs);
        }
    }

    /** Hits at rank 1, in the top 10, and the sum of reciprocal ranks, over {@code n} queries. */
    static final class Score {
        int n;
        int at1;
        int at10;
        double rr;

        void add(int rank) {
            n++;
            at1 += rank == 1 ? 1 : 0;
            at10 += rank >= 1 && rank <= TOP ? 1 : 0;
            rr += rank >= 1 && rank <= TOP ? 1.0 / rank : 0;
        }

        double s1() {
            return n == 0 ? 0 : (double) at1 / n;
        }

        double s10() {
            return n == 0 ? 0 : (double) at10 / n;
        }

        double mrr() {
            return n == 0 ? 0 : rr / n;
        }
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of("../shared");
        long seed = 11;
        long heldOut = 1_000_003;
        int misses = 0;
        String missType = null;
        boolean failures = false;
        IndexSettings settings = IndexSettings.defaults();
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--failures")) {
                failures = true;
                i--;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--held-out" -> heldOut = Long.parseLong(args[i + 1]);
                case "--misses" -> misses = Integer.parseInt(args[i + 1]);
                case "--miss-type" -> missType = args[i + 1];
                case "--title-boost" -> settings = withTitleBoost(settings, Double.parseDouble(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isDirectory(shared.resolve("bench")) && Files.isDirectory(Path.of("/work/shared/bench"))) {
            shared = Path.of("/work/shared");
        }
        if (!Files.isDirectory(shared.resolve("bench"))) {
            System.out.println("RelevanceBench: no shared data at " + shared.toAbsolutePath() + "; nothing to measure");
            return;
        }
        List<Doc> docs = corpus(shared.resolve("bench"));
        Map<String, Integer> perLang = new TreeMap<>();
        docs.forEach(d -> perLang.merge(d.lang(), 1, Integer::sum));
        System.out.println("== RelevanceBench: " + docs.size() + " articles " + perLang);
        Path dir = Files.createTempDirectory("winnow-relevance");
        try (LuceneArticleIndex winnow = LuceneArticleIndex.openForWriting(dir, settings);
             Baseline baseline = new Baseline(docs)) {
            for (Doc d : docs) {
                winnow.upsert(new StoredArticle(url(d), d.id(), "https://bench.example/feed", d.title(), List.of(),
                        DATE, DATE, d.lang(), null, null, d.paragraphs(), List.of(), d.id()));
            }
            winnow.commit();
            evaluate("dev queries (seed " + seed + ")", docs, seed, winnow, baseline, misses, missType,
                    failures);
            if (heldOut >= 0) {
                evaluate("held-out queries (seed " + heldOut + ")", docs, heldOut, winnow, baseline, 0, null,
                        failures);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static IndexSettings withTitleBoost(IndexSettings d, double boost) {
        return new IndexSettings(d.ramBufferBytes(), boost, d.recencyHalfLife(), d.recencyWeight(), d.snippetLength(),
                d.defaultAnd(), d.nearDuplicateThreshold(), d.shingleWords(), d.facetValues(), d.nearDuplicateWindow());
    }

    private static String url(Doc d) {
        return "https://bench.example/" + d.id();
    }

    private static void evaluate(String label, List<Doc> docs, long seed, LuceneArticleIndex winnow,
                                 Baseline baseline, int showMisses, String missType, boolean failures)
            throws IOException {
        KnownItemQueries generator = new KnownItemQueries(seed);
        List<KnownItemQueries.KnownItem> items = new ArrayList<>();
        for (Doc d : docs) {
            items.addAll(generator.of(d.id(), d.lang(), d.title(), d.body()));
        }
        Map<String, Score[]> byType = new TreeMap<>(Comparator.comparingInt(KnownItemQueries.TYPES::indexOf));
        Map<String, Score[]> byLang = new TreeMap<>();
        Score[] all = {new Score(), new Score()};
        int shown = 0;
        long nanos = 0;
        for (KnownItemQueries.KnownItem q : items) {
            long t0 = System.nanoTime();
            int w = winnowRank(winnow, q);
            nanos += System.nanoTime() - t0;
            int b = baseline.rank(q);
            for (Score[] s : List.of(all, byType.computeIfAbsent(q.type(), k -> pair()),
                    byLang.computeIfAbsent(q.lang(), k -> pair()))) {
                s[0].add(w);
                s[1].add(b);
            }
            if (failures && (w < 1 || w > TOP)) {
                System.out.printf("  failure %-10s %s  (%s, baseline rank %d)%n", q.type(), q.query(), q.target(), b);
            } else if ((w != 1) && (missType == null || missType.equals(q.type())) && w != b && shown++ < showMisses) {
                System.out.printf("  rank %d %-10s %s  (%s, baseline rank %d)%n", w, q.type(), q.query(), q.target(), b);
            }
        }
        System.out.printf(Locale.ROOT, "%n-- %s: %d queries, winnow %.1f ms/query%n", label, items.size(),
                nanos / 1e6 / Math.max(1, items.size()));
        System.out.println("                     n   winnow s@1  s@10  MRR@10 | BM25 s@1  s@10  MRR@10");
        byType.forEach((k, s) -> print("type " + k, s));
        byLang.forEach((k, s) -> print("lang " + k, s));
        print("overall", all);
        List<String> below = new ArrayList<>();
        byType.forEach((k, s) -> belowBaseline("type " + k, s, below));
        byLang.forEach((k, s) -> belowBaseline("lang " + k, s, below));
        Score[] accents = byType.getOrDefault("no-accents", pair());
        System.out.printf(Locale.ROOT, "targets: s@10 %.3f (>= 0.99) %s, MRR@10 %.3f (>= 0.95) %s, no-accents s@10"
                        + " %.3f (>= 0.97) %s, below baseline: %s%n",
                all[0].s10(), ok(all[0].s10() >= 0.99), all[0].mrr(), ok(all[0].mrr() >= 0.95),
                accents[0].s10(), ok(accents[0].s10() >= 0.97), below.isEmpty() ? "none" : below);
    }

    private static Score[] pair() {
        return new Score[] {new Score(), new Score()};
    }

    private static String ok(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static void belowBaseline(String label, Score[] s, List<String> below) {
        if (s[0].s10() < s[1].s10() || s[0].mrr() < s[1].mrr()) {
            below.add(label);
        }
    }

    private static void print(String label, Score[] s) {
        System.out.printf(Locale.ROOT, "%-16s %5d   %.3f %.3f  %.3f  | %.3f %.3f  %.3f%n", label, s[0].n,
                s[0].s1(), s[0].s10(), s[0].mrr(), s[1].s1(), s[1].s10(), s[1].mrr());
    }

    /** The rank of the target among winnow's top 10 as a user types the query (every copy listed), or 0. */
    private static int winnowRank(LuceneArticleIndex index, KnownItemQueries.KnownItem q) throws IOException {
        List<SearchHit> hits;
        try {
            hits = index.search(new SearchRequest(q.query(), TOP, 0, null, null, null, null, null, null, true)).hits();
        } catch (RuntimeException e) {
            return 0; // a query winnow refuses is a miss
        }
        String target = "https://bench.example/" + q.target();
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).url().equals(target)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Plain BM25: StandardAnalyzer over one field holding title and text, in memory. */
    static final class Baseline implements AutoCloseable {
        private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
        private final StandardAnalyzer analyzer = new StandardAnalyzer();
        private final DirectoryReader reader;
        private final IndexSearcher searcher;

        Baseline(List<Doc> docs) throws IOException {
            try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (Doc d : docs) {
                    Document doc = new Document();
                    doc.add(new StoredField("id", d.id()));
                    doc.add(new TextField("all", d.title() + "\n" + d.body(), Field.Store.NO));
                    w.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        }

        int rank(KnownItemQueries.KnownItem q) throws IOException {
            ScoreDoc[] top;
            try {
                top = searcher.search(new QueryParser("all", analyzer).parse(q.query()), TOP).scoreDocs;
            } catch (ParseException | RuntimeException e) {
                return 0;
            }
            for (int i = 0; i < top.length; i++) {
                if (searcher.storedFields().document(top[i].doc).get("id").equals(q.target())) {
                    return i + 1;
                }
            }
            return 0;
        }

        @Override
        public void close() throws IOException {
            reader.close();
            directory.close();
        }
    }

    // ------------------------------------------------------------------------------------------ corpus

    static List<Doc> corpus(Path bench) throws IOException {
        List<Doc> docs = new ArrayList<>();
        offTopicArticles(bench.resolve("offtopic/dev.jsonl"), docs);
        ArticleExtractor extractor = new ArticleExtractor(ExtractSettings.from(Config.defaults()));
        englishExtractionSet(bench.resolve("extraction"), extractor, docs);
        multilingualExtractionSet(bench.resolve("extraction-multi"), extractor, docs);
        // The same article twice (one page in two sets) could not be told apart: the first is kept.
        Set<String> seen = new HashSet<>();
        docs.removeIf(d -> !seen.add(d.title().strip().toLowerCase(Locale.ROOT)) || d.paragraphs().isEmpty());
        return docs;
    }

    /** Title and own paragraphs (those labelled 0) of the off-topic set's articles. */
    private static void offTopicArticles(Path file, List<Doc> out) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file)) {
            JsonNode c = JSON.readTree(line);
            String title = c.path("title").asText("");
            if (title.isBlank()) {
                continue;
            }
            List<String> own = new ArrayList<>();
            for (int i = 0; i < c.get("paragraphs").size(); i++) {
                if (c.get("labels").get(i).asInt() == 0) {
                    own.add(c.get("paragraphs").get(i).asText());
                }
            }
            out.add(new Doc("offtopic-" + c.get("id").asText(), c.get("lang").asText(), title, own));
        }
    }

    /** The English set: ground-truth bodies, titles as winnow extracts them. */
    private static void englishExtractionSet(Path dir, ArticleExtractor extractor, List<Doc> out) throws IOException {
        if (!Files.exists(dir.resolve("truth.json"))) {
            return;
        }
        JsonNode truth = JSON.readTree(dir.resolve("truth.json").toFile());
        LanguageDetector detector = new LanguageDetector();
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            ExtractedArticle a = extractor.extract(new PageInput(gunzip(dir.resolve("pages/" + id + ".html.gz")),
                    truth.get(id).path("url").asText(), null));
            List<String> body = truth.get(id).path("articleBody").asText("").lines().filter(l -> !l.isBlank()).toList();
            String lang = Languages.normalize(detector.detect(String.join(" ", body)));
            if (a.title() != null && !a.title().isBlank()) {
                out.add(new Doc("extraction-" + id.substring(0, 16), Languages.isKnown(lang) ? lang : "en",
                        a.title(), body));
            }
        }
    }

    /** The multilingual set: titles and bodies as winnow extracts them, in the page's declared language. */
    private static void multilingualExtractionSet(Path dir, ArticleExtractor extractor, List<Doc> out)
            throws IOException {
        if (!Files.exists(dir.resolve("truth.json"))) {
            return;
        }
        JsonNode truth = JSON.readTree(dir.resolve("truth.json").toFile());
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            ExtractedArticle a = extractor.extract(new PageInput(gunzip(dir.resolve("pages/" + id + ".html.gz")),
                    truth.get(id).path("url").asText(), null));
            List<String> body = a.blocks().stream().filter(b -> b.type() != BlockType.CAPTION).map(Block::text).toList();
            if (a.title() != null && !a.title().isBlank()) {
                out.add(new Doc("multi-" + id.substring(0, 16), truth.get(id).path("lang").asText(), a.title(), body));
            }
        }
    }

    private static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }
}
