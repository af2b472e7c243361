package dev.winnow.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmark's main class again in a fresh JVM and returns what it printed. Speed ratios differ more
 * from one JVM to the next (what the JIT makes of the same code) than from round to round, so a figure worth
 * quoting is the median over several JVMs.
 */
final class Forks {
    private Forks() {
    }

    /** The output of {@code main} run with {@code args} in a new JVM; an exception if it exits non-zero. */
    static String run(Class<?> main, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(main), main.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(main.getSimpleName() + " fork failed:\n" + out);
        }
        return out;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The classpath a class was loaded from: the exec plugin's class loader, else the JVM's own. */
    private static String classPath(Class<?> main) {
        if (main.getClassLoader() instanceof URLClassLoader loader) {
            List<String> paths = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    paths.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("classpath entry " + url, e);
                }
            }
            return String.join(File.pathSeparator, paths);
        }
        return System.getProperty("java.class.path");
    }
}
