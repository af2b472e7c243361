package dev.winnow.cluster;

import dev.winnow.config.Config;
import dev.winnow.config.ConfigException;
import java.time.Duration;
import java.util.Locale;

/**
 * Whether the daemon runs alone (schedule in memory) or as one node of a cluster sharing a PostgreSQL
 * database: Quartz's clustered job store, per-feed state and host leases. Read from {@code scheduler.*}.
 *
 * @param shared          true for {@code scheduler.store=jdbc}
 * @param jdbcUrl         a {@code jdbc:postgresql:} URL (jdbc mode only)
 * @param clusterName     Quartz's instanceName: every node of one cluster uses the same
 * @param checkinInterval how often a node checks in; a silent node is declared dead about this plus 7.5 s later
 * @param poolSize        connections in the node's pool
 */
public record ClusterSettings(boolean shared, String jdbcUrl, String user, String password, String clusterName,
                              Duration checkinInterval, int poolSize) {

    public static ClusterSettings from(Config c) {
        String store = c.string("scheduler.store").toLowerCase(Locale.ROOT);
        if (!store.equals("memory") && !store.equals("jdbc")) {
            throw new ConfigException("config key 'scheduler.store': expected memory or jdbc, got '" + store + "'");
        }
        boolean shared = store.equals("jdbc");
        String url = c.string("scheduler.jdbc.url");
        if (shared && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("config key 'scheduler.jdbc.url': scheduler.store=jdbc needs a PostgreSQL URL"
                    + " such as jdbc:postgresql://127.0.0.1:5432/winnow, got '" + url + "'");
        }
        String name = c.string("scheduler.cluster-name");
        if (name.isBlank() || name.length() > 120) {
            throw new ConfigException("config key 'scheduler.cluster-name': expected 1 to 120 characters, got '" + name + "'");
        }
        Duration checkin = c.duration("scheduler.jdbc.checkin-interval");
        if (checkin.toMillis() < 100) {
            throw new ConfigException("config key 'scheduler.jdbc.checkin-interval': expected at least 100ms, got '"
                    + c.string("scheduler.jdbc.checkin-interval") + "'");
        }
        return new ClusterSettings(shared, url, c.string("scheduler.jdbc.user"), c.string("scheduler.jdbc.password"),
                name, checkin, c.integer("scheduler.jdbc.pool-size", 2, 200));
    }

    /** The settings of a node of {@code clusterName} on the database at {@code jdbcUrl}, other keys at their defaults. */
    public static ClusterSettings jdbc(String jdbcUrl, String user, String password) {
        return from(Config.defaults().with("scheduler.store", "jdbc").with("scheduler.jdbc.url", jdbcUrl)
                .with("scheduler.jdbc.user", user).with("scheduler.jdbc.password", password));
    }

    @Override
    public String toString() { // never print the password
        return "ClusterSettings[shared=" + shared + ", jdbcUrl=" + jdbcUrl + ", user=" + user + ", clusterName="
                + clusterName + "]";
    }
}
