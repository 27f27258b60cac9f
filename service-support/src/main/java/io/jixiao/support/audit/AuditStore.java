package io.jixiao.support.audit;

import io.jixiao.audit.ChainVerifier;
import io.jixiao.audit.ChainedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a district's (or one aggregate's) stored events with their chain columns, in (aggregate, sequence) order,
 * streaming: a read-only transaction and a cursor of {@value #FETCH} rows, so a district of millions of events
 * needs no memory. A district's aggregates are those whose id starts with {@code <district>:}; the range is read
 * through the index {@code domainevententry_chain} (byte order, collation "C").
 */
public class AuditStore {
    static final int FETCH = 2_000;
    private static final String COLUMNS = "globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, "
            + "payloadtype, payloadrevision, timestamp, metadata, payload, previoushash, hash";
    private static final String ORDER = " ORDER BY aggregateidentifier COLLATE \"C\", sequencenumber";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public AuditStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Every event of the district's aggregates (identifiers {@code <type>:<district>} or {@code <type>:<district>:…},
     * e.g. {@code project:430203:P1}, {@code settings:430203}); stops when {@code sink} answers false.
     */
    public void district(String districtCode, Predicate<ChainedEvent> sink) {
        if (!io.jixiao.events.DistrictCode.isValid(districtCode)) {
            throw new IllegalArgumentException("districtCode " + io.jixiao.events.DistrictCode.MESSAGE);
        }
        read("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier ~ ?" + ORDER, sink,
                districtPattern(districtCode));
    }

    /** The regular expression of a district's aggregate ids. */
    static String districtPattern(String districtCode) {
        return "^[a-z-]+:" + districtCode + "(:|$)";
    }

    /** Every event of one aggregate. */
    public void aggregate(String aggregateId, Predicate<ChainedEvent> sink) {
        read("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                sink, aggregateId);
    }

    /** Verifies the district's chains in the live store. */
    public ChainVerifier verifyDistrict(String districtCode) {
        ChainVerifier verifier = new ChainVerifier();
        district(districtCode, verifier::accept);
        return verifier;
    }

    /** Verifies one aggregate's chain in the live store. */
    public ChainVerifier verifyAggregate(String aggregateId) {
        ChainVerifier verifier = new ChainVerifier();
        aggregate(aggregateId, verifier::accept);
        return verifier;
    }

    private void read(String sql, Predicate<ChainedEvent> sink, Object... args) {
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            java.sql.PreparedStatement statement = connection.prepareStatement(sql);
            if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
                // a server-side prepared statement from the first execution: bytea arrives binary, not as hex text
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            }
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, (org.springframework.jdbc.core.ResultSetExtractor<Void>) rs -> {
            boolean more = true;
            while (more && rs.next()) {
                more = sink.test(row(rs));
            }
            return null;
        }));
    }

    static ChainedEvent row(ResultSet rs) throws SQLException {
        return new ChainedEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10), rs.getBytes(11),
                rs.getBytes(12));
    }
}
