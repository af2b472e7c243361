package dev.winnow.bench;

import dev.winnow.article.Block;
import dev.winnow.article.StoredArticle;
import dev.winnow.extract.ArticleExtractor;
import dev.winnow.extract.ExtractSettings;
import dev.winnow.extract.ExtractedArticle;
import dev.winnow.extract.PageInput;
import dev.winnow.filter.BatchCorpusStats;
import dev.winnow.filter.CorpusStats;
import dev.winnow.filter.FilterInput;
import dev.winnow.filter.FilterSettings;
import dev.winnow.filter.OffTopicFilter;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the off-topic filter adds to the cost of extracting the same articles: the real pages of the
 * extraction sets are extracted (thread CPU time), then their bodies are cleaned as one batch exactly as
 * the pipeline does it — batch statistics (every line read into tokens, each distinct word analysed by the
 * language's Lucene chain) plus the filter on each article.
 * Prints both per page and the ratio (issue target: the filter adds at most 20%), in the thread's CPU time
 * and in the process's, which also counts the garbage collector's work each phase causes. Each batch is
 * extracted and then cleaned before the next, and the ratio is the median of the rounds' ratios: both
 * costs are taken close together in time, as a shared machine's speed drifts.
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=FilterCostBench [-Dbench.args="--shared DIR --rounds N --batch N"]};
 * {@code --batch 30} cleans the pages in batches of 30, as a feed's poll would bring them (default: one
 * batch of all pages, the most each line is compared against). {@code --forks N} runs the measurement in N
 * fresh JVMs, one after the other, and prints each ratio and their median and maximum: how fast the same
 * code runs differs from one JVM to the next (what the JIT makes of it), by more than from round to round.
 * {@code --index true} weighs words against an embedded index holding the same articles, as the daemon
 * does, with a commit before each batch (untimed) as each poll's store makes: cleaning then also pays for
 * reading the index's term statistics and titles (default: no index, the batch's statistics alone).
 */
