package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code winnow} launcher script, run with a stand-in {@code java} that prints its arguments: every
 * command gets the heap cap and stops at once on out-of-memory, and WINNOW_JAVA_OPTS adds to them.
 */
class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void javaOptionsKeepTheHeapCapAndExitOnOutOfMemory() throws Exception {
        List<String> args = launch("-Xss2m", "fetch");
        assertTrue(args.contains("-Xmx512m") && args.contains("-XX:+ExitOnOutOfMemoryError") && args.contains("-Xss2m"),
                args.toString());
    }

    @Test
    void ownHeapOptionComesLastSoItWins() throws Exception {
        List<String> args = launch("-Xmx2g", "daemon");
        assertTrue(args.indexOf("-Xmx2g") > args.indexOf("-Xmx512m"), args.toString());
        assertTrue(args.contains("-XX:+ExitOnOutOfMemoryError"), args.toString());
    }

    @Test
    void shortCommandsAreCappedToo() throws Exception {
        List<String> args = launch("", "status");
        assertTrue(args.contains("-Xmx512m") && args.contains("-XX:+ExitOnOutOfMemoryError"), args.toString());
    }

    /** Runs a copy of the launcher beside a built jar, with {@code java} printing one argument per line. */
    private List<String> launch(String javaOpts, String command) throws Exception {
        Path home = dir.resolve("winnow-home");
        Files.createDirectories(home.resolve("target"));
        Files.copy(Path.of("winnow"), home.resolve("winnow"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(home.resolve("target/winnow.jar"), "");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("winnow").toString(), command);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("WINNOW_JAVA_OPTS", javaOpts);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }
}
