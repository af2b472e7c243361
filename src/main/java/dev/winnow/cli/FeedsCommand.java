package dev.winnow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.winnow.config.Config;
import dev.winnow.feed.FeedItem;
import dev.winnow.feed.FeedParseException;
import dev.winnow.feed.FeedParser;
import dev.winnow.feed.FeedSource;
import dev.winnow.feed.OpmlEditor;
import dev.winnow.feed.OpmlWriter;
import dev.winnow.feed.ParsedFeed;
import dev.winnow.http.FetchException;
import dev.winnow.http.FetchRequest;
import dev.winnow.http.FetchResult;
import dev.winnow.http.HttpFetcher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code winnow feeds}: manage the feed list and check feeds without fetching their articles. */
@Command(name = "feeds", description = "Manage the feed list (list, import, add, remove, export) and check feeds.",
        subcommands = {FeedsCommand.ListFeeds.class, FeedsCommand.ImportFeeds.class, FeedsCommand.AddFeed.class,
                FeedsCommand.RemoveFeed.class, FeedsCommand.ExportFeeds.class, FeedsCommand.CheckFeeds.class,
                picocli.CommandLine.HelpCommand.class})
final class FeedsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: list, import, add, remove, export, check");
    }


    @Command(name = "list", description = "List the feeds of the OPML file (or of an OPML URL).")
    static final class ListFeeds extends WinnowCommand {

        @Option(names = "--opml", paramLabel = "FILE|URL", description = "The feed list (default: feeds.opml config key).")
        String opml;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = out();
            for (FeedSource f : FeedSelection.readOpml(FeedSelection.opmlOrDefault(config(), opml), config())) {
                out.printf("%s\t%s\t%s\t%s%n", f.url(), f.title() == null ? "" : f.title(),
                        f.lang() == null ? "" : f.lang(), f.interval() == null ? "" : f.interval());
            }
            out.flush();
            return Main.OK;
        }
    }

    /** What the editing subcommands share: the list they edit, saved atomically with a backup. */
    abstract static class EditFeeds extends WinnowCommand {
        @Option(names = "--opml", paramLabel = "FILE", description = "The feed list to edit (default: feeds.opml config key).")
        Path opml;

        final Path target() {
            return FeedSelection.opmlOrDefault(config(), opml);
        }

        final OpmlEditor open(Path file) throws Exception {
            try {
                return OpmlEditor.open(file);
            } catch (FeedParseException e) {
                throw new UsageException("cannot edit OPML file " + file + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "import", description = {"Add the feeds of another OPML file or URL to the feed list (duplicates skipped).",
        "Folders, comments and attributes of both lists are kept; the previous list is saved as FILE.bak."})
    static final class ImportFeeds extends EditFeeds {

        @Parameters(paramLabel = "FILE|URL", description = "The OPML file or URL to import.")
        String source;

        @Override
        public Integer call() throws Exception {
            Path dest = target();
            OpmlEditor editor = open(dest);
            int added;
            try {
                added = editor.importFrom(FeedSelection.opmlBytes(source, config()));
            } catch (FeedParseException e) {
                throw new UsageException("cannot read OPML " + source + ": " + e.getMessage());
            }
            if (added > 0) {
                editor.save(dest);
            }
            out().printf("imported %d new feeds into %s (%d in all)%n", added, dest, editor.feedCount());
            out().flush();
            return Main.OK;
        }
    }

    @Command(name = "add", description = {"Add one feed to the feed list, optionally into a folder.",
        "The rest of the list is kept as it was; the previous list is saved as FILE.bak."})
    static final class AddFeed extends EditFeeds {

        @Parameters(paramLabel = "URL", description = "The feed URL.")
        String url;

        @Option(names = "--folder", paramLabel = "NAME", description = "Top-level folder to put it in (created if missing).")
        String folder;

        @Option(names = "--title", paramLabel = "TEXT", description = "The feed's name in the list (default: its URL).")
        String title;

        @Override
        public Integer call() throws Exception {
            if (!FeedSelection.isUrl(url)) {
                throw new UsageException("not an http(s) feed URL: '" + url + "'");
            }
            Path dest = target();
            OpmlEditor editor = open(dest);
            if (!editor.add(new FeedSource(url.strip(), title, null, null), folder)) {
                out().printf("%s is already in %s%n", url, dest);
            } else {
                editor.save(dest);
                out().printf("added %s to %s%s%n", url, dest, folder == null ? "" : " (folder " + folder + ")");
            }
            out().flush();
            return Main.OK;
        }
    }

    @Command(name = "remove", description = {"Remove a feed from the feed list (its articles stay in the index).",
        "The previous list is saved as FILE.bak."})
    static final class RemoveFeed extends EditFeeds {

        @Parameters(paramLabel = "URL", description = "The feed URL, as listed.")
        String url;

        @Override
        public Integer call() throws Exception {
            Path dest = target();
            if (!Files.isRegularFile(dest)) {
                throw new UsageException("OPML file " + dest + " does not exist");
            }
            OpmlEditor editor = open(dest);
            if (editor.remove(url) == 0) {
                err().printf("winnow: %s is not in %s%n", url, dest);
                err().flush();
                return Main.PARTIAL_FAILURE;
            }
            editor.save(dest);
            out().printf("removed %s from %s%n", url, dest);
            out().flush();
            return Main.OK;
        }
    }

    @Command(name = "export", description = "Print the feed list as OPML 2.0.")
    static final class ExportFeeds extends WinnowCommand {

        @Option(names = "--opml", paramLabel = "FILE|URL", description = "The feed list (default: feeds.opml config key).")
        String opml;

        @Override
        public Integer call() throws Exception {
            List<FeedSource> feeds = FeedSelection.readOpml(FeedSelection.opmlOrDefault(config(), opml), config());
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
