package dev.winnow.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsComeFromTheDocumentedFile() {
        Config c = Config.defaults();
        assertEquals(Duration.ofMinutes(30), c.duration("daemon.default-interval"));
        assertFalse(c.bool("network.allow-private"));
    }

    @Test
    void userFileOverridesOnlyWhatItLists() throws Exception {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, "daemon.threads = 8\n");
        Config c = Config.load(file);
        assertEquals(8, c.integer("daemon.threads", 1, 64));
        assertEquals(Duration.ofMinutes(30), c.duration("daemon.default-interval"));
    }

    @Test
    void unknownKeyFailsNamingTheKey() throws Exception {
        Path file = dir.resolve("w.properties");
        Files.writeString(file, "daemon.thread = 8\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(file));
        assertTrue(e.getMessage().contains("'daemon.thread'"), e.getMessage());
        assertTrue(e.getMessage().contains("daemon.threads"), "suggests the near keys: " + e.getMessage());
    }

    @Test
    void malformedValuesFailNamingTheKey() {
        Config c = Config.defaults().with("daemon.default-interval", "soon").with("daemon.threads", "0")
                .with("network.allow-private", "maybe").with("http.max-page-bytes", "4 zillion");
        assertMessageNames("daemon.default-interval", () -> c.duration("daemon.default-interval"));
        assertMessageNames("daemon.threads", () -> c.integer("daemon.threads", 1, 64));
        assertMessageNames("network.allow-private", () -> c.bool("network.allow-private"));
        assertMessageNames("http.max-page-bytes", () -> c.bytes("http.max-page-bytes"));
    }

    @Test
    void parsesDurationsAndSizesWithUnits() {
        Config c = Config.defaults().with("daemon.default-interval", "500ms").with("http.max-page-bytes", "3MB");
        assertEquals(Duration.ofMillis(500), c.duration("daemon.default-interval"));
        assertEquals(3L * 1024 * 1024, c.bytes("http.max-page-bytes"));
    }

    @Test
    void missingFileIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class, () -> Config.load(dir.resolve("nope.properties")));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    private static void assertMessageNames(String key, org.junit.jupiter.api.function.Executable call) {
        ConfigException e = assertThrows(ConfigException.class, call);
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
}
