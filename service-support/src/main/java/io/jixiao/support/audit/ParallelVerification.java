package io.jixiao.support.audit;

import io.jixiao.audit.AnchorVerifier;
import io.jixiao.audit.BrokenLink;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * A district's chains checked on several connections at once, with the result of one pass in (aggregate, sequence)
 * order. The district's aggregates are listed first (a skip scan of the index {@code domainevententry_chain}: one
 * probe per aggregate, not a read of its events) and cut into ranges of whole aggregates of about the same number
 * of events; each connection then streams one range after the other in order, hashing as it reads. All connections
 * read one snapshot of the store, exported by the connection that listed the aggregates, so an event appended
 * meanwhile is in no range, as in a single read.
 *
 * <p>The first broken link is the one of the first range (in order) that breaks: a range after it stops early,
 * a range before it is read to its end. The counts are those of the ranges up to and including it.
 */
final class ParallelVerification {
    /** Ranges per connection: small enough that one slow range does not keep the others waiting at the end. */
    private static final int RANGES_PER_CONNECTION = 8;
    private static final String C = " COLLATE \"C\"";
    /** The first part (before ':') of every aggregate id: one index probe per part. */
    private static final String TYPES = "WITH RECURSIVE t(p) AS ("
            + "(SELECT split_part(aggregateidentifier, ':', 1) FROM domainevententry ORDER BY aggregateidentifier" + C
            + " LIMIT 1) UNION ALL SELECT (SELECT split_part(e.aggregateidentifier, ':', 1) FROM domainevententry e"
            + " WHERE e.aggregateidentifier" + C + " >= (t.p || ';')" + C + " ORDER BY e.aggregateidentifier" + C
            + " LIMIT 1) FROM t WHERE t.p IS NOT NULL) SELECT p FROM t WHERE p IS NOT NULL";
    /** The aggregate ids in [?, ?) with their last sequence: one index probe each. */
    private static final String AGGREGATES = "WITH RECURSIVE ids(id) AS ("
            + "(SELECT aggregateidentifier FROM domainevententry WHERE aggregateidentifier" + C + " >= ? AND"
            + " aggregateidentifier" + C + " < ? ORDER BY aggregateidentifier" + C + " LIMIT 1) UNION ALL"
            + " SELECT (SELECT e.aggregateidentifier FROM domainevententry e WHERE e.aggregateidentifier" + C
            + " > ids.id" + C + " AND e.aggregateidentifier" + C + " < ? ORDER BY e.aggregateidentifier" + C
            + " LIMIT 1) FROM ids WHERE ids.id IS NOT NULL)"
            + " SELECT id, (SELECT max(sequencenumber) FROM domainevententry m WHERE m.aggregateidentifier = ids.id)"
            + " FROM ids WHERE id IS NOT NULL";
    /** The events of a range of whole aggregates of one type, in order; the last condition keeps other districts out. */
    private static final String RANGE = "SELECT " + AuditStore.COLUMNS + " FROM domainevententry WHERE"
            + " aggregateidentifier" + C + " >= ? AND aggregateidentifier" + C + " <= ? AND (aggregateidentifier = ?"
            + " OR aggregateidentifier" + C + " >= ?)" + AuditStore.ORDER;
    private static final java.util.regex.Pattern TYPE = java.util.regex.Pattern.compile("[a-z-]+");

    /** Whole aggregates {@code first} … {@code last} of the district's aggregates {@code <exact>} and {@code <exact>:…}. */
    private record Range(String first, String last, String exact, long events) {
    }

    private final DataSource dataSource;
    private final int parallelism;
    private final String district;
    private final AnchorVerifier anchors;

    ParallelVerification(DataSource dataSource, int parallelism, String district, AnchorVerifier anchors) {
        this.dataSource = dataSource;
        this.parallelism = parallelism;
        this.district = district;
        this.anchors = anchors;
    }

