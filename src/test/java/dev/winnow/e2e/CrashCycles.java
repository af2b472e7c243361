package dev.winnow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.winnow.index.IndexSettings;
import dev.winnow.index.LuceneArticleIndex;
import dev.winnow.state.FailedItem;
import dev.winnow.state.FeedState;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Crash safety, measured: {@code winnow fetch} and {@code winnow daemon} are killed with SIGKILL at random
 * moments of a cycle against the loopback news site, which revises every article before each cycle so
 * that each one fetches and replaces them all. After each kill {@code status}, {@code search} and
 * {@code export} must work, no article may be stored twice, and a feed's validators may only have moved
 * on with its articles stored in the revision those validators describe (or listed for a retry). A last fetch must then end with every article
 * exactly once and no feed stuck. Used by {@code CrashSafetyTest} (a few kills) and
 * {@code CrashSafetyBench} (many).
 */
public final class CrashCycles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One kill: which command, how long after its start, and what the index held afterwards (articles,
     * and how many of them in the revision the site served during that cycle).
     */
    public record Kill(int n, String command, long afterMillis, boolean exitedFirst, int stored, int current) {
    }

    /** Every kill, the articles stored at the end of the rerun against those the site serves, and what went wrong. */
    public record Outcome(List<Kill> kills, int finalArticles, int siteArticles, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty() && finalArticles == siteArticles;
        }
    }

    private final Path work;
    private final PrintStream log;

    public CrashCycles(Path work, PrintStream log) {
        this.work = work;
        this.log = log;
    }

    /**
     * Runs {@code kills} kill cycles (fetch and daemon in turn), each killed at a moment drawn from
     * {@code seed} within 1.5 times one whole fetch cycle here (measured first, JVM start included).
     */
    public Outcome run(int kills, long seed) throws Exception {
        Path data = work.resolve("data");
        Path config = work.resolve("winnow.properties");
        Files.writeString(config, String.join("\n", "http.host-delay = 100ms", "pipeline.article-threads = 1",
                "pipeline.item-retry-delay = 0s", "daemon.startup-jitter = 0s", "daemon.opml-check = 1s",
                "daemon.min-interval = 1s", "daemon.default-interval = 2s", "daemon.failure-retry = 1s",
                "daemon.threads = 2", ""));
        List<String> problems = new ArrayList<>();
        List<Kill> done = new ArrayList<>();
        Random random = new Random(seed);
        try (NewsSite site = new NewsSite()) {
            site.slowArticles(150);
            Path opml = opml(site);
            List<String> fetchArgs = List.of("fetch", "--data", data.toString(), "--config", config.toString(),
                    "--allow-private-network", "--opml", opml.toString());
            long cycle = timeOneCycle(fetchArgs, data, work.resolve("calibration"));
            log.printf("one fetch cycle takes %d ms here; kills land within 1.5 times that (seed %d)%n", cycle, seed);
            for (int i = 0; i < kills; i++) {
                boolean daemon = i % 2 == 1;
                site.revise();
                // Half again the calibrated time: later cycles also replace every article and can run longer.
                long at = (long) (random.nextDouble() * cycle * 1.5);
                boolean exitedFirst;
                try (WinnowProcess p = daemon ? WinnowProcess.daemon(opml, data, config) : new WinnowProcess(fetchArgs)) {
                    Thread.sleep(at);
                    exitedFirst = !p.isAlive();
                    p.kill();
                }
                Map<String, String> stored = check(data, site, "after kill " + (i + 1), problems);
                Kill k = new Kill(i + 1, daemon ? "daemon" : "fetch", at, exitedFirst, stored.size(), current(site, stored));
                done.add(k);
                log.printf("kill %2d: %-6s after %4d ms%s -> %d articles stored, %d of them in this cycle's revision%n",
                        k.n(), k.command(), at, exitedFirst ? " (had already finished)" : "", k.stored(), k.current());
            }
            site.slowArticles(0);
            Cli.Result rerun = Cli.run(fetchArgs.toArray(String[]::new));
            if (rerun.code() != 0) {
                problems.add("rerun exited " + rerun.code() + ": " + rerun.err() + rerun.out());
            }
            Map<String, String> stored = check(data, site, "after the rerun", problems);
            noFeedStuck(data, problems);
            log.printf("rerun: %d of %d articles stored, %d in the current revision, %d problems%n", stored.size(),
                    site.articles().size(), current(site, stored), problems.size());
            return new Outcome(done, stored.size(), site.articles().size(), problems);
        }
    }

    /** How long one uninterrupted fetch of every feed takes in its own JVM, into a scratch folder. */
    private static long timeOneCycle(List<String> fetchArgs, Path data, Path scratch) throws Exception {
        List<String> args = new ArrayList<>(fetchArgs);
        args.set(args.indexOf(data.toString()), scratch.toString());
        long start = System.nanoTime();
        try (WinnowProcess p = new WinnowProcess(args)) {
            int code = p.waitForExit(120);
            if (code != 0) {
                throw new AssertionError("the calibration fetch exited " + code + ":\n" + p.output());
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static int current(NewsSite site, Map<String, String> stored) {
        return (int) site.articles().stream().filter(a -> site.title(a).equals(stored.get(site.articleUrl(a)))).count();
    }

    /** Checks the index as the user's commands see it; returns the stored articles' titles by URL. */
    private static Map<String, String> check(Path data, NewsSite site, String when, List<String> problems) throws Exception {
        // A kill between creating the folder and the index's first (empty) commit leaves no index yet:
        // the user's commands rightly say so, and the rerun must still store everything.
        if (!LuceneArticleIndex.exists(data)) {
            return Map.of();
        }
        Cli.Result status = Cli.run("status", "--json", "--data", data.toString());
        if (status.code() != 0) {
            problems.add(when + ": status exited " + status.code() + ": " + status.err());
        } else if (JSON.readTree(status.out()).at("/daemon/running").asBoolean()) {
            problems.add(when + ": status says a killed daemon is running");
        }
        Cli.Result search = Cli.run("search", "--json", "--data", data.toString(), "hipotecas OR bank");
        if (search.code() != 0) {
            problems.add(when + ": search exited " + search.code() + ": " + search.err());
        }
        Cli.Result export = Cli.run("export", "--data", data.toString());
        if (export.code() != 0) {
            problems.add(when + ": export exited " + export.code() + ": " + export.err());
            return Map.of();
        }
        Map<String, String> titles = new HashMap<>();
        for (String line : export.out().lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode a = JSON.readTree(line);
            if (titles.put(a.get("url").asText(), a.get("title").asText()) != null) {
                problems.add(when + ": " + a.get("url").asText() + " stored twice");
            }
        }
        validatorsOnlyWithTheirArticles(data, site, titles, when, problems);
        return titles;
    }

    /**
     * A feed whose ETag was saved has every article it lists stored, or listed for a retry; when that ETag
     * is the site's current one, stored in the current revision.
     */
    private static void validatorsOnlyWithTheirArticles(Path data, NewsSite site, Map<String, String> stored,
                                                        String when, List<String> problems) throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openReadOnly(data, IndexSettings.defaults())) {
            for (FeedState s : index.feedStates().all()) {
                if (s.etag() == null) {
                    continue;
                }
                Set<String> retried = new HashSet<>(s.failedItems().stream().map(FailedItem::url).toList());
                String lang = s.feedUrl().equals(site.feedUrl("es")) ? "es" : "en";
                boolean current = s.etag().equals(site.feedEtag(lang));
                for (FixtureArticle a : site.articles()) {
                    String url = site.articleUrl(a);
                    if (!a.feed().equals(lang) || retried.contains(url)) {
                        continue;
                    }
                    if (!stored.containsKey(url)) {
                        problems.add(when + ": " + s.feedUrl() + " saved its ETag without " + url);
                    } else if (current && !stored.get(url).equals(site.title(a))) {
                        problems.add(when + ": " + s.feedUrl() + " saved the current ETag but " + url + " is stored as '"
                                + stored.get(url) + "', not '" + site.title(a) + "'");
                    }
                }
            }
        }
    }

    private static void noFeedStuck(Path data, List<String> problems) throws Exception {
        try (LuceneArticleIndex index = LuceneArticleIndex.openReadOnly(data, IndexSettings.defaults())) {
            for (FeedState s : index.feedStates().all()) {
                boolean healthy = ("ok".equals(s.lastOutcome()) || "not-modified".equals(s.lastOutcome()))
                        && s.consecutiveFailures() == 0 && s.failedItems().isEmpty() && s.nextPoll() != null;
                if (!healthy) {
                    problems.add("feed stuck after the rerun: " + s);
                }
            }
        }
    }

    private Path opml(NewsSite site) throws Exception {
        Path opml = work.resolve("feeds.opml");
        Files.writeString(opml, "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>t</title></head><body>\n"
                + "<outline type=\"rss\" text=\"es\" xmlUrl=\"" + site.feedUrl("es") + "\"/>\n"
                + "<outline type=\"rss\" text=\"en\" xmlUrl=\"" + site.feedUrl("en") + "\"/>\n</body></opml>\n");
        return opml;
    }
}
