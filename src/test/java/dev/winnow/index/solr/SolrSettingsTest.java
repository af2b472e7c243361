package dev.winnow.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.winnow.config.Config;
import dev.winnow.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolrSettingsTest {
    private static Config solr() {
        return Config.defaults().with("index.backend", "solr");
    }

    @Test
    void theEmbeddedLuceneIndexIsTheDefault() {
        assertFalse(SolrSettings.from(Config.defaults()).solr());
    }

    @Test
    void solrTakesAZooKeeperAddressOrNodeUrls() {
        SolrSettings zk = SolrSettings.from(solr().with("index.solr.zk-host", "zk1:2181,zk2:2181/solr"));
        assertTrue(zk.solr());
        assertEquals("zk1:2181,zk2:2181/solr", zk.zkHost());
        assertEquals("winnow", zk.collection());
        SolrSettings urls = SolrSettings.from(solr().with("index.solr.urls", "http://a:8983/solr/, http://b:8983/solr"));
        assertEquals(List.of("http://a:8983/solr", "http://b:8983/solr"), urls.urls());
    }

    @Test
    void invalidSettingsFailNamingTheKey() {
        assertKey("index.backend", Config.defaults().with("index.backend", "elastic"));
        assertKey("index.solr.zk-host", solr());
        assertKey("index.solr.zk-host", solr().with("index.solr.zk-host", "zk:2181").with("index.solr.urls", "http://a/solr"));
        assertKey("index.solr.urls", solr().with("index.solr.urls", "a:8983/solr"));
        assertKey("index.solr.collection", solr().with("index.solr.zk-host", "zk:2181").with("index.solr.collection", "a b"));
    }

    private static void assertKey(String key, Config c) {
        ConfigException e = assertThrows(ConfigException.class, () -> SolrSettings.from(c));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
}