public final class FilterCostBench {
    private FilterCostBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path shared = OffTopicCases.sharedDir();
        int rounds = 15;
        int batchSize = Integer.MAX_VALUE;
        int forks = 1;
        boolean withIndex = false;
        List<String> forwarded = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--shared" -> shared = Path.of(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--batch" -> batchSize = Integer.parseInt(args[i + 1]);
                case "--forks" -> forks = Integer.parseInt(args[i + 1]);
                case "--index" -> withIndex = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (!args[i].equals("--forks")) {
                forwarded.add(args[i]);
                forwarded.add(args[i + 1]);
            }
        }
        if (forks > 1) {
            runForks(forks, forwarded);
            return;
        }
        List<byte[]> pages = new ArrayList<>();
        for (String set : List.of("bench/extraction/pages", "bench/extraction-multi/pages")) {
            Path dir = shared.resolve(set);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".html.gz")).sorted().toList()) {
                    pages.add(ExtractionBench.gunzip(p));
                }
            }
        }
        if (pages.isEmpty()) {
            System.out.println("no pages under " + shared.toAbsolutePath() + "/bench/extraction*; nothing to measure");
            return;
        }
        ArticleExtractor extractor = new ArticleExtractor(ExtractSettings.defaults());
        List<FilterInput> inputs = new ArrayList<>();
        long lines = 0;
        for (int i = 0; i < pages.size(); i++) {
            ExtractedArticle a = extractor.extract(new PageInput(pages.get(i), url(i), null));
            List<String> body = a.blocks().stream().map(Block::text).toList();
            lines += body.size();
            inputs.add(new FilterInput(url(i), a.title() == null ? "" : a.title(), body, a.lang(), List.of()));
        }
        if (!withIndex) {
            measure(pages, inputs, lines, null, rounds, batchSize);
            return;
        }
        Path dir = Files.createTempDirectory("winnow-filtercost");
        try (LuceneArticleIndex index = LuceneArticleIndex.openForWriting(dir, IndexSettings.defaults())) {
            for (FilterInput in : inputs) {
                index.upsert(new StoredArticle(in.url(), null, null, in.title(), List.of(), null, Instant.now(),
                        in.lang(), null, null, in.paragraphs(), List.of(), null));
            }
            index.commit();
            measure(pages, inputs, lines, index, rounds, batchSize);
        } finally {
            deleteTree(dir);
        }
    }

    /** The rounds of extraction then cleaning, batch by batch, and the figures they make. */
    private static void measure(List<byte[]> pages, List<FilterInput> inputs, long lines, LuceneArticleIndex index,
            int rounds, int batchSize) throws IOException {
        ArticleExtractor extractor = new ArticleExtractor(ExtractSettings.defaults());
        OffTopicFilter filter = new OffTopicFilter(FilterSettings.defaults());
        long[] extract = new long[rounds];
        long[] clean = new long[rounds];
        long[] statsOnly = new long[rounds];
        long[] extractProcess = new long[rounds];
        long[] cleanProcess = new long[rounds];
        long sink = 0;
        for (int r = -5; r < rounds; r++) {
            long extractNanos = 0;
            long cleanNanos = 0;
            long statsNanos = 0;
            long extractProcessNanos = 0;
            long cleanProcessNanos = 0;
            // Each batch's pages are extracted and then cleaned, one batch after the other, so that the two
            // costs are measured a fraction of a second apart: a shared machine's speed drifts over seconds,
            // and timing all extraction before all cleaning would fold that drift into the ratio.
            for (int from = 0; from < inputs.size(); from += batchSize) {
                int to = (int) Math.min(inputs.size(), (long) from + batchSize);
                List<FilterInput> batch = inputs.subList(from, to);
                CorpusStats base = CorpusStats.EMPTY;
                if (index != null) {
                    // As each poll's store does: the statistics read before this commit no longer serve.
                    index.upsert(new StoredArticle("http://127.0.0.1/poll/" + r + "/" + from, null, null,
                            "poll " + r + " " + from, List.of(), null, Instant.now(), "en", null, null,
                            List.of("A line stored by the poll."), List.of(), null));
                    index.commit();
                    base = index.corpusStats();
                }
                long p0 = processNanos();
                long t0 = ExtractionBench.cpuNanos();
                for (int i = from; i < to; i++) {
                    sink += extractor.extract(new PageInput(pages.get(i), url(i), null)).blocks().size();
                }
                long t1 = ExtractionBench.cpuNanos();
                long p1 = processNanos();
                CorpusStats stats = BatchCorpusStats.of(base, batch);
                long s1 = ExtractionBench.cpuNanos();
                for (FilterInput in : batch) {
                    sink += filter.filter(in, stats).removals().size();
                }
                long t2 = ExtractionBench.cpuNanos();
                long p2 = processNanos();
                extractNanos += t1 - t0;
                cleanNanos += t2 - t1;
                statsNanos += s1 - t1;
                extractProcessNanos += p1 - p0;
                cleanProcessNanos += p2 - p1;
            }
            if (r >= 0) {
                extract[r] = extractNanos;
                clean[r] = cleanNanos;
                statsOnly[r] = statsNanos;
                extractProcess[r] = extractProcessNanos;
                cleanProcess[r] = cleanProcessNanos;
            }
        }
        double[] ratio = new double[rounds];
        double[] processRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = (double) clean[r] / extract[r];
            processRatio[r] = (double) cleanProcess[r] / extractProcess[r];
        }
        Arrays.sort(ratio);
        Arrays.sort(processRatio);
        Arrays.sort(extract);
        Arrays.sort(clean);
        Arrays.sort(statsOnly);
        Arrays.sort(extractProcess);
        Arrays.sort(cleanProcess);
        double n = pages.size();
        System.out.printf(Locale.ROOT, "%d pages, %.1f body lines per page, cleaned in batches of %s, %s, %d rounds "
                + "(thread CPU time, median)%n", pages.size(), lines / n,
                batchSize >= pages.size() ? "all " + pages.size() : String.valueOf(batchSize),
                index == null ? "no index" : "against an index of the same articles, a commit before each batch",
                rounds);
        System.out.printf(Locale.ROOT, "extraction:                 %.3f ms/page%n", extract[rounds / 2] / 1e6 / n);
        System.out.printf(Locale.ROOT, "cleaning (stats + filter):  %.3f ms/page%n", clean[rounds / 2] / 1e6 / n);
        System.out.printf(Locale.ROOT, "  of which batch statistics (every line read, each distinct word analysed): %.3f ms/page%n",
                statsOnly[rounds / 2] / 1e6 / n);
        System.out.printf(Locale.ROOT, "cleaning / extraction:      %.1f%% (target <= 20%%)   [checksum %d]%n",
                100.0 * ratio[rounds / 2], sink % 10);
        System.out.printf(Locale.ROOT, "with garbage collection (process CPU time, median): extraction %.3f, "
                + "cleaning %.3f ms/page, cleaning / extraction %.1f%%%n", extractProcess[rounds / 2] / 1e6 / n,
                cleanProcess[rounds / 2] / 1e6 / n, 100.0 * processRatio[rounds / 2]);
    }

    /** Runs the measurement in fresh JVMs and sums up the ratios they print. */
    private static void runForks(int forks, List<String> args) throws IOException, InterruptedException {
        List<Double> thread = new ArrayList<>();
        List<Double> process = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            String out = Forks.run(FilterCostBench.class, args);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("extraction:\\s+([0-9.]+) ms/page[\\s\\S]*"
                    + "cleaning \\(stats \\+ filter\\):\\s+([0-9.]+) ms/page[\\s\\S]*"
                    + "cleaning / extraction:\\s+([0-9.]+)%[\\s\\S]*cleaning / extraction ([0-9.]+)%").matcher(out);
            if (!m.find()) {
                System.out.print(out);
                return;
            }
            thread.add(Double.parseDouble(m.group(3)));
            process.add(Double.parseDouble(m.group(4)));
            // Each fork's own figures: whether a high ratio comes from slow cleaning or from fast extraction.
            System.out.printf(Locale.ROOT, "fork %d: extraction %s, cleaning %s ms/page; cleaning / extraction %s%% "
                    + "(thread CPU), %s%% (process CPU)%n", f + 1, m.group(1), m.group(2), m.group(3), m.group(4));
        }
        System.out.printf(Locale.ROOT, "over %d JVMs: thread CPU median %.1f%%, max %.1f%%; process CPU median %.1f%%, "
                + "max %.1f%% (target <= 20%%)%n", forks, Forks.median(thread), java.util.Collections.max(thread),
                Forks.median(process), java.util.Collections.max(process));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String url(int i) {
        return "http://127.0.0.1/page/" + i;
    }

    /** CPU time of the whole process: also the collector's and compiler's threads, which thread time leaves out. */
    private static long processNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
