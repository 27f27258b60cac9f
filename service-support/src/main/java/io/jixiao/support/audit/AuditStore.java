package io.jixiao.support.audit;

import io.jixiao.audit.AnchorVerifier;
import io.jixiao.audit.BrokenLink;
import io.jixiao.audit.ChainVerifier;
import io.jixiao.audit.ChainedEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
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
    static final String COLUMNS = "globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, "
            + "payloadtype, payloadrevision, timestamp, metadata, payload, previoushash, hash";
    static final String ORDER = " ORDER BY aggregateidentifier COLLATE \"C\", sequencenumber";

    private final DataSource dataSource;
    private final int parallelism;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    /** Verifies a district on up to two connections (plus one holding the snapshot) at a time. */
    public AuditStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this(dataSource, transactionManager, 2);
    }

    /** {@code parallelism}: how many connections verify a district's ranges at once. */
    public AuditStore(DataSource dataSource, PlatformTransactionManager transactionManager, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.dataSource = dataSource;
        this.parallelism = parallelism;
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
        requireDistrict(districtCode);
        read("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier ~ ?" + ORDER, sink,
                districtPattern(districtCode));
    }

    private static void requireDistrict(String districtCode) {
        if (!io.jixiao.events.DistrictCode.isValid(districtCode)) {
            throw new IllegalArgumentException("districtCode " + io.jixiao.events.DistrictCode.MESSAGE);
        }
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

    /** What a verification of the live store found: as {@link ChainVerifier} reports it, read in one pass. */
    public record Checked(long events, long aggregates, Optional<BrokenLink> firstBroken) {
    }

    /** Verifies the district's chains in the live store. */
    public Checked verifyDistrict(String districtCode) {
        return verifyDistrict(districtCode, null);
    }

    /**
     * Verifies the district's chains in the live store, and each event against the heads {@code anchors} signed
     * (null: no anchors). The chains are checked in parallel by ranges of aggregates, each range streamed in
     * (aggregate, sequence) order on its own connection, every connection in one snapshot of the store; the
     * result is what a single pass in that order finds: the counts up to and the first broken link in that order.
     */
    public Checked verifyDistrict(String districtCode, AnchorVerifier anchors) {
        requireDistrict(districtCode);
        return new ParallelVerification(dataSource, parallelism, districtCode, anchors).run();
    }

    /** Verifies one aggregate's chain in the live store. */
    public Checked verifyAggregate(String aggregateId) {
        return verifyAggregate(aggregateId, null);
    }

    /** Verifies one aggregate's chain in the live store and its events against the heads {@code anchors} signed. */
    public Checked verifyAggregate(String aggregateId, AnchorVerifier anchors) {
        ChainCheck check = new ChainCheck(anchors);
        aggregate(aggregateId, check::accept);
        return check.result();
    }

    /** One pass over events in (aggregate, sequence) order: the chain's own links, then the anchored heads. */
    static final class ChainCheck {
        private final ChainVerifier chains = new ChainVerifier();
        private final AnchorVerifier anchors;
        private BrokenLink anchorBroken;

        ChainCheck(AnchorVerifier anchors) {
            this.anchors = anchors;
        }

        boolean accept(ChainedEvent e) {
            if (anchorBroken != null || !chains.accept(e)) {
                return false;
            }
            anchorBroken = anchors == null ? null : anchors.headMismatch(e);
            return anchorBroken == null;
        }

        Checked result() {
            return new Checked(chains.events(), chains.aggregates(),
                    Optional.ofNullable(anchorBroken).or(chains::firstBroken));
        }
    }

    private void read(String sql, Predicate<ChainedEvent> sink, Object... args) {
        readOnly.executeWithoutResult(status -> jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>)
                connection -> {
                    stream(connection, sql, sink, args);
                    return null;
                }));
    }

    /** Streams the rows of {@code sql} ({@link #COLUMNS}) to {@code sink}, {@value #FETCH} rows per round trip. */
    static void stream(java.sql.Connection connection, String sql, Predicate<ChainedEvent> sink, Object... args)
            throws SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            if (statement.isWrapperFor(org.postgresql.PGStatement.class)) {
                // a server-side prepared statement from the first execution: bytea arrives binary, not as hex text
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            }
            statement.setFetchSize(FETCH);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                boolean more = true;
                while (more && rs.next()) {
                    more = sink.test(row(rs));
                }
            }
        }
    }

    static ChainedEvent row(ResultSet rs) throws SQLException {
        return new ChainedEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9), rs.getBytes(10), rs.getBytes(11),
                rs.getBytes(12));
    }
}
