package dev.winnow.bench;

import dev.winnow.feed.FeedParseException;
import dev.winnow.feed.FeedParser;
import dev.winnow.feed.FeedSource;
import dev.winnow.feed.OpmlReader;
import dev.winnow.feed.ParsedFeed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures {@link FeedParser} and {@link OpmlReader} on the public fixtures in ../shared/fixtures against
 * Python feedparser's reference parse: coverage of the files feedparser reads, JSON Feed files read,
 * agreement on entry counts and first titles, and a one-line reason for every file winnow cannot read.
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=FeedBench [-Dbench.args="FIXTURES_DIR -v"]}
 */
public final class FeedBench {
    private FeedBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 && !args[0].startsWith("-") ? args[0] : "../shared/fixtures");
        boolean verbose = List.of(args).contains("-v");
        if (!Files.isDirectory(root.resolve("feeds"))) {
            System.out.println("fixtures not found under " + root.toAbsolutePath() + "; nothing measured");
            return;
        }
        feeds(root.resolve("feeds"), verbose);
        opml(root.resolve("opml"));
    }

    private static void feeds(Path dir, boolean verbose) throws IOException {
        FeedParser parser = new FeedParser();
        List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int cPath = header.indexOf("path");
        int cFormat = header.indexOf("format");
        int cWell = header.indexOf("wellformed");
        int cEntries = header.indexOf("entries");
        int cTitle = header.indexOf("first_entry_title");
        int fpRead = 0;
        int fpReadWeRead = 0;
        int jsonWell = 0;
        int jsonRead = 0;
        int both = 0;
        int sameCount = 0;
        int sameTitle = 0;
        int sameBoth = 0;
        int total = 0;
        int weRead = 0;
        List<String> failures = new ArrayList<>();
        List<String> misses = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            total++;
            int fpEntries = f[cEntries].isEmpty() ? 0 : Integer.parseInt(f[cEntries]);
            boolean json = f[cFormat].equals("json");
            ParsedFeed feed = null;
            String reason = null;
            try {
                feed = parser.parse(Files.readAllBytes(dir.resolve(f[cPath])), null, null);
            } catch (FeedParseException e) {
                reason = e.getMessage();
            } catch (RuntimeException e) {
                reason = "CRASH " + e;
            }
            int ours = feed == null ? 0 : feed.items().size();
            if (ours > 0) {
                weRead++;
            }
            if (json && f[cWell].equals("yes")) {
                jsonWell++;
                jsonRead += ours > 0 ? 1 : 0;
            }
            if (fpEntries > 0) {
                fpRead++;
                if (ours > 0) {
                    fpReadWeRead++;
                    both++;
                    boolean count = ours == fpEntries;
                    String ourTitle = feed.items().get(0).title();
                    boolean title = norm(ourTitle).equals(norm(f[cTitle]));
                    sameCount += count ? 1 : 0;
                    sameTitle += title ? 1 : 0;
                    sameBoth += count && title ? 1 : 0;
                    if (!(count && title)) {
                        misses.add(String.format("%-60s entries %d/%d  title '%s' vs '%s'", f[cPath], ours, fpEntries,
                                clip(ourTitle), clip(f[cTitle])));
                    }
                }
            }
            if (feed == null) {
                failures.add(String.format("%-60s %-6s fp=%-3d %s", f[cPath], f[cFormat], fpEntries, reason));
            } else if (ours == 0 && verbose) {
                failures.add(String.format("%-60s %-6s fp=%-3d read, but no items", f[cPath], f[cFormat], fpEntries));
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        // CPU time is the figure to compare: wall time swings with whatever else the machine runs.
        System.out.println("== feeds (" + total + " files, " + ms + " ms wall, " + cpuMs + " ms CPU)");
        System.out.printf("files with items (winnow)                         %d%n", weRead);
        System.out.printf("feedparser reads entries: %d; winnow reads them too: %d (%.1f%%)%n", fpRead, fpReadWeRead,
                pct(fpReadWeRead, fpRead));
        System.out.printf("well-formed JSON Feed files: %d; winnow reads: %d%n", jsonWell, jsonRead);
        System.out.printf("both read: %d; same entry count %d (%.1f%%), same first title %d (%.1f%%), both same %d (%.1f%%)%n",
                both, sameCount, pct(sameCount, both), sameTitle, pct(sameTitle, both), sameBoth, pct(sameBoth, both));
        System.out.println("-- unreadable files (" + failures.size() + "), one reason each:");
        failures.forEach(s -> System.out.println("  " + s));
        if (verbose) {
            System.out.println("-- disagreements with feedparser (" + misses.size() + "):");
            misses.forEach(s -> System.out.println("  " + s));
        }
    }

    private static void opml(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<String> lines = Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int cPath = header.indexOf("path");
        int cFeeds = header.indexOf("feed_outlines");
        int cNotes = header.indexOf("notes");
        OpmlReader reader = new OpmlReader();
        int read = 0;
        int errors = 0;
        System.out.println("== opml (" + (lines.size() - 1) + " files)");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            try {
                List<FeedSource> feeds = reader.read(dir.resolve(f[cPath]));
                read++;
                System.out.printf("  read  %-40s %3d feeds (manifest feed outlines %s)%n", f[cPath], feeds.size(), f[cFeeds]);
            } catch (FeedParseException e) {
                errors++;
                System.out.printf("  error %-40s %s   [manifest: %s]%n", f[cPath], e.getMessage(), clip(f[cNotes]));
            }
        }
        System.out.printf("opml read %d, clear errors %d%n", read, errors);
    }

    private static String norm(String s) {
        if (s == null) {
            return "";
        }
        String t = org.jsoup.Jsoup.parse(s).text();
        return Normalizer.normalize(t, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static String clip(String s) {
        return s == null ? "null" : s.length() > 50 ? s.substring(0, 50) + "…" : s;
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }
}
