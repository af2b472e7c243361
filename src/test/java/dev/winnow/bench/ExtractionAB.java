package dev.winnow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Compares the extraction speed of two builds in one JVM: each round parses the WCEB speed sample bare, then
 * extracts it with build A, then with build B, and reports the median of each build's extraction / bare
 * parse ratio. A JVM's ratio moves by up to 0.3 between runs of the same code (what the JIT makes of jsoup's
 * parser, what else the machine does), which hides a change of a few percent in {@link ExtractionBench}'s
 * medians over JVMs; within one JVM both builds meet the same parser code and the same machine.
 *
 * <p>Run: {@code mvn -B -q -Pbench -Dbench=ExtractionAB -Dbench.args="--a DIR --b DIR [--rounds 16]"}, each
 * DIR a build's {@code target/classes} (e.g. of a {@code git worktree} of the commit to compare with, built
 * with {@code mvn -q compile}). Run it twice with A and B swapped: the build measured second in a round pays
 * for what the first left in the caches.
 */
public final class ExtractionAB {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One build's extractor, loaded from its own classes (its dependencies from this JVM). */
    private static final class Build {
        private final Object extractor;
        private final Method extract;
        private final Constructor<?> pageInput;

        Build(Path classes) throws ReflectiveOperationException, IOException {
            ClassLoader loader = new OwnClassesFirst(classes);
            Class<?> settings = loader.loadClass("dev.winnow.extract.ExtractSettings");
            Class<?> extractorClass = loader.loadClass("dev.winnow.extract.ArticleExtractor");
            Class<?> input = loader.loadClass("dev.winnow.extract.PageInput");
            extractor = extractorClass.getConstructor(settings).newInstance(settings.getMethod("defaults").invoke(null));
            extract = extractorClass.getMethod("extract", input);
            pageInput = input.getConstructor(byte[].class, String.class, String.class);
        }

        long extractAll(List<byte[]> pages, List<String> urls) throws ReflectiveOperationException {
            long n = 0;
            for (int i = 0; i < pages.size(); i++) {
                n += extract.invoke(extractor, pageInput.newInstance(pages.get(i), urls.get(i), null)).hashCode() & 1;
            }
            return n;
        }
    }

    /** Loads winnow's classes from one build's folder before asking the parent, which holds this build's. */
    private static final class OwnClassesFirst extends URLClassLoader {
        OwnClassesFirst(Path classes) throws IOException {
            super(new URL[] {classes.toUri().toURL()}, ExtractionAB.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.winnow.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }

    private ExtractionAB() {
    }

    public static void main(String[] args) throws Exception {
        Path a = null;
        Path b = null;
        int rounds = 16;
        Path shared = OffTopicCases.sharedDir();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--a" -> a = Path.of(args[i + 1]);
                case "--b" -> b = Path.of(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--shared" -> shared = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (a == null || b == null || !Files.isDirectory(a) || !Files.isDirectory(b)) {
            throw new IllegalArgumentException("--a and --b must each name a build's classes folder");
        }
        Path wceb = shared.resolve("bench/extraction-wceb");
        if (!Files.isDirectory(wceb)) {
            System.out.println("no " + wceb + ": nothing to measure");
            return;
        }
        List<byte[]> pages = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        loadSample(wceb, pages, urls);
        compare(new Build(a), new Build(b), pages, urls, rounds);
    }

    /** Every sixth WCEB page, as {@link ExtractionBench}'s speed section takes them. */
    private static void loadSample(Path wceb, List<byte[]> pages, List<String> urls) throws IOException {
        JsonNode truth = JSON.readTree(wceb.resolve("truth.json").toFile());
        int i = 0;
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); i++) {
            String id = it.next();
            if (i % 6 == 0) {
                pages.add(ExtractionBench.gunzip(wceb.resolve("pages/" + id + ".html.gz")));
                urls.add(truth.get(id).path("url").asText("http://127.0.0.1/"));
            }
        }
    }

    private static void compare(Build a, Build b, List<byte[]> pages, List<String> urls, int rounds)
            throws IOException, ReflectiveOperationException {
        double[] ra = new double[rounds];
        double[] rb = new double[rounds];
        long sink = 0;
        int warmup = 3;
        for (int r = 0; r < rounds + warmup; r++) {
            long t0 = ExtractionBench.cpuNanos();
            for (int i = 0; i < pages.size(); i++) {
                sink += Jsoup.parse(new ByteArrayInputStream(pages.get(i)), null, urls.get(i)).childNodeSize();
            }
            long t1 = ExtractionBench.cpuNanos();
            sink += a.extractAll(pages, urls);
            long t2 = ExtractionBench.cpuNanos();
            sink += b.extractAll(pages, urls);
            long t3 = ExtractionBench.cpuNanos();
            if (r >= warmup) {
                ra[r - warmup] = (double) (t2 - t1) / (t1 - t0);
                rb[r - warmup] = (double) (t3 - t2) / (t1 - t0);
            }
        }
        Arrays.sort(ra);
        Arrays.sort(rb);
        System.out.printf(Locale.ROOT, "%d pages, %d rounds: extraction / bare parse, median: A %.3f, B %.3f "
                + "(B - A %+.3f)   [checksum %d]%n", pages.size(), rounds, ra[rounds / 2], rb[rounds / 2],
                rb[rounds / 2] - ra[rounds / 2], sink % 10);
    }
}
