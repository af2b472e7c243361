package dev.winnow.cli;

import dev.winnow.config.Config;
import dev.winnow.feed.FeedSource;
import dev.winnow.feed.OpmlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which feeds a command works on: URLs given on the command line, or the feeds of an OPML file. */
final class FeedSelection {
    @Parameters(paramLabel = "URL", arity = "0..*", description = "Feed URLs.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--opml", paramLabel = "FILE", description = "Take the feeds of this OPML file.")
    Path opml;

    List<FeedSource> resolve(Config config) throws Exception {
        if (!urls.isEmpty() && opml != null) {
            throw new UsageException("give feed URLs or --opml, not both");
        }
        if (!urls.isEmpty()) {
            return urls.stream().map(FeedSource::of).toList();
        }
        if (opml == null) {
            throw new UsageException("give at least one feed URL, or --opml FILE");
        }
        return readOpml(opml);
    }

    /** The feeds of an OPML file; a missing or unreadable file is a usage error naming the file. */
    static List<FeedSource> readOpml(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UsageException("OPML file " + file + " does not exist");
        }
        try {
            return new OpmlReader().read(file);
        } catch (dev.winnow.feed.FeedParseException e) {
            throw new UsageException("cannot read OPML file " + file + ": " + e.getMessage());
        }
    }

    /** The OPML file a command works on: the one given, else the configured {@code feeds.opml}. */
    static Path opmlOrDefault(Config config, Path given) {
        return given != null ? given : Path.of(config.string("feeds.opml"));
    }
}
