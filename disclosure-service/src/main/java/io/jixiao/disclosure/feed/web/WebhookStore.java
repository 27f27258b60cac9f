package io.jixiao.disclosure.feed.web;

import io.jixiao.disclosure.feed.FeedCursor;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code feed_webhook} table: subscriptions and where each one's delivery stands. */
public class WebhookStore {
    private static final String COLUMNS = "id, owner, url, districts, event_types, secret, request_key, "
            + "request_fingerprint, cursor_token, created_at, delivered, failures, next_attempt_at, last_attempt_at, "
            + "last_error";

    private final JdbcTemplate jdbc;

    public WebhookStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One subscription as stored. */
    public record Row(String id, String owner, String url, List<String> districts, List<String> types, String secret,
                      String requestKey, String fingerprint, FeedCursor cursor, Instant createdAt, long delivered,
                      int failures, Instant nextAttemptAt, Instant lastAttemptAt, String lastError) {
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
            strings(rs.getArray(4)), strings(rs.getArray(5)), rs.getString(6), rs.getString(7), rs.getString(8),
            FeedCursor.decode(rs.getString(9)), instant(rs, 10), rs.getLong(11), rs.getInt(12), instant(rs, 13),
            instant(rs, 14), rs.getString(15));

    /** Inserts {@code row} unless its owner already used its request key; true when it was inserted. */
    public boolean insert(Row row) {
        return jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO feed_webhook (id, owner, url, districts, "
                    + "event_types, secret, request_key, request_fingerprint, cursor_token, created_at, next_attempt_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner, request_key) DO NOTHING");
            statement.setString(1, row.id());
            statement.setString(2, row.owner());
            statement.setString(3, row.url());
            statement.setArray(4, connection.createArrayOf("varchar", row.districts().toArray()));
            statement.setArray(5, connection.createArrayOf("text", row.types().toArray()));
            statement.setString(6, row.secret());
            statement.setString(7, row.requestKey());
            statement.setString(8, row.fingerprint());
            statement.setString(9, row.cursor().encode());
            statement.setTimestamp(10, Timestamp.from(row.createdAt()));
            statement.setTimestamp(11, Timestamp.from(row.nextAttemptAt()));
            return statement;
        }) == 1;
    }

    public Optional<Row> byRequestKey(String owner, String requestKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feed_webhook WHERE owner = ? AND request_key = ?", ROW, owner,
                requestKey).stream().findFirst();
    }

    public Optional<Row> byId(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feed_webhook WHERE id = ?", ROW, id).stream().findFirst();
    }

    public List<Row> byOwner(String owner, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM feed_webhook WHERE owner = ? ORDER BY created_at, id LIMIT ?",
                ROW, owner, limit);
    }

    public boolean delete(String id) {
        return jdbc.update("DELETE FROM feed_webhook WHERE id = ?", id) == 1;
    }

    /**
     * Leases up to {@code limit} subscriptions whose next attempt is due and that no instance holds, for
     * {@code lease}: the deliverer of this instance works on them until it releases them.
     */
    public List<Row> leaseDue(int limit, Duration lease) {
        return jdbc.query("UPDATE feed_webhook SET leased_until = now() + ? * interval '1 millisecond' WHERE id IN ("
                + "SELECT id FROM feed_webhook WHERE next_attempt_at <= now() AND (leased_until IS NULL OR leased_until "
                + "< now()) ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS, ROW,
                lease.toMillis(), limit);
    }

    /** The receiver acknowledged events up to {@code cursor}; false when the subscription is gone. */
    public boolean delivered(String id, FeedCursor cursor, int events, Duration lease) {
        return jdbc.update("UPDATE feed_webhook SET cursor_token = ?, delivered = delivered + ?, failures = 0, "
                + "last_error = NULL, last_attempt_at = CASE WHEN ? > 0 THEN now() ELSE last_attempt_at END, "
                + "leased_until = now() + ? * interval '1 millisecond' WHERE id = ?", cursor.encode(), events, events,
                lease.toMillis(), id) == 1;
    }

    /** A delivery failed: the cursor stays, the next attempt waits {@code retryIn}. */
    public void failed(String id, int failures, String error, Duration retryIn) {
        jdbc.update("UPDATE feed_webhook SET failures = ?, last_error = ?, last_attempt_at = now(), "
                + "next_attempt_at = now() + ? * interval '1 millisecond', leased_until = NULL WHERE id = ?", failures,
                error.length() > 500 ? error.substring(0, 500) : error, retryIn.toMillis(), id);
    }

    /** The round is over: look again after {@code in}. */
    public void release(String id, Duration in) {
        jdbc.update("UPDATE feed_webhook SET next_attempt_at = now() + ? * interval '1 millisecond', leased_until = NULL "
                + "WHERE id = ?", in.toMillis(), id);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
