package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.article.Block;
import dev.winnow.article.BlockType;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.extract.PageInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Measures {@link ArticleExtractor} on the shared dev data: (1) token P/R/F1 on the English extraction
 * benchmark, (2) segment F1 on the multilingual set, (3) must-contain / must-not-contain snippets on the
 * real fixture pages, (4) speed against a bare jsoup parse of the same pages, (5) peak heap, including a
 * hostile huge and deeply nested page. Scores come from each set's own {@code score.py} (python3).
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=ExtractionBench [-Dbench.args="--shared DIR --only quality --verbose true"]};
 * {@code --verbose true} lists every missed and wrongly kept segment of the multilingual set and the
 * per-page scores of the English set.
 * Heap cap: run with {@code MAVEN_OPTS=-Xmx256m} to check the stated cap.
 */
public final class ExtractionBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path shared;
    /** With {@code --verbose true}: each missed must-keep and kept must-drop segment, with its page. */
    private boolean verbose;
    private final ArticleExtractor extractor = new ArticleExtractor(ExtractSettings.defaults());

    private ExtractionBench(Path shared) {
        this.shared = shared;
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of("../shared");
        String only = "all";
        boolean verbose = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[i + 1]);
                case "--only" -> only = args[i + 1];
                case "--verbose" -> verbose = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isDirectory(shared)) {
            shared = Path.of("/work/shared");
        }
        ExtractionBench bench = new ExtractionBench(shared);
        bench.verbose = verbose;
        if (only.equals("all") || only.equals("quality")) {
            bench.english();
            bench.multilingual();
            bench.fixtures();
        }
        if (only.equals("all") || only.equals("speed")) {
            bench.speed();
        }
        if (only.equals("all") || only.equals("memory")) {
            bench.memory();
        }
    }

    /** The body text as the benchmarks read it: blocks in order, captions left out. */
    static String bodyText(ExtractedArticle a) {
        StringBuilder sb = new StringBuilder();
        for (Block b : a.blocks()) {
            if (b.type() != BlockType.CAPTION) {
                sb.append(b.text()).append('\n');
            }
        }
        return sb.toString();
    }

    private void english() throws IOException, InterruptedException {
        Path dir = shared.resolve("bench/extraction");
        System.out.println("== (1) extraction benchmark (English), " + dir);
        scoreSet(dir);
    }

    private void multilingual() throws IOException, InterruptedException {
        Path dir = shared.resolve("bench/extraction-multi");
        System.out.println("== (2) multilingual extraction set (de/es/fr/pt), " + dir);
        scoreSet(dir);
    }

    private void scoreSet(Path dir) throws IOException, InterruptedException {
        JsonNode truth = JSON.readTree(dir.resolve("truth.json").toFile());
        Map<String, String> pred = new LinkedHashMap<>();
        int notArticle = 0;
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            byte[] html = gunzip(dir.resolve("pages/" + id + ".html.gz"));
            ExtractedArticle a = extractor.extract(new PageInput(html, truth.get(id).path("url").asText(), null));
            if (!a.isArticle()) {
                notArticle++;
            }
            pred.put(id, bodyText(a));
            if (verbose) {
                printMisses(id, truth.get(id), a);
            }
        }
        System.out.println("pages: " + pred.size() + ", judged not an article: " + notArticle);
        Path out = Files.createTempFile("winnow-extract-pred", ".json");
        JSON.writeValue(out.toFile(), pred);
        python(dir.resolve("score.py"), dir.resolve("truth.json"), out, verbose && dir.endsWith("extraction"));
        Files.deleteIfExists(out);
    }

    /** Segments of the multilingual set's kind ({@code with}/{@code without}) that the extraction got wrong. */
    private static void printMisses(String id, JsonNode item, ExtractedArticle a) {
        String text = norm(bodyText(a));
        String page = id.substring(0, 12) + (a.isArticle() ? "" : " [not article: " + a.notArticleReason() + "]");
        for (JsonNode s : item.path("with")) {
            if (!text.contains(norm(s.asText()))) {
                System.out.println("  missing  " + page + ": " + s.asText());
            }
        }
        for (JsonNode s : item.path("without")) {
            if (text.contains(norm(s.asText()))) {
                System.out.println("  kept     " + page + ": " + s.asText());
            }
        }
    }

    private static void python(Path script, Path truth, Path pred, boolean perDoc)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", script.toString(), "--truth", truth.toString(),
                "--pred", pred.toString()));
        if (perDoc) {
            command.add("--per-doc");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        System.out.print(output);
    }

    private void fixtures() throws IOException {
        Path dir = shared.resolve("fixtures/pages");
        System.out.println("== (3) real fixture pages, must-contain / must-not-contain, " + dir);
        JsonNode subset = JSON.readTree(dir.resolve("trafilatura-evaldata-subset.json").toFile());
        Map<String, String> urls = manifestUrls(dir.resolve("MANIFEST.tsv"));
        int keep = 0;
        int kept = 0;
        int drop = 0;
        int gone = 0;
        List<String> misses = new ArrayList<>();
        for (Iterator<String> it = subset.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            JsonNode item = subset.get(path);
            byte[] html = gunzip(dir.resolve(path));
            String text = norm(bodyText(extractor.extract(new PageInput(html, urls.get(path), null))));
            for (JsonNode s : item.path("must_contain")) {
                keep++;
                if (text.contains(norm(s.asText()))) {
                    kept++;
                } else {
                    misses.add("  missing  " + path + ": " + s.asText());
                }
            }
            for (JsonNode s : item.path("must_not_contain")) {
                drop++;
                if (!text.contains(norm(s.asText()))) {
                    gone++;
                } else {
                    misses.add("  kept     " + path + ": " + s.asText());
                }
            }
        }
        System.out.printf(Locale.ROOT, "pages: %d; must-contain kept %d/%d = %.1f%%; must-not-contain gone %d/%d = %.1f%%%n",
                subset.size(), kept, keep, 100.0 * kept / keep, gone, drop, 100.0 * gone / drop);
        misses.forEach(System.out::println);
    }

    private void speed() throws IOException {
        Path dir = shared.resolve("bench/extraction");
        System.out.println("== (4) speed, one thread, warm JVM, pages of " + dir);
        JsonNode truth = JSON.readTree(dir.resolve("truth.json").toFile());
        List<byte[]> pages = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            pages.add(gunzip(dir.resolve("pages/" + id + ".html.gz")));
            urls.add(truth.get(id).path("url").asText());
        }
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            sink += parseAll(pages, urls) + extractAll(pages, urls);
        }
        // Rounds alternate parse and extraction, timed in thread CPU time (other load on the machine does
        // not count); the best round of each is reported and the median of the per-round ratios.
        int rounds = 15;
        long bestParse = Long.MAX_VALUE;
        long bestExtract = Long.MAX_VALUE;
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long t0 = cpuNanos();
            sink += parseAll(pages, urls);
            long t1 = cpuNanos();
            sink += extractAll(pages, urls);
            long t2 = cpuNanos();
            bestParse = Math.min(bestParse, t1 - t0);
            bestExtract = Math.min(bestExtract, t2 - t1);
            ratios[round] = (double) (t2 - t1) / (t1 - t0);
        }
        java.util.Arrays.sort(ratios);
        double n = pages.size();
        System.out.printf(Locale.ROOT, "bare Jsoup.parse:   %.1f pages/s (%.2f ms/page CPU, best of %d rounds)%n",
                n / (bestParse / 1e9), bestParse / 1e6 / n, rounds);
        System.out.printf(Locale.ROOT, "ArticleExtractor:   %.1f pages/s (%.2f ms/page CPU, best of %d rounds)%n",
                n / (bestExtract / 1e9), bestExtract / 1e6 / n, rounds);
        System.out.printf(Locale.ROOT, "extraction / bare parse time: %.2fx best-vs-best, %.2fx median of rounds "
                + "(target <= 1.5x)   [checksum %d]%n", (double) bestExtract / bestParse, ratios[rounds / 2], sink % 10);
        coldSites(pages, urls);
    }

    /**
     * The figure for pages of sites never seen: the JVM is warmed on the multilingual set (other sites),
     * then each English page is parsed and extracted once. Shared per-token caches hold only what the
     * other sites taught them.
     */
    private void coldSites(List<byte[]> pages, List<String> urls) throws IOException {
        Path multi = shared.resolve("bench/extraction-multi");
        JsonNode truth = JSON.readTree(multi.resolve("truth.json").toFile());
        long sink = 0;
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            byte[] html = gunzip(multi.resolve("pages/" + id + ".html.gz"));
            sink += Jsoup.parse(new ByteArrayInputStream(html), null, "http://127.0.0.1/").childNodeSize();
            sink += extractor.extract(new PageInput(html, "http://127.0.0.1/", null)).blocks().size();
        }
        long parse = 0;
        long extract = 0;
        for (int i = 0; i < pages.size(); i++) {
            long t0 = cpuNanos();
            sink += Jsoup.parse(new ByteArrayInputStream(pages.get(i)), null, urls.get(i)).childNodeSize();
            long t1 = cpuNanos();
            sink += extractor.extract(new PageInput(pages.get(i), urls.get(i), null)).blocks().size();
            long t2 = cpuNanos();
            parse += t1 - t0;
            extract += t2 - t1;
        }
        System.out.printf(Locale.ROOT, "unseen sites (JVM warmed on the multilingual set, each page once): "
                + "extraction / bare parse %.2fx   [checksum %d]%n", (double) extract / parse, sink % 10);
    }

    /** This thread's CPU time, so other load on the machine does not count. */
    static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private long parseAll(List<byte[]> pages, List<String> urls) throws IOException {
        long n = 0;
        for (int i = 0; i < pages.size(); i++) {
            n += Jsoup.parse(new ByteArrayInputStream(pages.get(i)), null, urls.get(i)).childNodeSize();
        }
        return n;
    }

    private long extractAll(List<byte[]> pages, List<String> urls) {
        long n = 0;
        for (int i = 0; i < pages.size(); i++) {
            n += extractor.extract(new PageInput(pages.get(i), urls.get(i), null)).blocks().size();
        }
        return n;
    }

    private void memory() throws InterruptedException {
        System.out.println("== (5) memory");
        long[] maxUsed = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxUsed[0] = Math.max(maxUsed[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        StringBuilder huge = new StringBuilder("<html><body><article>");
        for (int i = 0; huge.length() < 32 * 1024 * 1024; i++) {
            huge.append("<div class=item><p>Paragraph ").append(i)
                    .append(" of filler text, with commas, repeated to make a huge page.</p></div>");
        }
        byte[] hugeBytes = huge.toString().getBytes(StandardCharsets.UTF_8);
        huge = null;
        ExtractedArticle big = extractor.extract(new PageInput(hugeBytes, "http://127.0.0.1/huge", null));
        hugeBytes = null;
        String deep = "<html><body>" + "<div>".repeat(200_000) + "<p>Deep text, nested far too far.</p>";
        ExtractedArticle nested = extractor.extract(new PageInput(deep.getBytes(StandardCharsets.UTF_8),
                "http://127.0.0.1/deep", null));
        sampler.interrupt();
        sampler.join();
        System.out.printf(Locale.ROOT, "32 MB page: cut at extract.max-html-bytes, %d blocks kept (notArticle=%s); "
                + "200k-deep page: notArticle=%s%n", big.blocks().size(), big.notArticleReason(), nested.notArticleReason());
        System.out.printf(Locale.ROOT, "max heap used during these two pages (sampled every 5 ms, garbage included): "
                + "%.1f MB; heap cap (-Xmx): %.0f MB; no OutOfMemoryError%n",
                maxUsed[0] / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static Map<String, String> manifestUrls(Path manifest) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length > 5) {
                out.put(f[0], f[5]);
            }
        }
        return out;
    }

    private static String norm(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }
}
