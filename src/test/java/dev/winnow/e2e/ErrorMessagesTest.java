package dev.winnow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees when something is wrong: the real cause, in one line, with the right exit code. */
class ErrorMessagesTest {
    @TempDir
    Path dir;

    private String noData() {
        return dir.resolve("no-data").toString();
    }

    @Test
    void cleanOfAMissingFileSaysNoSuchFile() {
        Path missing = dir.resolve("nope.html");
        Cli.Result r = Cli.run("clean", "--data", noData(), missing.toString());
        assertEquals(1, r.code());
        assertEquals("winnow: " + missing + ": no such file", r.err().strip());
    }

    @Test
    void cleanRefusesBinaryFiles() throws Exception {
        Path png = dir.resolve("photo.html");
        byte[] bytes = new byte[2048];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        Files.write(png, bytes);
        Path pdf = dir.resolve("paper.html");
        Files.writeString(pdf, "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", StandardCharsets.ISO_8859_1);
        Cli.Result r = Cli.run("clean", "--data", noData(), png.toString(), pdf.toString());
        assertEquals(1, r.code());
        assertEquals(List.of("winnow: " + png + ": not an HTML page: the file holds binary data",
                "winnow: " + pdf + ": not an HTML page: the file holds binary data"), r.err().strip().lines().toList());
    }

    @Test
    void cleanJsonlReportsEveryBadLineByNumberAndExitsOne() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"ok\",\"title\":\"T\",\"paragraphs\":[\"One line of text.\"]}",
                "not json at all",
                "",
                "{\"title\":\"no id\",\"paragraphs\":[]}",
                "{\"id\":\"ok2\",\"title\":\"T\",\"paragraphs\":[\"Another line.\"]}") + "\n");
        Cli.Result r = Cli.run("clean", "--jsonl", in.toString(), "--data", noData());
        assertEquals(1, r.code(), "bad lines are a partial failure");
        assertEquals(2, r.out().lines().count(), "the good lines are still cleaned: " + r.out());
        List<String> errors = r.err().strip().lines().toList();
        assertEquals(2, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("winnow: " + in + " line 2: not valid JSON"), errors.get(0));
        assertTrue(errors.get(1).startsWith("winnow: " + in + " line 4: "), errors.get(1));
    }

    @Test
    void cleanJsonlOfAMissingFileSaysNoSuchFile() {
        Path missing = dir.resolve("none.jsonl");
        Cli.Result r = Cli.run("clean", "--jsonl", missing.toString(), "--data", noData());
        assertEquals(1, r.code());
        assertEquals("winnow: " + missing + ": no such file", r.err().strip());
    }

    @Test
    void statusOnAMissingDataDirIsOneClearLineAndExitTwo() {
        Cli.Result r = Cli.run("status", "--data", noData());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("winnow: no index at " + noData()), r.err());
        assertFalse(Files.exists(Path.of(noData())), "status creates nothing");
    }
}
