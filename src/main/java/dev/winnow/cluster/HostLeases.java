package dev.winnow.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Per-host politeness shared by the nodes of a cluster. Each fetch leases the next free slot of its
 * host, {@code hostDelay} long, from one row per host; a slot starts when the previous lease ends, so
 * however many nodes fetch from one host, two fetches are at least {@code hostDelay} apart. Times come
 * from the database's clock, so nodes with skewed clocks still agree.
 */
final class HostLeases {
    // One statement, atomic under the row lock: the lease starts at max(last lease end, now).
    private static final String LEASE = """
            WITH now AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms)
            INSERT INTO winnow_host_lease AS l (host, node, until_ms)
              SELECT ?, ?, now.ms + ? FROM now
            ON CONFLICT (host) DO UPDATE
              SET node = EXCLUDED.node,
                  until_ms = GREATEST(l.until_ms, (SELECT ms FROM now)) + ?
            RETURNING until_ms - ? - (SELECT ms FROM now)""";

    private final DataSource pool;
    private final String node;
    private final Duration hostDelay;

    HostLeases(DataSource pool, String node, Duration hostDelay) {
        this.pool = pool;
        this.node = node;
        this.hostDelay = hostDelay;
    }

    /** Leases the host's next slot; returns how long to wait until it starts (zero when it starts now). */
    Duration leaseNextSlot(String host) throws SQLException {
        long delay = hostDelay.toMillis();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(LEASE)) {
            ps.setString(1, host);
            ps.setString(2, node);
            ps.setLong(3, delay);
            ps.setLong(4, delay);
            ps.setLong(5, delay);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Duration.ofMillis(Math.max(0, rs.getLong(1)));
            }
        }
    }
}