    AuditStore.Checked run() {
        try (Connection snapshot = dataSource.getConnection()) {
            boolean autoCommit = snapshot.getAutoCommit();
            snapshot.setAutoCommit(false);
            try {
                String id = beginReadOnly(snapshot, null);
                List<Range> ranges = plan(snapshot);
                int workers = Math.min(parallelism, ranges.size());
                return workers <= 1 ? merge(ranges, checkSequentially(snapshot, ranges))
                        : merge(ranges, checkInParallel(id, ranges, workers));
            } finally {
                snapshot.rollback();
                snapshot.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("verifying district " + district, RANGE, e);
        }
    }

    /** A repeatable-read, read-only transaction; exports its snapshot ({@code importing} null) or imports one. */
    private static String beginReadOnly(Connection connection, String importing) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            if (importing != null) {
                s.execute("SET TRANSACTION SNAPSHOT '" + importing.replace("'", "''") + "'");
                return importing;
            }
            try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The district's aggregates in byte order, cut into ranges of about equal numbers of events. */
    private List<Range> plan(Connection connection) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(TYPES)) {
            while (rs.next()) {
                if (TYPE.matcher(rs.getString(1)).matches()) {
                    types.add(rs.getString(1));
                }
            }
        }
        List<String> ids = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<String> exacts = new ArrayList<>();
        long total = 0;
        try (PreparedStatement s = connection.prepareStatement(AGGREGATES)) {
            for (String type : types) {  // in byte order: every id of a type sorts before the next type's
                String exact = type + ":" + district;
                s.setString(1, exact);
                s.setString(2, exact + ";");
                s.setString(3, exact + ";");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (id.equals(exact) || id.startsWith(exact + ":")) {
                            ids.add(id);
                            counts.add(rs.getLong(2) + 1);
                            exacts.add(exact);
                            total += rs.getLong(2) + 1;
                        }
                    }
                }
            }
        }
        long perRange = Math.max(1, total / ((long) parallelism * RANGES_PER_CONNECTION));
        List<Range> ranges = new ArrayList<>();
        int first = 0;
        long events = 0;
        for (int i = 0; i < ids.size(); i++) {
            events += counts.get(i);
            boolean typeEnds = i + 1 == ids.size() || !exacts.get(i + 1).equals(exacts.get(i));
            if (events >= perRange || typeEnds) {
                ranges.add(new Range(ids.get(first), ids.get(i), exacts.get(i), events));
                first = i + 1;
                events = 0;
            }
        }
        return ranges;
    }

    private AuditStore.ChainCheck check(Connection connection, Range range, java.util.function.IntSupplier brokenAt,
                                        int index) throws SQLException {
        AuditStore.ChainCheck check = new AuditStore.ChainCheck(anchors);
        AuditStore.stream(connection, RANGE, e -> brokenAt.getAsInt() > index && check.accept(e),
                range.first(), range.last(), range.exact(), range.exact() + ":");
        return check;
    }

    private AuditStore.ChainCheck[] checkSequentially(Connection connection, List<Range> ranges) throws SQLException {
        AuditStore.ChainCheck[] checks = new AuditStore.ChainCheck[ranges.size()];
        for (int i = 0; i < checks.length; i++) {
            checks[i] = check(connection, ranges.get(i), () -> Integer.MAX_VALUE, i);
            if (checks[i].result().firstBroken().isPresent()) {
                break;
            }
        }
        return checks;
    }

    private AuditStore.ChainCheck[] checkInParallel(String snapshot, List<Range> ranges, int workers)
            throws SQLException {
        AuditStore.ChainCheck[] checks = new AuditStore.ChainCheck[ranges.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger brokenAt = new AtomicInteger(Integer.MAX_VALUE);
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "audit-verify-" + district + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        boolean autoCommit = connection.getAutoCommit();
                        connection.setAutoCommit(false);
                        try {
                            beginReadOnly(connection, snapshot);
                            for (int i = next.getAndIncrement(); i < checks.length && i < brokenAt.get();
                                 i = next.getAndIncrement()) {
                                checks[i] = check(connection, ranges.get(i), brokenAt::get, i);
                                if (checks[i].result().firstBroken().isPresent()) {
                                    brokenAt.accumulateAndGet(i, Math::min);
                                }
                            }
                        } finally {
                            connection.rollback();
                            connection.setAutoCommit(autoCommit);
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying district " + district, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return checks;
    }

    /** The ranges in order, up to the first that broke. */
    private static AuditStore.Checked merge(List<Range> ranges, AuditStore.ChainCheck[] checks) {
        long events = 0;
        long aggregates = 0;
        for (int i = 0; i < ranges.size() && checks[i] != null; i++) {
            AuditStore.Checked c = checks[i].result();
            events += c.events();
            aggregates += c.aggregates();
            if (c.firstBroken().isPresent()) {
                return new AuditStore.Checked(events, aggregates, c.firstBroken());
            }
        }
        return new AuditStore.Checked(events, aggregates, Optional.<BrokenLink>empty());
    }
}
