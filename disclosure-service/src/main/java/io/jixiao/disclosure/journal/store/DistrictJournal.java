package io.jixiao.disclosure.journal.store;

import io.jixiao.disclosure.journal.EventCodec;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.events.evaluation.DistrictRulesChanged;
import io.jixiao.support.projection.ArrayBatch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code district_event} table: appends (from the Kafka projection and from disclosure-service's own event
 * handler, each inside its caller's transaction) and the ordered read of one district up to an instant, streamed
 * row by row into a consumer so 100,000 events never sit in memory as rows.
 */
@Repository
public class DistrictJournal {
    /** {@code source} of rows fed from the Kafka topics (the partition a rebuild empties). */
    public static final String TOPICS = "topics";
    public static final String TOPICS_PARTITION = "district_event_topics";
    private static final Logger log = LoggerFactory.getLogger(DistrictJournal.class);
    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final EventCodec codec = EventCodec.shared();

    public DistrictJournal(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** One journal row to append. */
    public record Row(String eventId, String source, String districtCode, String topic, String type,
                      String aggregateType, String aggregateId, long sequence, Instant occurredAt, String payloadJson,
                      String metadataJson) {
    }

    /** What a read delivered: how many events were folded, how many rows were skipped as unreadable, the last time. */
    public record ReadSummary(long events, long skipped, Instant lastEventAt) {
    }

    /** Appends a row in the caller's transaction; an event id already in its source is left as it is. */
    public static void append(JdbcTemplate jdbc, Row row) {
        jdbc.update("INSERT INTO district_event (event_id, source, district_code, topic, type, aggregate_type, "
                        + "aggregate_id, sequence, occurred_at, payload, metadata) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json) ON CONFLICT DO NOTHING",
                row.eventId(), row.source(), row.districtCode(), row.topic(), row.type(), row.aggregateType(),
                row.aggregateId(), row.sequence(), Timestamp.from(row.occurredAt()), row.payloadJson(),
                row.metadataJson());
        DistrictChanges.bump(jdbc, java.util.List.of(row.districtCode()));
    }

    /**
     * Appends rows in the caller's transaction with one statement (arrays unnested); event ids already in their
     * source are left as they are, as by {@link #append(JdbcTemplate, Row)}.
     */
    public static void appendAll(JdbcTemplate jdbc, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Object[][] columns = new Object[11][n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            columns[0][i] = row.eventId();
            columns[1][i] = row.source();
            columns[2][i] = row.districtCode();
            columns[3][i] = row.topic();
            columns[4][i] = row.type();
            columns[5][i] = row.aggregateType();
            columns[6][i] = row.aggregateId();
            columns[7][i] = row.sequence();
            columns[8][i] = row.occurredAt().toString();
            columns[9][i] = row.payloadJson();
            columns[10][i] = row.metadataJson();
        }
        String[] types = {"varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "int8", "text",
                "text", "text"};
        ArrayBatch.update(jdbc, "INSERT INTO district_event (event_id, source, district_code, topic, type, "
                + "aggregate_type, aggregate_id, sequence, occurred_at, payload, metadata) "
                + "SELECT e, s, d, t, ty, at, ai, sq, oa::timestamptz, p::json, m::json "
                + "FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::int8[], ?::text[], ?::text[], ?::text[]) AS r(e, s, d, t, ty, at, ai, sq, oa, p, m) "
                + "ON CONFLICT DO NOTHING", types, columns);
        DistrictChanges.bump(jdbc, rows.stream().map(Row::districtCode).toList());
    }

    public void append(Row row) {
        append(jdbc, row);
    }

    /**
     * Every {@code DistrictRulesChanged} of the district, whenever it arrived: a version's own {@code effectiveAt}
     * says from when it is in force, and version 0 is in force since always, so the rules of an instant are chosen
     * from all of them ({@code RulesInForce}), not only from those journaled by then.
     */
    public List<DistrictRulesChanged> rules(String districtCode) {
        return jdbc.query("SELECT payload::text FROM district_event WHERE district_code = ? AND type = ? "
                + "ORDER BY occurred_at, event_id", (rs, i) -> codec.decode(TYPE_RULES, rs.getString(1))
                .map(DistrictRulesChanged.class::cast).orElseThrow(), districtCode, TYPE_RULES);
    }

    private static final String TYPE_RULES = DistrictRulesChanged.class.getSimpleName();

    /**
     * Streams the district's events with {@code occurred_at ≤ asOf} in journal order ({@link JournalEvent#ORDER}),
     * decoded; rows of types this service does not know are passed over, rows that no longer decode are skipped
     * and counted.
     */
    public ReadSummary read(String districtCode, Instant asOf, Consumer<JournalEvent> sink) {
        return readOnly.execute(status -> {
            long[] counts = new long[2];
            Instant[] last = new Instant[1];
            RowCallbackHandler handler = rs -> {
                String type = rs.getString(2);
                String eventId = rs.getString(1);
                try {
                    var payload = codec.decode(type, rs.getString(6));
                    if (payload.isPresent()) {
                        Instant at = rs.getTimestamp(5).toInstant();
                        sink.accept(new JournalEvent(eventId, type, rs.getString(3), rs.getLong(4), at,
                                payload.get(), rs.getString(7)));
                        counts[0]++;
                        last[0] = at;
                    }
                } catch (EventCodec.MalformedEvent e) {
                    counts[1]++;
                    log.warn("journal row {} ({}) skipped: {}", eventId, type, e.getMessage());
                }
            };
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("SELECT event_id, type, aggregate_id, sequence, "
                        + "occurred_at, payload::text, CASE WHEN type LIKE 'Rectification%' OR type = 'EntryReversed' "
                        + "THEN metadata->>'actor' END "
                        + "FROM district_event WHERE district_code = ? AND occurred_at <= ? "
                        + "ORDER BY occurred_at, aggregate_id, sequence, event_id");
                statement.setFetchSize(FETCH_SIZE);
                statement.setString(1, districtCode);
                statement.setTimestamp(2, Timestamp.from(asOf));
                return statement;
            }, handler);
            return new ReadSummary(counts[0], counts[1], last[0]);
        });
    }
}
