package dev.winnow.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.config.Config;
import dev.winnow.config.ConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IndexSettingsTest {
    @Test
    void defaultsComeFromTheDocumentedFile() {
        IndexSettings s = IndexSettings.defaults();
        assertEquals(Duration.ofDays(7), s.recencyHalfLife());
        assertTrue(s.defaultAnd());
        assertEquals(64L * 1024 * 1024, s.ramBufferBytes());
    }

    @Test
    void invalidValuesNameTheKey() {
        Config bad = Config.defaults().with("index.default-operator", "maybe");
        ConfigException e = assertThrows(ConfigException.class, () -> IndexSettings.from(bad));
        assertTrue(e.getMessage().contains("index.default-operator"), e.getMessage());
        Config threshold = Config.defaults().with("index.near-duplicate-threshold", "1.5");
        assertThrows(ConfigException.class, () -> IndexSettings.from(threshold));
    }
}
