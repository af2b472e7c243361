package dev.winnow.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** A throwaway PostgreSQL server on 127.0.0.1 for the tests of the distributed mode. */
public final class TestDatabase implements AutoCloseable {
    private final EmbeddedPostgres server;

    public TestDatabase() throws IOException {
        this.server = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
    }

    /** A JDBC URL of the server's {@code postgres} database (user postgres, no password). */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
    }

    public DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    public ClusterSettings settings() {
        return ClusterSettings.jdbc(url(), "postgres", "");
    }

    /** The first column of every row of {@code sql}, as text. */
    public List<String> column(String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Runs one statement. */
    public void execute(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            c.createStatement().execute(sql);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
