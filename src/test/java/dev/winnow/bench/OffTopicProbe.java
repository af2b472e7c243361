package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Whether promo lines and "related" lead-ins the filter was never fitted or tuned on are still found: lines
 * written for this probe ({@code src/test/resources/bench/offtopic-probe.tsv}, none copied from the benchmark)
 * are injected into the benchmark's articles, stripped of their own injected lines, and the result is scored
 * by {@link OffTopicBench}. The held-out split has promo lines and lead-ins of its own; this is the check that
 * the filter's promo and lead-in evidence does not rest on the wording of the ones it has seen.
 *
 * <p>Each probe line goes into {@code --reps} articles of its language (default 1: each line once, so the
 * batch's "repeated line" evidence does not help; with more, a promo repeats across articles as on a real
 * site), at a random position after the first line; a lead-in is followed by the title of another article of
 * the same language.
 *
 * <p>With {@code --feeds true} the probe injects other stories instead: into each article, one headline or
 * lede (alternately) of the shared fixtures' real feeds in its language, sharing few words with the article
 * ({@link OffTopicTraining#takeDonor}): the benchmark's kind of articles with other outlets' stories in them.
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=OffTopicProbe [-Dbench.args="--cases FILE --reps N --seed N --feeds true"]}
 * (default cases: the dev set).
 */
public final class OffTopicProbe {
    private static final Path LINES = Path.of("src/test/resources/bench/offtopic-probe.tsv");
    /** Host articles need enough lines of their own for an injected line to sit among them. */
    private static final int MIN_OWN_LINES = 4;

    private OffTopicProbe() {
    }

    /** One article the probe injects into: its own lines only. */
    private record Host(String id, String lang, String title, List<String> lines) {
    }

    public static void main(String[] args) throws Exception {
        Path cases = OffTopicCases.devCases();
        int reps = 1;
        long seed = 7;
        boolean feeds = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cases" -> cases = Path.of(args[i + 1]);
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--feeds" -> feeds = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.isRegularFile(cases)) {
            System.out.println("cases file " + cases.toAbsolutePath() + " not found; nothing to measure");
            return;
        }
        Map<String, List<Host>> hosts = hosts(cases);
        List<String> probe = feeds ? feedCases(hosts, OffTopicTraining.feedDonors(OffTopicCases.sharedDir()),
                new Random(seed)) : probeCases(hosts, Files.readAllLines(LINES, StandardCharsets.UTF_8), reps,
                new Random(seed));
        Path file = Files.createTempDirectory("offtopic-probe").resolve("probe.jsonl");
        Files.write(file, probe, StandardCharsets.UTF_8);
        String injected = feeds ? "another story's headline or lede from the fixtures' feeds"
                : "one line of " + LINES + " (" + reps + " article(s) per line)";
        System.out.println("== OffTopicProbe: " + probe.size() + " articles of " + cases.getFileName() + ", each with "
                + injected + "; seed " + seed);
        OffTopicBench.main(new String[] {"--cases", file.toString(), "--runs", "1"});
    }

    /** The cases' articles by language, each without its injected lines. */
    private static Map<String, List<Host>> hosts(Path cases) throws IOException {
        Map<String, List<Host>> out = new LinkedHashMap<>();
        for (String line : OffTopicCases.select(Files.readAllLines(cases, StandardCharsets.UTF_8), null)) {
            JsonNode c = OffTopicCases.parse(line);
            List<String> own = new ArrayList<>();
            for (int i = 0; i < c.get("paragraphs").size(); i++) {
                if (c.get("labels").get(i).asInt() == 0) {
                    own.add(c.get("paragraphs").get(i).asText());
                }
            }
            String title = c.path("title").asText("");
            if (own.size() >= MIN_OWN_LINES && !title.isBlank()) {
                String lang = c.path("lang").asText("und");
                out.computeIfAbsent(lang, k -> new ArrayList<>()).add(new Host(c.get("id").asText(), lang, title, own));
            }
        }
        return out;
    }

    private static List<String> probeCases(Map<String, List<Host>> hosts, List<String> lines, int reps, Random random) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            List<Host> pool = hosts.get(f[0]);
            if (pool == null || pool.size() < 2) {
                continue; // no articles of that language to carry it
            }
            for (int r = 0; r < reps; r++) {
                Host host = pool.get(random.nextInt(pool.size()));
                String injected = f[2];
                if (f[1].equals("lead-in")) {
                    Host other = host;
                    while (other == host) {
                        other = pool.get(random.nextInt(pool.size()));
                    }
                    injected = f[2] + " " + other.title();
                }
                out.add(inject(host, injected, f[1].equals("promo") ? "promo" : "prefixed_headline",
                        1 + random.nextInt(host.lines().size()), out.size()));
            }
        }
        return out;
    }

    /** Each host with one feed headline or lede of its language (alternately) that shares few words with it. */
    private static List<String> feedCases(Map<String, List<Host>> hosts, Map<String, List<OffTopicTraining.Donor>> donors,
                                          Random random) {
        List<String> out = new ArrayList<>();
        for (List<Host> pool : hosts.values()) {
            for (Host host : pool) {
                List<OffTopicTraining.Donor> candidates = donors.getOrDefault(host.lang(), new ArrayList<>());
                OffTopicTraining.Donor d = OffTopicTraining.takeDonor(candidates,
                        OffTopicTraining.words(host.title(), host.lines()), out.size() % 2 == 0 ? "headline" : "lede");
                if (d != null) {
                    out.add(inject(host, d.text(), d.kind(), 1 + random.nextInt(host.lines().size()), out.size()));
                }
            }
        }
        return out;
    }

    /** The host's case with {@code line} (of that kind) inserted before its line {@code position}. */
    private static String inject(Host host, String line, String kind, int position, int number) {
        List<String> lines = new ArrayList<>(host.lines());
        List<String> kinds = new ArrayList<>(Collections.nCopies(lines.size(), (String) null));
        lines.add(position, line);
        kinds.add(position, kind);
        return OffTopicCases.json(host.lang() + "-probe" + number, host.lang(), host.title(), lines, kinds, host.id());
    }
}
