package dev.winnow.bench;

import dev.winnow.feed.FeedParseException;
import dev.winnow.feed.FeedParser;
import dev.winnow.http.FetchException;
import dev.winnow.http.FetchRequest;
import dev.winnow.http.FetchResult;
import dev.winnow.http.HttpFetcher;
import dev.winnow.http.HttpSettings;
import dev.winnow.http.PoliteFetcher;
import dev.winnow.http.SafeHttpFetcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads every feed fixture through Python's {@code http.server} (HTTP/1.0, one connection per request)
 * with winnow's fetcher, as {@code winnow feeds check} does, and compares with reading the same files
 * from disk. Target: no fetch failure, and as many feeds with entries over HTTP as from disk.
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=Http10Bench [-Dbench.args=FIXTURES_DIR]}; needs {@code python3}.
 */
public final class Http10Bench {
    private Http10Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = fixtures(args);
        if (root == null) {
            System.out.println("fixtures not found (../shared/fixtures or /work/shared/fixtures); nothing measured");
            return;
        }
        Path feeds = root.resolve("feeds");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Process python;
        try {
            python = new ProcessBuilder("python3", "-m", "http.server", String.valueOf(port), "--bind", "127.0.0.1")
                    .directory(feeds.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            System.out.println("python3 not available (" + e.getMessage() + "); nothing measured");
            return;
        }
        try {
            awaitListening(port);
            measure(feeds, "http://127.0.0.1:" + port + "/");
        } finally {
            python.destroy();
        }
    }

    /** The fixtures folder: the argument, else ../shared/fixtures, else /work/shared/fixtures (from a worktree). */
    private static Path fixtures(String[] args) {
        for (String candidate : args.length > 0 ? List.of(args[0]) : List.of("../shared/fixtures", "/work/shared/fixtures")) {
            if (Files.isRegularFile(Path.of(candidate, "feeds", "MANIFEST.tsv"))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    private static void measure(Path feeds, String base) throws IOException {
        HttpSettings settings = HttpSettings.defaults().withAllowPrivateNetwork(true);
        HttpFetcher fetcher = new PoliteFetcher(new SafeHttpFetcher(settings), settings);
        FeedParser parser = new FeedParser();
        List<String> lines = Files.readAllLines(feeds.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        int fetched = 0;
        int readFromDisk = 0;
        int readOverHttp = 0;
        Map<String, Integer> failures = new TreeMap<>();
        long start = System.nanoTime();
        for (String line : lines.subList(1, lines.size())) {
            String path = line.split("\t", -1)[0];
            byte[] onDisk = Files.readAllBytes(feeds.resolve(path));
            readFromDisk += entries(parser, onDisk) > 0 ? 1 : 0;
            try {
                FetchResult r = fetcher.fetch(FetchRequest.feed(base + encode(path), null, null));
                fetched++;
                readOverHttp += entries(parser, r.body()) > 0 ? 1 : 0;
            } catch (FetchException e) {
                failures.merge(e.reason() + ": " + e.getMessage().replaceAll("http://\\S+", "URL"), 1, Integer::sum);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        int total = lines.size() - 1;
        System.out.printf("files: %d  fetched over HTTP/1.0: %d  fetch failures: %d  (%d ms)%n", total, fetched,
                total - fetched, ms);
        System.out.printf("feeds with entries: from disk %d, over HTTP %d%n", readFromDisk, readOverHttp);
        failures.forEach((reason, n) -> System.out.printf("  %4d  %s%n", n, reason));
    }

    private static int entries(FeedParser parser, byte[] bytes) {
        try {
            return parser.parse(bytes, null, null).items().size();
        } catch (FeedParseException | RuntimeException e) {
            return 0;
        }
    }

    private static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/")) {
            b.append(b.length() == 0 ? "" : "/").append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("python3 http.server did not start on port " + port);
    }
}
