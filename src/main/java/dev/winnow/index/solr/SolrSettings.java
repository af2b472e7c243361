package dev.winnow.index.solr;

import dev.winnow.config.Config;
import dev.winnow.config.ConfigException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which index backend stores the articles, and where the SolrCloud collection is when it is Solr. Read
 * from {@code index.backend} and {@code index.solr.*}.
 *
 * @param solr       true for {@code index.backend=solr}
 * @param zkHost     the ZooKeeper connection string, or empty when {@code urls} are given
 * @param urls       base URLs of Solr nodes ({@code http://host:8983/solr}), or empty when {@code zkHost} is given
 * @param collection the collection holding the articles
 */
public record SolrSettings(boolean solr, String zkHost, List<String> urls, String collection) {

    public static SolrSettings from(Config c) {
        String backend = c.string("index.backend").strip().toLowerCase(Locale.ROOT);
        if (!backend.equals("lucene") && !backend.equals("solr")) {
            throw new ConfigException("config key 'index.backend': expected lucene or solr, got '" + backend + "'");
        }
        String zk = c.string("index.solr.zk-host").strip();
        List<String> urls = urls(c.string("index.solr.urls"));
        String collection = c.string("index.solr.collection").strip();
        boolean solr = backend.equals("solr");
        if (solr) {
            if (zk.isEmpty() == urls.isEmpty()) {
                throw new ConfigException("config key 'index.solr.zk-host': index.backend=solr needs exactly one of"
                        + " index.solr.zk-host (e.g. 127.0.0.1:2181) or index.solr.urls (e.g. http://127.0.0.1:8983/solr)");
            }
            if (!collection.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}")) {
                throw new ConfigException("config key 'index.solr.collection': expected a collection name (letters,"
                        + " digits, '.', '_', '-'), got '" + collection + "'");
            }
        }
        return new SolrSettings(solr, zk, urls, collection);
    }

    private static List<String> urls(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            String u = part.strip();
            if (u.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new ConfigException("config key 'index.solr.urls': expected http(s) base URLs of Solr nodes"
                        + " such as http://127.0.0.1:8983/solr, got '" + u + "'");
            }
            out.add(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        }
        return List.copyOf(out);
    }

    /** Where the collection is, for messages: the ZooKeeper ensemble or the first node. */
    public String location() {
        return (zkHost.isEmpty() ? String.join(",", urls) : "zk:" + zkHost) + "/" + collection;
    }
}
