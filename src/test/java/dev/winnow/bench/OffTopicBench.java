package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.config.Config;
import dev.winnow.filter.BatchCorpusStats;
import dev.winnow.filter.CorpusStats;
import dev.winnow.filter.FilterInput;
import dev.winnow.filter.FilterSettings;
import dev.winnow.filter.JsonlBatchCleaner;
import dev.winnow.filter.LineVerdict;
import dev.winnow.filter.OffTopicFilter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Off-topic line benchmark: runs {@link JsonlBatchCleaner} over the shared dev cases, scores the
 * predictions with the benchmark's own {@code score.py}, and prints its figures (overall, per language,
 * per kind), the seed case's result and the filter time per article.
 *
 * <p>Arguments (all optional): {@code --cases FILE} (default ../shared/bench/offtopic/dev.jsonl),
 * {@code --config FILE} (settings overriding the defaults), {@code --half even|odd} (only every other case,
 * for a tune-on-one-half / check-on-the-other run), {@code --runs N} (timing repetitions, default 3),
 * {@code --batch N} (clean the cases N at a time instead of the whole file as one batch, in an order shuffled
 * with a fixed seed, each batch with its own statistics and no index: how much the filter owes to the
 * other articles it is given, as for a first poll of a feed with an empty index; {@code --dump} still measures
 * the whole file as one batch).
 */
