package dev.winnow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.config.Config;
import dev.winnow.daemon.DaemonStatus;
import dev.winnow.daemon.DaemonStatusFile;
import dev.winnow.feed.FeedSource;
import dev.winnow.index.ArticleIndex;
import dev.winnow.index.IndexStatus;
import dev.winnow.index.solr.SolrSettings;
import dev.winnow.state.FailedItem;
import dev.winnow.state.FeedState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code winnow status}: per-feed poll state and index size; reads the last commit, so it works beside a daemon. */
@Command(name = "status", description = "Per feed: last poll, outcome, next poll, articles, failures; index size and last commit.")
final class StatusCommand extends WinnowCommand {

    @Option(names = "--opml", paramLabel = "FILE", description = "Also list this file's feeds that were never polled.")
    Path opml;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Config config = config();
        // With index.backend=solr the articles live in the collection; the data folder only holds the daemon's files.
        if (!SolrSettings.from(config).solr() && !Files.isDirectory(dataDir())) {
            throw new UsageException("no index at " + dataDir() + " yet: winnow fetch or winnow daemon creates it"
                    + " (or give --data DIR)");
        }
        Map<String, FeedState> states = new LinkedHashMap<>();
        IndexStatus index;
        try (ArticleIndex idx = new Components(config).openReadOnly(dataDir())) {
            idx.feedStates().all().forEach(s -> states.put(s.feedUrl(), s));
            index = idx.status();
        }
        Optional<DaemonStatus> daemon = DaemonStatusFile.read(dataDir());
        // The daemon's own feed list, unless another is asked for: the feeds it polls are the ones to show.
        Path daemonOpml = daemon.filter(DaemonStatus::running).map(d -> d.opml() == null ? null : Path.of(d.opml()))
                .orElse(null);
        for (FeedSource f : listedFeeds(config, opml != null ? opml : daemonOpml)) {
            states.putIfAbsent(f.url(), FeedState.initial(f.url()));
        }
        PrintWriter out = out();
        if (json) {
            ObjectNode root = toJson(states.values().stream().toList(), index);
            root.set("daemon", daemonJson(daemon));
            out.println(Json.line(root));
        } else {
            printText(states.values().stream().toList(), index, out);
            out.println(daemonLine(daemon));
        }
        out.flush();
        return Main.OK;
    }

    private List<FeedSource> listedFeeds(Config config, Path given) {
        Path file = FeedSelection.opmlOrDefault(config, given);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return FeedSelection.readOpml(file);
        } catch (Exception e) {
            err().println("winnow: cannot read " + file + ": " + e.getMessage());
            return List.of();
        }
    }

    private static ObjectNode toJson(List<FeedState> states, IndexStatus index) {
        ObjectNode root = Json.object();
        ArrayNode feeds = root.putArray("feeds");
        for (FeedState s : states) {
            ObjectNode f = feeds.addObject();
            f.put("url", s.feedUrl());
            f.put("last_poll", Json.instant(s.lastPoll()));
            f.put("outcome", s.lastOutcome());
            f.put("reason", s.lastReason());
            f.put("next_poll", Json.instant(s.nextPoll()));
            f.put("articles", s.articlesIndexed());
            f.put("consecutive_failures", s.consecutiveFailures());
            ArrayNode failed = f.putArray("failed_items");
            for (FailedItem item : s.failedItems()) {
                failed.addObject().put("url", item.url()).put("reason", item.reason()).put("attempts", item.attempts())
                        .put("retry_at", Json.instant(item.retryAt()));
            }
        }
        ObjectNode i = root.putObject("index");
        i.put("articles", index.articles());
        if (index.sizeKnown()) {
            i.put("size_bytes", index.sizeBytes());
        } else {
            i.putNull("size_bytes");
        }
        i.put("last_commit", Json.instant(index.lastCommit()));
        return root;
    }

    private static void printText(List<FeedState> states, IndexStatus index, PrintWriter out) {
        for (FeedState s : states) {
            out.println(s.feedUrl());
            out.printf("    last poll: %s  outcome: %s%s%n", orDash(s.lastPoll()), orDash(s.lastOutcome()),
                    s.lastReason() == null ? "" : " (" + s.lastReason() + ")");
            out.printf("    next poll: %s  articles: %d  consecutive failures: %d%n", orDash(s.nextPoll()),
                    s.articlesIndexed(), s.consecutiveFailures());
            if (!s.failedItems().isEmpty()) {
                out.printf("    failed articles awaiting a retry: %d%n", s.failedItems().size());
                for (FailedItem item : s.failedItems()) {
                    out.printf("      %s  (%s; %d× failed, next try after %s)%n", item.url(), item.reason(),
                            item.attempts(), item.retryAt());
                }
            }
        }
        String size = index.sizeKnown() ? String.format("%.1f MB", index.sizeBytes() / (1024.0 * 1024.0))
                : index.sizeText();
        out.printf("index: %d articles, %s, last commit %s%n", index.articles(), size, orDash(index.lastCommit()));
    }

    private static ObjectNode daemonJson(Optional<DaemonStatus> status) {
        ObjectNode d = Json.object();
        d.put("running", status.map(DaemonStatus::running).orElse(false));
        status.ifPresent(s -> {
            d.put("pid", s.pid());
            d.put("since", Json.instant(s.started()));
            d.put("opml", s.opml());
            d.put("feeds", s.feeds());
            d.put("unreachable_feeds", s.unreachable());
            d.put("index_writable", s.indexWritable());
            d.put("index_error", s.indexError());
            d.put("index_error_since", Json.instant(s.indexErrorSince()));
        });
        return d;
    }

    private static String daemonLine(Optional<DaemonStatus> status) {
        if (status.isEmpty()) {
            return "daemon: not running";
        }
        DaemonStatus s = status.get();
        if (!s.running()) {
            return "daemon: not running (pid " + s.pid() + ", started " + s.started() + ", did not stop cleanly)";
        }
        String line = "daemon: running (pid " + s.pid() + " since " + s.started() + "), holds the index, polls "
                + s.feeds() + " feeds of " + s.opml();
        if (s.unreachable() > 0) {
            line += "; " + s.unreachable() + " failing at their last poll";
        }
        if (!s.indexWritable()) {
            line += "\ndaemon: the index is NOT writable since " + s.indexErrorSince() + ": " + s.indexError();
        }
        return line;
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }
}
