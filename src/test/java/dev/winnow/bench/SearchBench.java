package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.article.StoredArticle;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import dev.winnow.index.SearchRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Search benchmark: builds an index of recombined real news paragraphs (default 200,000 articles) in a
 * temporary folder, then measures indexing throughput, index size per article and warm single-thread
 * query latency over a mix of term, phrase, boolean, fielded, filtered, faceted and date-sorted queries.
 *
 * <p>Arguments ({@code -Dbench.args="..."}): {@code articles=N}, {@code threads=T} (indexing threads),
 * {@code queries=Q}, {@code data=DIR} (default ../shared/bench), {@code keep=DIR} (index folder to keep).
 */
public final class SearchBench {
    private static final int FEEDS_PER_LANG = 25;
    private static final double SYNDICATED_SHARE = 0.03;
    private static final int SYNDICATION_SPREAD = 3_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final Map<String, List<String>> paragraphs;
    private final List<String> langs;
    private final Instant now = Instant.now();

    private SearchBench(Map<String, List<String>> paragraphs) {
        this.paragraphs = paragraphs;
        this.langs = new ArrayList<>(paragraphs.keySet());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                opts.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        int articles = Integer.parseInt(opts.getOrDefault("articles", "200000"));
        int threads = Integer.parseInt(opts.getOrDefault("threads", "1"));
        int queries = Integer.parseInt(opts.getOrDefault("queries", "3000"));
        Path data = Path.of(opts.getOrDefault("data", "../shared/bench"));
        Map<String, List<String>> paragraphs = loadParagraphs(data);
        if (paragraphs.isEmpty()) {
            System.out.println("no paragraphs found under " + data.toAbsolutePath() + "; nothing to measure");
            return;
        }
        System.out.printf("paragraph pool: %s%n", describe(paragraphs));
        Path dir = opts.containsKey("keep") ? Path.of(opts.get("keep")) : Files.createTempDirectory("winnow-bench");
        try {
            new SearchBench(paragraphs).run(dir, articles, threads, queries);
        } finally {
            if (!opts.containsKey("keep")) {
                deleteTree(dir);
            }
        }
    }

