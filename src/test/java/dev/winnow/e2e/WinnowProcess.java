package dev.winnow.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A winnow command (a daemon, a fetch) running in its own JVM, so tests can stop it with SIGTERM or kill it outright. */
final class WinnowProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    /** Starts {@code winnow ARGS…} with the test class path and a 256 MB heap. */
    WinnowProcess(List<String> args) throws IOException {
        this.log = Files.createTempFile("winnow-process", ".log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classPath(), "dev.winnow.cli.Main"));
        cmd.addAll(args);
        this.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * The class path winnow's classes were loaded from: the JVM's own under surefire, the class loader's
     * when a plugin (exec:java, for the benchmarks) loaded them into a JVM of its own.
     */
    private static String classPath() {
        if (dev.winnow.cli.Main.class.getClassLoader() instanceof java.net.URLClassLoader loader
                && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException("class path entry " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** {@code winnow daemon} on the OPML file's feeds. */
    static WinnowProcess daemon(Path opml, Path data, Path config) throws IOException {
        return new WinnowProcess(List.of("daemon", "--opml", opml.toString(), "--data", data.toString(),
                "--config", config.toString(), "--allow-private-network"));
    }

    /** Sends SIGTERM and waits for the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        return waitForExit(60);
    }

    /** Sends SIGTERM without waiting. */
    void signalTerm() {
        process.destroy();
    }

    /** Waits up to {@code seconds} for the process to end on its own, and returns its exit code. */
    int waitForExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("winnow did not stop within " + seconds + " s; log:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to commit or clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        new File(log.toString()).delete();
    }
}
