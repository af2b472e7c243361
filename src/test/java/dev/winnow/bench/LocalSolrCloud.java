package dev.winnow.bench;

import dev.winnow.index.solr.SolrConfigset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A throwaway SolrCloud on 127.0.0.1 for trying {@code index.backend=solr} without a Solr install:
 * ZooKeeper and two Solr nodes in this JVM (Solr's own test cluster), the configset winnow generates, and
 * a collection {@code winnow} of two shards. Prints the config lines to use; Ctrl-C stops it (and drops
 * everything: it lives in a temporary folder).
 *
 * <pre>mvn -B -q -Pbench -Dbench=LocalSolrCloud</pre>
 */
public final class LocalSolrCloud {
    private LocalSolrCloud() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Files.createTempDirectory("winnow-local-solr");
        Path conf = base.resolve("configset");
        SolrConfigset.write(conf);
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(2, base.resolve("nodes"))
                .addConfig("winnow", conf).build();
        CollectionAdminRequest.createCollection("winnow", "winnow", 2, 1).process(cluster.getSolrClient());
        cluster.waitForActiveCollection("winnow", 2, 2);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.shutdown();
            } catch (Exception e) {
                // stopping anyway
            }
        }));
        System.out.println("SolrCloud ready (2 nodes, collection winnow). Use in winnow's config:");
        System.out.println("  index.backend = solr");
        System.out.println("  index.solr.zk-host = " + cluster.getZkServer().getZkAddress());
        System.out.println("  index.solr.collection = winnow");
        System.out.println("Solr nodes: " + cluster.getJettySolrRunners().get(0).getBaseUrl() + " "
                + cluster.getJettySolrRunners().get(1).getBaseUrl() + "  (Ctrl-C stops)");
        Thread.currentThread().join();
    }
}
