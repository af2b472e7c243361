package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: the index on a 4 MB tmpfs (mounted when the tests run as root, skipped otherwise),
 * filled up between two fetches. The fetch says "no space left", exits 5 and loses nothing committed;
 * every reading command works meanwhile; once space returns the next fetch stores the rest.
 */
class DiskFullTest extends WithNewsSite {
    @TempDir
    Path dir;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
        }
    }

    @Test
    void fullDiskIsReportedAndTheIndexReadsAndHealsWhenSpaceReturns() throws Exception {
        Path disk = dir.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString()) == 0,
                "cannot mount a tmpfs here (needs root)");
        mount = disk;
        Path data = disk.resolve("data");
        assertEquals(0, fetch(data, site.feedUrl("es")).code());

        Path filler = disk.resolve("filler");
        fill(filler);
        Cli.Result full = fetch(data, site.feedUrl("en"));
        assertEquals(5, full.code(), full.err() + full.out());
        assertTrue(full.err().contains("no space left on " + data), full.err());
        assertTrue(full.out().contains("\"status\":\"failed\""), full.out());

        assertEquals(0, Cli.run("status", "--data", data.toString()).code());
        assertEquals(0, Cli.run("search", "--data", data.toString(), "hipotecas").code());
        assertEquals(3, exported(data), "what was committed before is all there");

        Files.delete(filler);
        Cli.Result again = fetch(data, site.feedUrl("en"));
        assertEquals(0, again.code(), again.err() + again.out());
        assertEquals(6, exported(data));
    }

    private static Cli.Result fetch(Path data, String feed) {
        return Cli.run("fetch", "--json", "--data", data.toString(), "--allow-private-network", feed);
    }

    private static long exported(Path data) {
        Cli.Result r = Cli.run("export", "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        return r.out().lines().filter(l -> !l.isBlank()).count();
    }

    private static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            // the disk is full
        }
    }

    private static int run(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
