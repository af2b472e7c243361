package dev.winnow.cli;

import dev.winnow.config.Config;
import dev.winnow.feed.FeedSource;
import dev.winnow.feed.OpmlReader;
import dev.winnow.http.FetchException;
import dev.winnow.http.FetchRequest;
import dev.winnow.http.HttpSettings;
import dev.winnow.http.SafeHttpFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which feeds a command works on: URLs given on the command line, or the feeds of an OPML file. */
final class FeedSelection {
    @Parameters(paramLabel = "URL", arity = "0..*", description = "Feed URLs.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--opml", paramLabel = "FILE|URL", description = "Take the feeds of this OPML file, or of an OPML URL.")
    String opml;

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
        return readOpml(opml, config);
    }

    /** The feeds of an OPML file, or of an http(s) URL fetched once (one-off runs over someone's list). */
    static List<FeedSource> readOpml(String location, Config config) throws FetchException {
        if (!isUrl(location)) {
            return readOpml(Path.of(location));
        }
        try {
            return new OpmlReader().read(fetchOpml(location, config));
        } catch (dev.winnow.feed.FeedParseException e) {
            throw new UsageException("cannot read OPML at " + location + ": " + e.getMessage());
        }
    }

    /** The bytes of an OPML file or URL. */
    static byte[] opmlBytes(String location, Config config) throws IOException {
        if (isUrl(location)) {
            return fetchOpml(location, config);
        }
        if (!Files.isRegularFile(Path.of(location))) {
            throw new UsageException("OPML file " + location + " does not exist");
        }
        return Files.readAllBytes(Path.of(location));
    }

    static boolean isUrl(String location) {
        String lower = location.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static byte[] fetchOpml(String url, Config config) throws FetchException {
        HttpSettings http = HttpSettings.from(config);
        return new SafeHttpFetcher(http).fetch(FetchRequest.feed(url, null, null)).body();
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

    /** As {@link #opmlOrDefault(Config, Path)}, for options that also take a URL. */
    static String opmlOrDefault(Config config, String given) {
        return given != null ? given : config.string("feeds.opml");
    }
}
