package dev.winnow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.config.Config;
import dev.winnow.feed.FeedItem;
import dev.winnow.feed.FeedParseException;
import dev.winnow.feed.FeedParser;
import dev.winnow.feed.FeedSource;
import dev.winnow.feed.OpmlWriter;
import dev.winnow.feed.ParsedFeed;
import dev.winnow.http.FetchException;
import dev.winnow.http.FetchRequest;
import dev.winnow.http.FetchResult;
import dev.winnow.http.HttpFetcher;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code winnow feeds}: manage the feed list and check feeds without fetching their articles. */
@Command(name = "feeds", description = "Manage the feed list (list, import, export) and check feeds.",
        subcommands = {FeedsCommand.ListFeeds.class, FeedsCommand.ImportFeeds.class, FeedsCommand.ExportFeeds.class,
                FeedsCommand.CheckFeeds.class})
final class FeedsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: list, import, export, check");
    }


    @Command(name = "list", description = "List the feeds of the OPML file.")
    static final class ListFeeds extends WinnowCommand {

        @Option(names = "--opml", paramLabel = "FILE")
        Path opml;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = out();
            for (FeedSource f : FeedSelection.readOpml(FeedSelection.opmlOrDefault(config(), opml))) {
                out.printf("%s\t%s\t%s\t%s%n", f.url(), f.title() == null ? "" : f.title(),
                        f.lang() == null ? "" : f.lang(), f.interval() == null ? "" : f.interval());
            }
            out.flush();
            return Main.OK;
        }
    }

    @Command(name = "import", description = "Add the feeds of another OPML file to the feed list (duplicates skipped).")
    static final class ImportFeeds extends WinnowCommand {

        @Option(names = "--opml", paramLabel = "FILE", description = "The feed list to add to.")
        Path opml;

        @Parameters(paramLabel = "FILE", description = "The OPML file to import.")
        Path source;

        @Override
        public Integer call() throws Exception {
            Path dest = FeedSelection.opmlOrDefault(config(), opml);
            Map<String, FeedSource> merged = new LinkedHashMap<>();
            if (Files.isRegularFile(dest)) {
                FeedSelection.readOpml(dest).forEach(f -> merged.put(f.url(), f));
            }
            int before = merged.size();
            FeedSelection.readOpml(source).forEach(f -> merged.putIfAbsent(f.url(), f));
            // Write beside the target and move into place, so a crash never leaves half a feed list.
            Path tmp = Files.createTempFile(dest.toAbsolutePath().getParent(), ".feeds", ".opml");
            Files.writeString(tmp, new OpmlWriter().write(new ArrayList<>(merged.values()), "winnow feeds"),
                    StandardCharsets.UTF_8);
            Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out().printf("imported %d new feeds into %s (%d in all)%n",
                    merged.size() - before, dest, merged.size());
            out().flush();
            return Main.OK;
        }
    }

    @Command(name = "export", description = "Print the feed list as OPML 2.0.")
    static final class ExportFeeds extends WinnowCommand {

        @Option(names = "--opml", paramLabel = "FILE")
        Path opml;

        @Override
        public Integer call() throws Exception {
            List<FeedSource> feeds = FeedSelection.readOpml(FeedSelection.opmlOrDefault(config(), opml));
            out().print(new OpmlWriter().write(feeds, "winnow feeds"));
            out().flush();
            return Main.OK;
        }
    }

    @Command(name = "check", description = "Fetch and parse feeds without fetching their articles; print what was found.")
    static final class CheckFeeds extends WinnowCommand {

        @Mixin
        FeedSelection selection;

        @Option(names = "--json", description = "One JSON object, in the shape of fetch --json.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Config config = config();
            Components components = new Components(config);
            HttpFetcher fetcher = components.fetcher();
            FeedParser parser = components.feedParser();
            ObjectNode root = Json.object();
            ArrayNode feeds = root.putArray("feeds");
            boolean failed = false;
            for (FeedSource f : selection.resolve(config)) {
                ObjectNode node = feeds.addObject();
                node.put("url", f.url());
                failed |= !check(f, fetcher, parser, node);
            }
            PrintWriter out = out();
            if (json) {
                out.println(Json.line(root));
            } else {
                printText(root, out);
            }
            out.flush();
            return failed ? Main.PARTIAL_FAILURE : Main.OK;
        }

        private static boolean check(FeedSource f, HttpFetcher fetcher, FeedParser parser, ObjectNode node) {
            ArrayNode items = node.putArray("items");
            try {
                FetchResult r = fetcher.fetch(FetchRequest.feed(f.url(), null, null));
                ParsedFeed feed = parser.parse(r.body(), r.finalUrl(), r.contentType());
                node.put("status", "ok");
                node.putNull("reason");
                node.put("format", feed.format());
                node.put("title", feed.title());
                for (FeedItem i : feed.items()) {
                    ObjectNode o = items.addObject();
                    o.put("title", i.title());
                    o.put("link", i.link());
                    o.put("url", i.link());
                    o.put("guid", i.guid());
                    o.put("date", Json.instant(i.published()));
                }
                return true;
            } catch (FetchException e) {
                node.put("status", "failed");
                node.put("reason", e.reason() + ": " + e.getMessage());
            } catch (FeedParseException e) {
                node.put("status", "failed");
                node.put("reason", "unreadable-feed: " + e.getMessage());
            }
            return false;
        }

        private static void printText(ObjectNode root, PrintWriter out) {
            root.get("feeds").forEach(f -> {
                out.printf("%s  %s%s%n", f.get("status").asText().toUpperCase(java.util.Locale.ROOT),
                        f.get("url").asText(), f.get("reason").isNull() ? "" : "  (" + f.get("reason").asText() + ")");
                f.get("items").forEach(i -> out.printf("    %s  %s  %s%n", i.path("date").asText("-"),
                        i.path("title").asText(""), i.path("link").asText("")));
            });
        }
    }
}
