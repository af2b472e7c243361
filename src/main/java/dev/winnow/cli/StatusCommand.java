package dev.winnow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.config.Config;
import dev.winnow.feed.FeedSource;
import dev.winnow.index.ArticleIndex;
import dev.winnow.index.IndexStatus;
import dev.winnow.state.FailedItem;
import dev.winnow.state.FeedState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, FeedState> states = new LinkedHashMap<>();
        IndexStatus index;
        try (ArticleIndex idx = new Components(config).openReadOnly(dataDir())) {
            idx.feedStates().all().forEach(s -> states.put(s.feedUrl(), s));
            index = idx.status();
        }
        for (FeedSource f : listedFeeds(config)) {
            states.putIfAbsent(f.url(), FeedState.initial(f.url()));
        }
        PrintWriter out = out();
        if (json) {
            out.println(Json.line(toJson(states.values().stream().toList(), index)));
        } else {
            printText(states.values().stream().toList(), index, out);
        }
        out.flush();
        return Main.OK;
    }

    private List<FeedSource> listedFeeds(Config config) {
        Path file = FeedSelection.opmlOrDefault(config, opml);
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
        i.put("size_bytes", index.sizeBytes());
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
        out.printf("index: %d articles, %.1f MB, last commit %s%n", index.articles(),
                index.sizeBytes() / (1024.0 * 1024.0), orDash(index.lastCommit()));
    }

    private static String orDash(Object o) {
        return o == null ? "-" : o.toString();
    }
}