public final class OffTopicBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OffTopicBench() {
    }

    public static void main(String[] args) throws Exception {
        Path cases = OffTopicCases.devCases();
        Path config = null;
        String half = null;
        int runs = 3;
        Path dump = null;
        int batch = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Path.of(args[++i]);
                case "--config" -> config = Path.of(args[++i]);
                case "--half" -> half = args[++i];
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dump" -> dump = Path.of(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.isRegularFile(cases)) {
            System.out.println("cases file " + cases.toAbsolutePath() + " not found; nothing to measure");
            return;
        }
        List<String> lines = OffTopicCases.select(Files.readAllLines(cases, StandardCharsets.UTF_8), half);
        if (batch > 0) {
            lines = new ArrayList<>(lines);
            Collections.shuffle(lines, new Random(1));
            runs = 1; // the figures, not the timing, are what a batched run is for
        }
        String input = String.join("\n", lines) + "\n";
        OffTopicFilter filter = new OffTopicFilter(FilterSettings.from(Config.load(config)));
        JsonlBatchCleaner cleaner = new JsonlBatchCleaner(filter);

        StringWriter out = new StringWriter();
        long wall0 = System.nanoTime();
        JsonlBatchCleaner.Summary summary = batch > 0 ? inBatches(cleaner, lines, batch, out)
                : cleaner.run(new StringReader(input), out, CorpusStats.EMPTY);
        long firstWall = System.nanoTime() - wall0;
        long best = summary.filterNanos();
        long bestCpu = Long.MAX_VALUE;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 1; r < runs; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            best = Math.min(best, cleaner.run(new StringReader(input), new StringWriter(), CorpusStats.EMPTY)
                    .filterNanos());
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu0);
        }
        if (!summary.errors().isEmpty()) {
            summary.errors().forEach(e -> System.out.println("input error: " + e));
        }

        Path dir = Files.createTempDirectory("offtopic-bench");
        Path casesFile = dir.resolve("cases.jsonl");
        Path pred = dir.resolve("pred.jsonl");
        Files.writeString(casesFile, input, StandardCharsets.UTF_8);
        Files.writeString(pred, out.toString(), StandardCharsets.UTF_8);
        Path score = cases.resolveSibling("score.py");
        if (!Files.isRegularFile(score)) {
            score = OffTopicCases.devCases().resolveSibling("score.py");
        }
        System.out.println("== OffTopicBench on " + cases + (half == null ? "" : " (half " + half + ")")
                + (config == null ? "" : " with " + config)
                + (batch > 0 ? ", cleaned " + batch + " cases at a time (shuffled, seed 1)" : ""));
        Process p = new ProcessBuilder("python3", score.toString(), "--cases", casesFile.toString(),
                "--pred", pred.toString(), "--by-lang", "--by-kind").inheritIO().start();
        int rc = p.waitFor();
        if (rc != 0) {
            System.out.println("score.py failed with exit code " + rc);
        }
        printSeed(lines, out.toString());
        System.out.printf("%nfilter time: %.3f ms/article (best of %d runs, %d articles, %d lines removed;"
                        + " first run incl. batch statistics %.3f ms/article)%n",
                best / 1e6 / summary.articles(), runs, summary.articles(), summary.linesRemoved(),
                firstWall / 1e6 / summary.articles());
        if (bestCpu != Long.MAX_VALUE) {
            System.out.printf("CPU time of a whole batch run (JSON, batch statistics and filtering): %.3f ms/article"
                    + " (best of %d; wall-clock figures above suffer when the machine is busy)%n",
                    bestCpu / 1e6 / summary.articles(), runs - 1);
        }
        System.out.println("predictions: " + pred);
        if (dump != null) {
            dumpSignals(lines, filter, dump);
            System.out.println("signals of every line: " + dump);
        }
    }

    /** Cleans the cases {@code size} at a time, each batch with statistics of its own; one summary of all. */
    private static JsonlBatchCleaner.Summary inBatches(JsonlBatchCleaner cleaner, List<String> lines, int size,
                                                       StringWriter out) throws IOException {
        int articles = 0;
        int removed = 0;
        long nanos = 0;
        List<String> errors = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += size) {
            String chunk = String.join("\n", lines.subList(from, Math.min(lines.size(), from + size))) + "\n";
            JsonlBatchCleaner.Summary s = cleaner.run(new StringReader(chunk), out, CorpusStats.EMPTY);
            articles += s.articles();
            removed += s.linesRemoved();
            nanos += s.filterNanos();
            errors.addAll(s.errors());
        }
        return new JsonlBatchCleaner.Summary(articles, removed, errors, nanos);
    }

    /** Writes every line's signals with its label, so weights can be fitted on this (dev) file. */
    private static void dumpSignals(List<String> cases, OffTopicFilter filter, Path dump) throws IOException {
        List<FilterInput> inputs = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : cases) {
            JsonNode n = OffTopicCases.parse(l);
            inputs.add(OffTopicCases.input(n));
            nodes.add(n);
        }
        CorpusStats stats = BatchCorpusStats.of(CorpusStats.EMPTY, inputs);
        StringBuilder sb = new StringBuilder("id\tindex\tlines\tlabel\tkind\tremoved\tguard\tscore\t"
                + String.join("\t", OffTopicFilter.signalNames()) + "\n");
        for (int c = 0; c < inputs.size(); c++) {
            JsonNode n = nodes.get(c);
            for (LineVerdict v : filter.assess(inputs.get(c), stats)) {
                sb.append(n.get("id").asText()).append('\t').append(v.index()).append('\t')
                        .append(inputs.get(c).paragraphs().size()).append('\t')
                        .append(n.get("labels").get(v.index()).asInt()).append('\t')
                        .append(n.get("kinds").get(v.index()).asText("-")).append('\t')
                        .append(v.removed() ? 1 : 0).append('\t').append(v.guard()).append('\t')
                        .append(v.score());
                // A signal not measured on the line (the long-line guard's evidence) is left empty.
                OffTopicFilter.signalNames().forEach(k -> sb.append('\t').append(
                        v.signals().containsKey(k) ? String.valueOf(v.signals().get(k)) : ""));
                sb.append('\n');
            }
        }
        Files.writeString(dump, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void printSeed(List<String> cases, String predictions) throws IOException {
        JsonNode seed = null;
        for (String l : cases) {
            JsonNode n = JSON.readTree(l);
            if (n.path("id").asText().equals("es-seed0000")) {
                seed = n;
            }
        }
        if (seed == null) {
            return;
        }
        for (String l : predictions.split("\n")) {
            JsonNode n = JSON.readTree(l);
            if (!n.path("id").asText().equals("es-seed0000")) {
                continue;
            }
            List<Integer> injected = new ArrayList<>();
            for (int i = 0; i < seed.get("labels").size(); i++) {
                if (seed.get("labels").get(i).asInt() == 1) {
                    injected.add(i);
                }
            }
            List<Integer> removed = new ArrayList<>();
            n.get("removed").forEach(x -> removed.add(x.asInt()));
            System.out.println("\nseed case es-seed0000: injected " + injected + ", removed " + removed
                    + (removed.equals(injected) ? "  -> exactly the injected line(s): OK" : "  -> MISMATCH"));
            for (int k = 0; k < removed.size(); k++) {
                System.out.println("  removed [" + removed.get(k) + "] " + n.get("reasons").get(k).asText() + ": "
                        + seed.get("paragraphs").get(removed.get(k)).asText());
            }
        }
    }
}
