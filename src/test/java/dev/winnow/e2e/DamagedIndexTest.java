package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged index is never read as empty nor overwritten: every command says what is wrong and names
 * the recovery command, which keeps what can be read; the next fetch brings back what was lost.
 */
class DamagedIndexTest extends WithNewsSite {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void missingCommitPointIsReportedNeverWipedAndRepairedByIndexRepair() throws Exception {
        Path data = fetchBothFeeds();
        List<String> before = indexFiles(data);
        for (String name : before) {
            if (name.startsWith("segments_")) {
                Files.delete(data.resolve(name));
            }
        }
        List<String> damaged = indexFiles(data);

        for (String cmd : List.of("status", "export", "search")) {
            Cli.Result r = cmd.equals("search") ? Cli.run(cmd, "--data", data.toString(), "hipotecas")
                    : Cli.run(cmd, "--data", data.toString());
            assertEquals(5, r.code(), cmd + ": " + r.out() + r.err());
            assertTrue(r.err().contains("segments_N file is missing") && r.err().contains("winnow index repair"),
                    cmd + ": " + r.err());
        }
        Cli.Result fetch = fetch(data);
        assertEquals(5, fetch.code(), fetch.err());
        assertEquals(damaged, indexFiles(data), "fetch wrote nothing over the damaged index");

        assertEquals(5, Cli.run("index", "check", "--data", data.toString()).code());
        Cli.Result repair = Cli.run("index", "repair", "--data", data.toString());
        assertEquals(0, repair.code(), repair.out() + repair.err());
        assertTrue(repair.out().contains("damaged-"), repair.out());

        assertEquals(0, fetch(data).code());
        assertEquals(6, exportedUrls(data).size(), "every article back, once");
    }

    @Test
    void damagedSegmentIsNamedAndRepairKeepsEveryArticleOnce() throws Exception {
        Path data = fetchBothFeeds();
        Path stored = indexFiles(data).stream().filter(n -> n.endsWith(".fdt")).map(data::resolve).findFirst().orElseThrow();
        try (RandomAccessFile f = new RandomAccessFile(stored.toFile(), "rw")) {
            f.seek(f.length() - 10);
            f.write(new byte[] {9, 9, 9, 9});
        }
        Cli.Result search = Cli.run("search", "--data", data.toString(), "hipotecas");
        assertEquals(5, search.code(), search.err());
        assertTrue(search.err().contains("is damaged: a file is corrupt") && search.err().contains("winnow index check"),
                search.err());

        Cli.Result check = Cli.run("index", "check", "--data", data.toString());
        assertEquals(5, check.code(), check.out());
        assertTrue(check.out().contains("segment _"), check.out());
        assertEquals(0, Cli.run("index", "repair", "--data", data.toString()).code());
        assertEquals(0, Cli.run("index", "check", "--data", data.toString()).code());

        Cli.Result again = fetch(data);
        assertEquals(0, again.code(), again.err() + again.out());
        assertEquals(6, exportedUrls(data).size(), "what the damaged segment held is fetched again");
    }

    @Test
    void checkOfAHealthyIndexChangesNothing() throws Exception {
        Path data = fetchBothFeeds();
        List<String> before = indexFiles(data);
        Cli.Result check = Cli.run("index", "check", "--data", data.toString());
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("healthy"), check.out());
        assertEquals(before, indexFiles(data));
    }

    private Path fetchBothFeeds() {
        Path data = dir.resolve("data");
        Cli.Result r = fetch(data);
        assertEquals(0, r.code(), r.err());
        return data;
    }

    private static Cli.Result fetch(Path data) {
        return Cli.run("fetch", "--json", "--data", data.toString(), "--allow-private-network",
                site.feedUrl("es"), site.feedUrl("en"));
    }

    private static List<String> indexFiles(Path data) throws IOException {
        try (Stream<Path> s = Files.list(data)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("write.lock")).sorted().toList();
        }
    }

    private static Set<String> exportedUrls(Path data) throws Exception {
        Cli.Result r = Cli.run("export", "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        Set<String> urls = new HashSet<>();
        List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
        for (String line : lines) {
            urls.add(JSON.readTree(line).get("url").asText());
        }
        assertEquals(lines.size(), urls.size(), "no duplicate stored copies");
        return urls;
    }
}
