package dev.winnow.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@code winnow daemon} running in its own JVM, so tests can stop it with SIGTERM or kill it outright. */
final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    DaemonProcess(Path opml, Path data, Path config) throws IOException {
        this.log = Files.createTempFile("winnow-daemon", ".log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.winnow.cli.Main", "daemon",
                "--opml", opml.toString(), "--data", data.toString(), "--config", config.toString(),
                "--allow-private-network"));
        this.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Sends SIGTERM and waits for the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("daemon did not stop after SIGTERM; log:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to commit or clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The operating system's id of the daemon's process. */
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
