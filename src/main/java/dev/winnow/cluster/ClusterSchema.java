package dev.winnow.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;

/**
 * Creates the cluster's tables when they are absent: Quartz's own from the {@code tables_postgres.sql}
 * shipped in the Quartz jar (its DROP statements left out: existing tables are never dropped), and
 * winnow's feed state and host leases. Several nodes starting at once serialise on an advisory lock.
 */
final class ClusterSchema {
    static final String QUARTZ_SCRIPT = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
    private static final long ADVISORY_LOCK = 0x77696e6e6f77L; // "winnow"

    private static final List<String> WINNOW_TABLES = List.of("""
            CREATE TABLE IF NOT EXISTS winnow_feed_state (
              feed_url             TEXT PRIMARY KEY,
              etag                 TEXT,
              last_modified        TEXT,
              last_poll            BIGINT,
              last_outcome         TEXT,
              last_reason          TEXT,
              next_poll            BIGINT,
              articles_indexed     BIGINT NOT NULL,
              consecutive_failures INTEGER NOT NULL
            )""", """
            CREATE TABLE IF NOT EXISTS winnow_host_lease (
              host        TEXT PRIMARY KEY,
              node        TEXT NOT NULL,
              until_ms    BIGINT NOT NULL
            )""");

    private ClusterSchema() {
    }

    /** Creates whatever is missing; returns true when Quartz's tables were created by this call. */
    static boolean ensure(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK + ")");
                boolean createQuartz = !tableExists(st, "qrtz_locks");
                if (createQuartz) {
                    for (String sql : quartzStatements()) {
                        st.execute(sql);
                    }
                }
                for (String sql : WINNOW_TABLES) {
                    st.execute(sql);
                }
                c.commit();
                return createQuartz;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean tableExists(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The CREATE statements of Quartz's PostgreSQL script, in order. */
    static List<String> quartzStatements() {
        String script;
        try (InputStream in = JobStoreSupport.class.getResourceAsStream(QUARTZ_SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the Quartz jar has no " + QUARTZ_SCRIPT);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + QUARTZ_SCRIPT, e);
        }
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            String s = statement.strip();
            String head = s.toUpperCase(Locale.ROOT);
            if (!s.isEmpty() && !head.startsWith("DROP") && !head.equals("COMMIT")) {
                out.add(s);
            }
        }
        return out;
    }
}
