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
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;

/**
 * Measures {@link ArticleExtractor} on the shared dev data: (1) P/R/F1 per dataset, with each set's own
 * {@code score.py} (python3): the 121 English pages (token shingles), the multilingual set (must-keep /
 * must-drop segments) and the five WCEB datasets (shingles), their macro mean and the "no article"
 * reasons; (2) must-contain / must-not-contain snippets on the real fixture pages, (3) speed against a bare
 * jsoup parse of the same pages, (4) peak heap, including a hostile huge and deeply nested page.
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=ExtractionBench [-Dbench.args="--shared DIR --only quality
 * --bootstrap 0 --halves true --per-page FILE --verbose true"]}; {@code --bootstrap 0} skips the spreads
 * (faster), {@code --halves true} scores the WCEB pages in two hash-split halves as well, {@code --per-page}
 * writes every page's scored text, {@code --verbose true} lists every missed and wrongly kept segment of
 * the multilingual set, {@code --forks N} runs the speed section in N fresh JVMs and prints the medians of
 * their ratios (the figure to quote: one JVM's ratio can be 0.3 off). Heap cap: run with {@code MAVEN_OPTS=-Xmx256m} to check the stated cap.
 */
public final class ExtractionBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path shared;
    /** With {@code --verbose true}: each missed must-keep and kept must-drop segment, with its page. */
    private boolean verbose;
    /** Bootstrap resamples for the spread of each figure (0: none, faster while iterating). */
    private int bootstrap = 1000;
    /** Also score the WCEB pages in two hash-split halves. */
    private boolean halves;
    /** Where to write every page's scored text, or null. */
    private Path perPage;
    private final ArticleExtractor extractor = new ArticleExtractor(ExtractSettings.defaults());

    private ExtractionBench(Path shared) {
        this.shared = shared;
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of("../shared");
        String only = "all";
        boolean verbose = false;
        int bootstrap = 1000;
        boolean halves = false;
        Path perPage = null;
        int forks = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[i + 1]);
                case "--only" -> only = args[i + 1];
                case "--verbose" -> verbose = Boolean.parseBoolean(args[i + 1]);
                case "--bootstrap" -> bootstrap = Integer.parseInt(args[i + 1]);
                case "--halves" -> halves = Boolean.parseBoolean(args[i + 1]);
                case "--per-page" -> perPage = Path.of(args[i + 1]);
                case "--forks" -> forks = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!Files.isDirectory(shared)) {
            shared = Path.of("/work/shared");
        }
        ExtractionBench bench = new ExtractionBench(shared);
        bench.verbose = verbose;
        bench.bootstrap = bootstrap;
        bench.halves = halves;
        bench.perPage = perPage;
        if (only.equals("all") || only.equals("quality")) {
            bench.datasets();
            bench.fixtures();
        }
        if ((only.equals("all") || only.equals("speed")) && forks > 1) {
            speedInForks(forks, shared);
        } else if (only.equals("all") || only.equals("speed")) {
            bench.speed();
        }
        if (only.equals("all") || only.equals("memory")) {
            bench.memory();
        }
    }

    /**
     * The speed section run in {@code forks} fresh JVMs one after the other: each JVM's three ratios (best
     * round against best round), then their medians. The same code's ratio moves by up to 0.3 from one JVM
     * to the next, far more than from round to round.
     */
    private static void speedInForks(int forks, Path shared) throws IOException, InterruptedException {
        Pattern ratio = Pattern.compile("extraction / bare parse(?: time:)? ([0-9.]+)x");
        List<List<Double>> bySet = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int f = 1; f <= forks; f++) {
            String out = Forks.run(ExtractionBench.class, List.of("--only", "speed", "--shared", shared.toString()));
            Matcher m = ratio.matcher(out);
            List<String> found = new ArrayList<>();
            for (int k = 0; k < bySet.size() && m.find(); k++) {
                bySet.get(k).add(Double.parseDouble(m.group(1)));
                found.add(m.group(1) + "x");
            }
            if (found.size() < bySet.size()) {
                System.out.print(out);
                return;
            }
            System.out.println("fork " + f + ": 121 pages " + found.get(0) + ", WCEB sample " + found.get(1)
                    + ", unseen sites " + found.get(2));
        }
        System.out.printf(Locale.ROOT, "median over %d JVMs, extraction / bare parse: 121 pages %.2fx, WCEB sample "
                + "%.2fx, unseen sites %.2fx (target <= 1.5x)%n", forks, Forks.median(bySet.get(0)),
                Forks.median(bySet.get(1)), Forks.median(bySet.get(2)));
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

    /** The header lines (byline, dateline), one a line, as a reader sees them under the headline. */
    static String header(ExtractedArticle a) {
        StringBuilder sb = new StringBuilder();
        for (String line : a.header()) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** The body text with its captions, for truths that keep them (all of the page's main text). */
    static String allText(ExtractedArticle a) {
        StringBuilder sb = new StringBuilder();
        for (Block b : a.blocks()) {
            sb.append(b.text()).append('\n');
        }
        return sb.toString();
    }

    /** One dataset's figures: F1/P/R as its own scorer prints them, the F1 spread, and pages called no article. */
    private record Score(String name, int pages, double f1, double precision, double recall, double f1Std,
            int notArticle) {
    }

    /**
     * Pages of one dataset: ids, truth and where the pages are; {@code headline} and {@code captions} when
     * its truth holds them.
     */
    private record Dataset(String name, Path dir, JsonNode truth, List<String> ids, Path scorer, boolean headline,
            boolean captions) {
    }

    /**
     * Every dev dataset in one table: the 121 English pages, the multilingual segments, the five WCEB
     * datasets (and all their pages together), the macro mean of the seven and the "no article" reasons.
     * With {@code --halves true}, the WCEB pages are also scored in two halves split by a hash of their
     * id: develop on one, confirm on the other.
     */
    private void datasets() throws IOException, InterruptedException {
        System.out.println("== (1) extraction quality per dataset, " + shared.resolve("bench"));
        Path english = shared.resolve("bench/extraction");
        Path multi = shared.resolve("bench/extraction-multi");
        Path wceb = shared.resolve("bench/extraction-wceb");
        List<Dataset> sets = new ArrayList<>();
        sets.add(dataset("extraction", english, english.resolve("score.py"), false, false, id -> true));
        sets.add(dataset("extraction-multi", multi, multi.resolve("score.py"), false, false, id -> true));
        JsonNode wcebTruth = JSON.readTree(wceb.resolve("truth.json").toFile());
        List<String> wcebNames = new ArrayList<>();
        for (JsonNode item : wcebTruth) {
            String name = item.path("dataset").asText();
            if (!wcebNames.contains(name)) {
                wcebNames.add(name);
            }
        }
        for (String name : wcebNames) {
            sets.add(dataset(name, wceb, english.resolve("score.py"), WCEB_HEADLINE.contains(name), true,
                    id -> wcebTruth.get(id).path("dataset").asText().equals(name)));
        }
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<Score> scores = new ArrayList<>();
        for (Dataset d : sets) {
            scores.add(score(d, d.ids(), d.name(), texts, reasons, bootstrap));
        }
        System.out.printf(Locale.ROOT, "%-24s %5s  %-15s %6s %6s  %s%n", "dataset", "pages", "F1 (± sd)", "P", "R",
                "no article");
        double macro = 0;
        for (Score s : scores) {
            print(s);
            macro += s.f1();
        }
        System.out.printf(Locale.ROOT, "%-24s %5s  %.4f%n", "macro mean F1 (7 sets)", "", macro / scores.size());
        Dataset all = new Dataset("wceb all pages", wceb, wcebTruth, ids(wcebTruth, id -> true),
                english.resolve("score.py"), false, true);
        print(scoreTexts(all, all.ids(), all.name(), texts, bootstrap));
        if (halves) {
            for (String half : List.of("A", "B")) {
                for (Dataset d : sets.subList(2, sets.size())) {
                    List<String> ids = d.ids().stream().filter(id -> half(id).equals(half)).toList();
                    print(scoreTexts(d, ids, d.name() + " half " + half, texts, 0));
                }
                List<String> ids = all.ids().stream().filter(id -> half(id).equals(half)).toList();
                print(scoreTexts(all, ids, "wceb half " + half, texts, 0));
            }
        }
        int notArticle = reasons.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("no article, all sets: " + notArticle + " " + reasons);
        if (perPage != null) {
            writePerPage(sets, texts);
        }
    }

    /**
     * Datasets of the WCEB set whose truth starts with the headline (see its README). All WCEB truths keep
     * captions (they are the page's main text, not an article body cut by a scheme like the 121 pages').
     */
    private static final Set<String> WCEB_HEADLINE = Set.of("cleaneval", "dragnet", "l3s-gn1");

    private Dataset dataset(String name, Path dir, Path scorer, boolean headline, boolean captions,
            java.util.function.Predicate<String> member) throws IOException {
        JsonNode truth = JSON.readTree(dir.resolve("truth.json").toFile());
        return new Dataset(name, dir, truth, ids(truth, member), scorer, headline, captions);
    }

    private static List<String> ids(JsonNode truth, java.util.function.Predicate<String> member) {
        List<String> ids = new ArrayList<>();
        truth.fieldNames().forEachRemaining(id -> {
            if (member.test(id)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Half "A" or "B" of a page, by a hash of its id that no rule can see. */
    static String half(String id) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return (h[0] & 1) == 0 ? "A" : "B";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Extracts every page of a dataset and scores it. The extractor drops the headline from the body (the
     * body does not repeat the title); for datasets whose truth holds the headline, the prediction is the
     * extracted title, a line break, the header lines (byline, dateline) under it, then the body, as a reader
     * sees the article. The WCEB truths keep
     * figure captions, so their prediction does too; the 121 English pages' truth leaves them out.
     */
    private Score score(Dataset d, List<String> ids, String label, Map<String, String> texts,
            Map<String, Integer> reasons, int boot) throws IOException, InterruptedException {
        int notArticle = 0;
        for (String id : ids) {
            byte[] html = gunzip(d.dir().resolve("pages/" + id + ".html.gz"));
            String url = d.truth().get(id).path("url").asText("");
            ExtractedArticle a = extractor.extract(new PageInput(html, url.isEmpty() ? null : url, null));
            String body = d.captions() ? allText(a) : bodyText(a);
            if (!a.isArticle()) {
                notArticle++;
                reasons.merge(d.name() + ": " + a.notArticleReason(), 1, Integer::sum);
                body = "";
            } else if (d.headline() && a.title() != null) {
                body = a.title() + "\n" + header(a) + body;
            }
            texts.put(id, body);
            if (verbose) {
                printMisses(id, d.truth().get(id), a);
            }
        }
        Score s = scoreTexts(d, ids, label, texts, boot);
        return new Score(s.name(), s.pages(), s.f1(), s.precision(), s.recall(), s.f1Std(), notArticle);
    }

    /** Scores texts already extracted, with the dataset's own scorer, on a truth file cut to {@code ids}. */
    private Score scoreTexts(Dataset d, List<String> ids, String label, Map<String, String> texts, int boot)
            throws IOException, InterruptedException {
        com.fasterxml.jackson.databind.node.ObjectNode truth = JSON.createObjectNode();
        Map<String, String> pred = new LinkedHashMap<>();
        for (String id : ids) {
            truth.set(id, d.truth().get(id));
            pred.put(id, texts.get(id));
        }
        Path truthFile = Files.createTempFile("winnow-extract-truth", ".json");
        Path predFile = Files.createTempFile("winnow-extract-pred", ".json");
        Path out = Files.createTempFile("winnow-extract-score", ".json");
        try {
            JSON.writeValue(truthFile.toFile(), truth);
            JSON.writeValue(predFile.toFile(), pred);
            python(d.scorer(), truthFile, predFile, out, boot);
            JsonNode r = JSON.readTree(out.toFile());
            return new Score(label, ids.size(), r.path("f1").asDouble(), r.path("precision").asDouble(),
                    r.path("recall").asDouble(), r.path("f1_std").asDouble(), 0);
        } finally {
            Files.deleteIfExists(truthFile);
            Files.deleteIfExists(predFile);
            Files.deleteIfExists(out);
        }
    }

    private static void print(Score s) {
        System.out.printf(Locale.ROOT, "%-24s %5d  %.4f ± %.4f %.4f %.4f  %s%n", s.name(), s.pages(), s.f1(),
                s.f1Std(), s.precision(), s.recall(), s.notArticle() > 0 ? String.valueOf(s.notArticle()) : "");
    }

    /** Every page's scored text, {@code {id: text}}, to compare two runs page by page. */
    private void writePerPage(List<Dataset> sets, Map<String, String> texts) throws IOException {
        JSON.writeValue(perPage.toFile(), texts);
        System.out.println("per-page texts written to " + perPage);
    }

    /** Segments of the multilingual set's kind ({@code with}/{@code without}) that the extraction got wrong. */
    private static void printMisses(String id, JsonNode item, ExtractedArticle a) {
        String text = norm(bodyText(a));
        String page = id.substring(0, Math.min(id.length(), 24)) + (a.isArticle() ? "" : " [not article: " + a.notArticleReason() + "]");
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

    private static void python(Path script, Path truth, Path pred, Path json, int boot)
            throws IOException, InterruptedException {
        List<String> command = List.of("python3", script.toString(), "--truth", truth.toString(),
                "--pred", pred.toString(), "--json", json.toString(), "--n-bootstrap", String.valueOf(boot));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("scorer failed: " + output);
        }
    }

    private void fixtures() throws IOException {
        Path dir = shared.resolve("fixtures/pages");
        System.out.println("== (2) real fixture pages, must-contain / must-not-contain, " + dir);
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
        System.out.println("== (3) speed, one thread, warm JVM, pages of " + dir + " and a sixth of extraction-wceb");
        JsonNode truth = JSON.readTree(dir.resolve("truth.json").toFile());
        List<byte[]> pages = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            pages.add(gunzip(dir.resolve("pages/" + id + ".html.gz")));
            urls.add(truth.get(id).path("url").asText());
        }
        timeRounds("extraction (" + pages.size() + " pages)", pages, urls, 15);
        Path wceb = shared.resolve("bench/extraction-wceb");
        JsonNode wcebTruth = JSON.readTree(wceb.resolve("truth.json").toFile());
        List<byte[]> older = new ArrayList<>();
        List<String> olderUrls = new ArrayList<>();
        int i = 0;
        for (Iterator<String> it = wcebTruth.fieldNames(); it.hasNext(); i++) {
            String id = it.next();
            if (i % 6 == 0) {
                older.add(gunzip(wceb.resolve("pages/" + id + ".html.gz")));
                olderUrls.add(wcebTruth.get(id).path("url").asText("http://127.0.0.1/"));
            }
        }
        timeRounds("extraction-wceb (every sixth page, " + older.size() + " pages)", older, olderUrls, 5);
        coldSites(pages, urls);
    }

    /**
     * Rounds alternate parse and extraction, timed in thread CPU time (other load on the machine does not
     * count); the best round of each is reported and the median of the per-round ratios.
     */
    private void timeRounds(String label, List<byte[]> pages, List<String> urls, int rounds) throws IOException {
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            sink += parseAll(pages, urls) + extractAll(pages, urls);
        }
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
        System.out.println(label);
        System.out.printf(Locale.ROOT, "bare Jsoup.parse:   %.1f pages/s (%.2f ms/page CPU, best of %d rounds)%n",
                n / (bestParse / 1e9), bestParse / 1e6 / n, rounds);
        System.out.printf(Locale.ROOT, "ArticleExtractor:   %.1f pages/s (%.2f ms/page CPU, best of %d rounds)%n",
                n / (bestExtract / 1e9), bestExtract / 1e6 / n, rounds);
        System.out.printf(Locale.ROOT, "extraction / bare parse time: %.2fx best-vs-best, %.2fx median of rounds "
                + "(target <= 1.5x)   [checksum %d]%n", (double) bestExtract / bestParse, ratios[rounds / 2], sink % 10);
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
        System.out.println("== (4) memory");
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