    private void run(Path dir, int articles, int threads, int queries) throws Exception {
        IndexSettings settings = IndexSettings.defaults();
        // Build articles ahead of the clock, so the figure is the index's alone.
        long t0 = System.nanoTime();
        List<StoredArticle> all = new ArrayList<>(articles);
        Random rnd = new Random(42);
        for (int i = 0; i < articles; i++) {
            // A syndicated copy follows its original within the next few thousand articles, as in a real feed set.
            all.add(i > 100 && rnd.nextDouble() < SYNDICATED_SHARE
                    ? syndicate(all.get(i - 1 - rnd.nextInt(Math.min(i, SYNDICATION_SPREAD))), i, rnd)
                    : article(i, rnd));
        }
        System.out.printf("generated %,d articles in %.1f s (avg %.0f chars of text)%n", articles,
                (System.nanoTime() - t0) / 1e9, all.stream().mapToInt(a -> a.text().length()).average().orElse(0));

        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, settings)) {
            long start = System.nanoTime();
            long cpuStart = OS.getProcessCpuTime();
            long indexingCpu = index(index, all, threads);
            index.commit();
            double secs = (System.nanoTime() - start) / 1e9;
            double cpu = (OS.getProcessCpuTime() - cpuStart) / 1e9;
            System.out.printf("indexing alone: %,d articles in %.1f s wall = %,.0f articles/s (%d thread%s, incl."
                    + " near-dup clustering, merges and final commit)%n", articles, secs, articles / secs, threads,
                    threads == 1 ? "" : "s");
            System.out.printf("  process CPU %.1f s = %,.0f articles per CPU-second; %d cores, load average %.1f"
                    + " (other processes share them)%n", cpu, articles / cpu,
                    Runtime.getRuntime().availableProcessors(), OS.getSystemLoadAverage());
            System.out.printf("  indexing threads' own CPU %.1f s = %,.0f articles per CPU-second per thread"
                    + " (the rest is JIT, GC, merges and flushes)%n", indexingCpu / 1e9, articles / (indexingCpu / 1e9));
        }
        long bytes = size(dir);
        System.out.printf("index size: %,.1f MB = %,.0f bytes/article%n", bytes / 1e6, bytes / (double) articles);
        all = null;

        try (LuceneArticleIndex reader = LuceneArticleIndex.openReadOnly(dir, settings)) {
            List<Named> mix = queryMix(queries + queries / 3, new Random(7));
            for (Named q : mix.subList(0, queries / 3)) {
                reader.search(q.request); // warm-up
            }
            Map<String, List<Long>> byKind = new LinkedHashMap<>();
            Map<String, List<Long>> cpuByKind = new LinkedHashMap<>();
            List<Long> overall = new ArrayList<>();
            List<Long> overallCpu = new ArrayList<>();
            long hits = 0;
            for (Named q : mix.subList(queries / 3, mix.size())) {
                long c = THREADS.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                hits += reader.search(q.request).hits().size();
                long took = System.nanoTime() - s;
                long cpu = THREADS.getCurrentThreadCpuTime() - c;
                overallCpu.add(cpu);
                cpuByKind.computeIfAbsent(q.kind, k -> new ArrayList<>()).add(cpu);
                overall.add(took);
                byKind.computeIfAbsent(q.kind, k -> new ArrayList<>()).add(took);
            }
            System.out.printf("queries: %,d warm, single thread, limit 10 with snippets (avg %.1f hits/page)%n",
                    overall.size(), hits / (double) overall.size());
            System.out.printf("  %-10s p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (wall)%n", "ALL",
                    pct(overall, 50), pct(overall, 99), pct(overall, 100));
            System.out.printf("  %-10s p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (thread CPU)%n", "ALL",
                    pct(overallCpu, 50), pct(overallCpu, 99), pct(overallCpu, 100));
            byKind.forEach((k, v) -> System.out.printf("  %-10s p50 %6.2f ms  p99 %6.2f ms  wall;"
                    + "  p50 %5.2f ms  p99 %5.2f ms  CPU  (n=%d)%n", k, pct(v, 50), pct(v, 99),
                    pct(cpuByKind.get(k), 50), pct(cpuByKind.get(k), 99), v.size()));
        }
    }

    /** Upserts every article on {@code threads} threads; returns the CPU nanoseconds those threads used. */
    private static long index(LuceneArticleIndex index, List<StoredArticle> all, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    for (int i = first; i < all.size(); i += threads) {
                        index.upsert(all.get(i));
                    }
                    return THREADS.getCurrentThreadCpuTime() - cpu;
                }));
            }
            long cpu = 0;
            for (Future<Long> f : futures) {
                cpu += f.get();
            }
            return cpu;
        } finally {
            pool.shutdown();
        }
    }

    private StoredArticle article(int i, Random rnd) {
        String lang = langs.get(rnd.nextInt(langs.size()));
        List<String> pool = paragraphs.get(lang);
        int n = 3 + rnd.nextInt(6);
        List<String> body = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            body.add(pool.get(rnd.nextInt(pool.size())));
        }
        String title = words(pool.get(rnd.nextInt(pool.size())), 6 + rnd.nextInt(6));
        int feed = rnd.nextInt(FEEDS_PER_LANG);
        String site = "site" + feed + "-" + lang + ".example";
        Instant published = now.minusSeconds((long) (rnd.nextDouble() * 365 * 86_400));
        String url = "https://" + site + "/news/" + i;
        return new StoredArticle(url, "guid-" + i, "https://" + site + "/feed", title, List.of("Author " + feed),
                published, published.plusSeconds(600), lang, site, null, body, List.of(), Integer.toHexString(i));
    }

    private StoredArticle syndicate(StoredArticle a, int i, Random rnd) {
        int feed = rnd.nextInt(FEEDS_PER_LANG);
        String site = "site" + feed + "-" + a.lang() + ".example";
        return new StoredArticle("https://" + site + "/copy/" + i, "guid-" + i, "https://" + site + "/feed", a.title(),
                a.authors(), a.published(), a.fetched(), a.lang(), site, null, a.paragraphs(), List.of(), a.contentHash());
    }

    private record Named(String kind, SearchRequest request) {
    }

    private List<Named> queryMix(int count, Random rnd) {
        List<Named> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String lang = langs.get(rnd.nextInt(langs.size()));
            List<String> pool = paragraphs.get(lang);
            String[] w = pool.get(rnd.nextInt(pool.size())).split("[^\\p{L}]+");
            String a = word(w, rnd);
            String b = word(w, rnd);
            out.add(switch (i % 8) {
                case 0 -> new Named("term", SearchRequest.of(a, 10));
                case 1 -> new Named("boolean", SearchRequest.of(a + " " + b, 10));
                case 2 -> new Named("or-not", SearchRequest.of("(" + a + " OR " + b + ") -" + word(w, rnd), 10));
                case 3 -> new Named("phrase", SearchRequest.of("\"" + phrase(w, rnd) + "\"", 10));
                case 4 -> new Named("filtered", new SearchRequest(a, 10, 0, lang, null, now.minusSeconds(30 * 86_400L),
                        null, null, null, false));
                case 5 -> new Named("faceted", new SearchRequest(a, 10, 0, null, null, null, null, null,
                        List.of("feed", "lang", "site", "day"), false));
                case 6 -> new Named("date-sort", new SearchRequest(a, 10, 0, null, null, null, null,
                        SearchRequest.Sort.DATE, null, false));
                default -> new Named("title", SearchRequest.of("title:" + a + " " + b + "*", 10));
            });
        }
        return out;
    }

    private static String word(String[] words, Random rnd) {
        for (int tries = 0; tries < 20; tries++) {
            String w = words[rnd.nextInt(words.length)];
            if (w.length() >= 5) {
                return w.toLowerCase();
            }
        }
        return "gobierno";
    }

    private static String phrase(String[] words, Random rnd) {
        List<String> real = Arrays.stream(words).filter(s -> !s.isEmpty()).toList();
        if (real.size() < 3) {
            return String.join(" ", real);
        }
        int at = rnd.nextInt(real.size() - 2);
        return String.join(" ", real.subList(at, at + 2 + rnd.nextInt(2)));
    }

    private static String words(String text, int n) {
        String[] w = text.split("\\s+");
        return String.join(" ", Arrays.asList(w).subList(0, Math.min(n, w.length)));
    }

    private static double pct(List<Long> nanos, int p) {
        long[] v = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int i = Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1);
        return v[Math.max(0, i)] / 1e6;
    }

    /** Paragraphs of the public benchmark data, by language: off-topic set and extraction truth. */
    private static Map<String, List<String>> loadParagraphs(Path data) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ObjectMapper json = new ObjectMapper();
        Path offtopic = data.resolve("offtopic/dev.jsonl");
        if (Files.isRegularFile(offtopic)) {
            try (BufferedReader r = Files.newBufferedReader(offtopic, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    JsonNode o = json.readTree(line);
                    String lang = o.path("lang").asText("und");
                    o.path("paragraphs").forEach(p -> addParagraph(out, lang, p.asText()));
                }
            }
        }
        Path truth = data.resolve("extraction/truth.json");
        if (Files.isRegularFile(truth)) {
            json.readTree(truth.toFile()).forEach(page -> {
                for (String p : page.path("articleBody").asText("").split("\n+")) {
                    addParagraph(out, "en", p);
                }
            });
        }
        return out;
    }

    private static void addParagraph(Map<String, List<String>> out, String lang, String p) {
        if (p.strip().length() >= 40) {
            out.computeIfAbsent(lang, k -> new ArrayList<>()).add(p.strip());
        }
    }

    private static String describe(Map<String, List<String>> paragraphs) {
        StringBuilder sb = new StringBuilder();
        paragraphs.forEach((k, v) -> sb.append(k).append('=').append(v.size()).append(' '));
        return sb.toString().strip();
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
