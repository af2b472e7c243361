package dev.winnow.index.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * One in-process SolrCloud (ZooKeeper and two Solr nodes on 127.0.0.1) for every Solr test of the JVM,
 * started on first use (about 10 to 25 s) and stopped when the JVM exits; each test gets a collection of
 * its own, made from the configset {@link SolrConfigset} writes.
 */
public final class SolrTestCluster {
    static final String CONFIGSET = "winnow";
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();
    private static MiniSolrCloudCluster cluster;

    private SolrTestCluster() {
    }

    public static synchronized MiniSolrCloudCluster get() {
        if (cluster == null) {
            try {
                Path base = Files.createTempDirectory("winnow-solr");
                Path conf = base.resolve("configset");
                SolrConfigset.write(conf);
                System.setProperty("solr.autoCommit.maxTime", "-1");
                cluster = new MiniSolrCloudCluster.Builder(2, base.resolve("nodes")).addConfig(CONFIGSET, conf).build();
                MiniSolrCloudCluster started = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.shutdown();
                    } catch (Exception e) {
                        // the JVM is going away
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test SolrCloud", e);
            }
        }
        return cluster;
    }

    /** A new, empty collection of two shards (one on each node). */
    public static String newCollection(String prefix) {
        return newCollection(prefix, 2, 1);
    }

    /** A new, empty collection of {@code shards} shards of {@code replicas} replicas each. */
    public static String newCollection(String prefix, int shards, int replicas) {
        MiniSolrCloudCluster c = get();
        String name = prefix + COLLECTIONS.incrementAndGet();
        try {
            CollectionAdminRequest.createCollection(name, CONFIGSET, shards, replicas).process(c.getSolrClient());
            c.waitForActiveCollection(name, shards, shards * replicas);
            return name;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create collection " + name, e);
        }
    }

    /** The ZooKeeper address of the cluster, for {@code index.solr.zk-host}. */
    public static String zkHost() {
        return get().getZkServer().getZkAddress();
    }

    /** The base URL of the first Solr node, for {@code index.solr.urls}. */
    public static String nodeUrl() {
        return get().getJettySolrRunners().get(0).getBaseUrl().toString();
    }

    public static void delete(String collection) {
        try {
            CollectionAdminRequest.deleteCollection(collection).process(get().getSolrClient());
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException("cannot delete " + collection, e));
        }
    }
}
