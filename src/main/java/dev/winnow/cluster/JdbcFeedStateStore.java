package dev.winnow.cluster;

import dev.winnow.state.FeedState;
import dev.winnow.state.FeedStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Per-feed state in the shared database, so whichever node polls a feed next knows its validators and
 * schedule. Puts are staged until {@link #flush()}; a flushed state never replaces one from a later poll
 * (Quartz's failover is at-least-once, so two nodes may poll one feed at once and finish in any order).
 */
final class JdbcFeedStateStore implements FeedStateStore {
    private static final String COLUMNS = "feed_url, etag, last_modified, last_poll, last_outcome, last_reason,"
            + " next_poll, articles_indexed, consecutive_failures";
    private static final String UPSERT = "INSERT INTO winnow_feed_state (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (feed_url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,"
            + " last_poll = EXCLUDED.last_poll, last_outcome = EXCLUDED.last_outcome,"
            + " last_reason = EXCLUDED.last_reason, next_poll = EXCLUDED.next_poll,"
            + " articles_indexed = EXCLUDED.articles_indexed, consecutive_failures = EXCLUDED.consecutive_failures"
            // never backwards: an older poll finishing late leaves the newer state in place
            + " WHERE winnow_feed_state.last_poll IS NULL OR EXCLUDED.last_poll >= winnow_feed_state.last_poll";

    private final DataSource pool;
    private final Map<String, FeedState> staged = new ConcurrentHashMap<>();

    JdbcFeedStateStore(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public Optional<FeedState> get(String feedUrl) {
        FeedState s = staged.get(feedUrl);
        if (s != null) {
            return Optional.of(s);
        }
        List<FeedState> found = select(" WHERE feed_url = ?", feedUrl);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<FeedState> all() {
        Map<String, FeedState> out = new java.util.TreeMap<>();
        for (FeedState s : select(" ORDER BY feed_url", null)) {
            out.put(s.feedUrl(), s);
        }
        out.putAll(staged);
        return new ArrayList<>(out.values());
    }

    @Override
    public void put(FeedState state) {
        staged.put(state.feedUrl(), state);
    }

    /** Writes the staged states in one transaction; returns how many replaced or added a row. */
    int flush() throws IOException {
        List<FeedState> batch = List.copyOf(staged.values());
        if (batch.isEmpty()) {
            return 0;
        }
        int changed = 0;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (FeedState s : batch) {
                    bind(ps, s);
                    changed += ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("cannot write feed state to the cluster database: " + e.getMessage(), e);
        }
        for (FeedState s : batch) {
            staged.remove(s.feedUrl(), s); // a put racing with the flush stays staged
        }
        return changed;
    }

    private static void bind(PreparedStatement ps, FeedState s) throws SQLException {
        ps.setString(1, s.feedUrl());
        ps.setString(2, s.etag());
        ps.setString(3, s.lastModified());
        setMillis(ps, 4, s.lastPoll());
        ps.setString(5, s.lastOutcome());
        ps.setString(6, s.lastReason());
        setMillis(ps, 7, s.nextPoll());
        ps.setLong(8, s.articlesIndexed());
        ps.setInt(9, s.consecutiveFailures());
    }

    private static void setMillis(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    private List<FeedState> select(String where, String arg) {
        List<FeedState> out = new ArrayList<>();
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM winnow_feed_state" + where)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FeedState(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                            rs.getString(5), rs.getString(6), instant(rs, 7), rs.getLong(8), rs.getInt(9)));
                }
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot read feed state from the cluster database: "
                    + e.getMessage(), e));
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        long ms = rs.getLong(i);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}
