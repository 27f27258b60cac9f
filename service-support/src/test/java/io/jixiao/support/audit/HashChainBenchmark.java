package io.jixiao.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.audit.AuditExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The figures of docs/benchmarks.md "Hash chain" (a benchmark, not a timed test: it asserts only that what it timed
 * was intact). Runs on the embedded PostgreSQL:
 * {@code ./mvnw -pl service-support test -Dtest=HashChainBenchmark -Djixiao.bench=true [-Djixiao.bench.events=1000000]
 * [-Djixiao.bench.parallelism=2] [-Djixiao.bench.skip-append=true]}
 * <ol>
 *   <li>append A/B: single-event transactions, as a command appends, alternating rounds into the chained
 *   {@code domainevententry} (trigger + index) and an identical table without them; PostgreSQL backend CPU
 *   (/proc/&lt;pid&gt;/stat) and wall time per append;</li>
 *   <li>a 10,000-event project: export (store → file) and offline verification of the file;</li>
 *   <li>a district of {@code jixiao.bench.events} events (1,000 aggregates): verification in the store, on one
 *   connection and on {@code jixiao.bench.parallelism} connections, alternating, three runs each.</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "jixiao.bench", matches = "true")
class HashChainBenchmark {
    private static final String METADATA = "{\"actor\":\"alice@czj\",\"correlationId\":\"7d0f3c1e-2f7a-4c3e-9f55-0a1b2c3d4e5f\","
            + "\"causationId\":\"b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e\",\"districtCode\":\"430203\",\"requestId\":\"req-000123\"}";
    private static final String PAYLOAD = "{\"projectKey\":\"430203:czj-xxh\",\"amountFen\":-10010000,\"basis\":\"MID_YEAR\","
            + "\"reason\":\"年中调减\",\"date\":\"2023-06-30\",\"docNo\":\"湘财预〔2023〕15号\",\"requestId\":\"req-000123\"}";

    @Test
    void hashChainFigures() throws Exception {
        DriverManagerDataSource dataSource = AuditStoreTest.database("audit_bench");
        AuditStoreTest.flyway(dataSource, "latest").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE plain_entry (LIKE domainevententry INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)");
        jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'plain_entry' AND indexdef LIKE '%COLLATE%'",
                String.class).forEach(index -> jdbc.execute("DROP INDEX " + index));
        jdbc.execute("CREATE SEQUENCE plain_entry_seq");
        jdbc.execute("ALTER TABLE plain_entry ALTER COLUMN globalindex SET DEFAULT nextval('plain_entry_seq')");

        if (!Boolean.getBoolean("jixiao.bench.skip-append")) {
            appendAB(dataSource);
        }
        projectExport(dataSource, jdbc);
        districtVerify(dataSource, jdbc, Long.getLong("jixiao.bench.events", 1_000_000L));
    }

    private void appendAB(DriverManagerDataSource dataSource) throws Exception {
        int perRound = 2_000;
        int rounds = 4;
        long[] cpu = new long[2];
        long[] wall = new long[2];
        long[] next = new long[2 * 200];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long pid;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getLong(1);
            }
            c.commit();
            for (int round = 0; round < 2 * rounds + 2; round++) {
                int table = round % 2;  // 0 = chained, 1 = plain
                String sql = "INSERT INTO " + (table == 0 ? "domainevententry" : "plain_entry")
                        + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision,"
                        + " payloadtype, timestamp, hash) VALUES (?, ?, 'Project', ?, ?, ?, NULL,"
                        + " 'io.jixiao.events.budget.BudgetAdjusted', '2026-12-05T08:00:00.123Z', '\\x00'::bytea)";
                long cpu0 = cpuTicks(pid);
                long t0 = System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement(sql)) {
                    for (int i = 0; i < perRound; i++) {
                        int aggregate = i % 200;
                        long seq = next[table * 200 + aggregate]++;
                        insert.setString(1, "project:430203:ab-" + aggregate);
                        insert.setLong(2, seq);
                        insert.setString(3, "ab-" + table + "-" + aggregate + "-" + seq);
                        insert.setBytes(4, METADATA.getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(5, PAYLOAD.getBytes(StandardCharsets.UTF_8));
                        insert.executeUpdate();
                        c.commit();
                    }
                }
                if (round >= 2) {  // the first pair warms up
                    wall[table] += System.nanoTime() - t0;
                    cpu[table] += cpuTicks(pid) - cpu0;
                }
            }
        }
        long n = (long) perRound * rounds;
        double tick = 1_000_000.0 / 100;  // µs per clock tick (USER_HZ = 100)
        System.out.printf("BENCH append A/B over %d single-event transactions each: PostgreSQL backend CPU per append "
                        + "chained %.1f µs, plain %.1f µs (+%.1f µs); wall per append chained %.1f µs, plain %.1f µs%n",
                n, cpu[0] * tick / n, cpu[1] * tick / n, (cpu[0] - cpu[1]) * tick / n,
                wall[0] / 1000.0 / n, wall[1] / 1000.0 / n);
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);  // utime, stime
    }

    private void projectExport(DriverManagerDataSource dataSource, JdbcTemplate jdbc) throws Exception {
        generate(jdbc, "439998:P", 1, 10_000);
        AuditStore store = new AuditStore(dataSource, new DataSourceTransactionManager(dataSource));
        // kept for the cold-JVM check: java -jar audit-verifier/target/audit-verifier.jar service-support/target/audit-bench-10000.json
        Path file = Path.of("target", "audit-bench-10000.json");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int run = 0; run < 3; run++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                AuditExport.Streamer streamer = new AuditExport.Streamer(out,
                        new AuditExport.Header("bench", "439998", "P", "2026-12-05T08:00:00Z"));
                store.aggregate("439998:P0", e -> {
                    try {
                        streamer.event(e);
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                    return true;
                });
                streamer.finish();
            }
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            AuditExport.Result result = AuditExport.verify(file);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            assertThat(result.ok()).isTrue();
            assertThat(result.events()).isEqualTo(10_000);
            System.out.printf("BENCH 10,000-event project (run %d): export %d ms, offline verify %d ms, total %d ms, file %d KB;"
                            + " CPU of the thread: export %d ms, verify %d ms; load average %s%n",
                    run + 1, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000, Files.size(file) / 1024,
                    (c1 - c0) / 1_000_000, (c2 - c1) / 1_000_000, loadAverage());
        }
    }

    /** The JVM's CPU time (all threads). */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * PostgreSQL's CPU ticks: the postmaster's own and its reaped children's (cutime, cstime: backends that ended),
     * plus every live child's. The whole server: autovacuum and background writers count too, so it is an upper
     * bound of the verification's share, not the share itself.
     */
    private static long postgresTicks(long postmaster) throws IOException {
        long ticks = field(postmaster, 11) + field(postmaster, 12) + field(postmaster, 13) + field(postmaster, 14);
        for (ProcessHandle child : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
            try {
                ticks += field(child.pid(), 11) + field(child.pid(), 12);
            } catch (IOException ended) {
                // reaped meanwhile: counted in the postmaster's cutime next time
            }
        }
        return ticks;
    }

    /** Field {@code index} of /proc/pid/stat after the command name (0 = state, 1 = ppid, 11 = utime …). */
    private static long field(long pid, int index) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[index]);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private void districtVerify(DriverManagerDataSource dataSource, JdbcTemplate jdbc, long events) throws IOException {
        int aggregates = 1_000;
        long t0 = System.nanoTime();
        generate(jdbc, "project:439999:A", aggregates, events / aggregates);
        long t1 = System.nanoTime();
        System.out.printf("BENCH trigger: %d events appended by INSERT … SELECT in %d ms (%.0f events/s hashed and linked)%n",
                events, (t1 - t0) / 1_000_000, events * 1e9 / (t1 - t0));
        jdbc.execute("VACUUM ANALYZE domainevententry");
        long postmaster;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            postmaster = field(rs.getLong(1), 1);  // the backend's parent, while the backend lives
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        // one connection (a single pass in order) against the ranges in parallel, alternating, three times each
        for (int run = 0; run < 3; run++) {
            for (int parallelism : new int[] {1, Integer.getInteger("jixiao.bench.parallelism", 2)}) {
                AuditStore store = new AuditStore(dataSource, new DataSourceTransactionManager(dataSource), parallelism);
                long pg0 = postgresTicks(postmaster);
                long jvm0 = jvmCpuNanos();
                long s = System.nanoTime();
                AuditStore.Checked verifier = store.verifyDistrict("439999");
                long e = System.nanoTime();
                double jvmMicros = (jvmCpuNanos() - jvm0) / 1000.0 / events;
                double pgMicros = (postgresTicks(postmaster) - pg0) * 10_000.0 / events;
                assertThat(verifier.firstBroken()).isEmpty();
                assertThat(verifier.events()).isEqualTo(events);
                System.out.printf("BENCH verify district of %d events in %d chains, %d connection(s) (run %d): %d ms, "
                                + "%.0f events/s; CPU per event: JVM %.2f µs, whole PostgreSQL server (autovacuum included) %.2f µs; "
                                + "load average %s%n",
                        verifier.events(), verifier.aggregates(), parallelism, run + 1, (e - s) / 1_000_000,
                        verifier.events() * 1e9 / (e - s), jvmMicros, pgMicros, loadAverage());
            }
        }
    }

    /** {@code aggregates} chains of {@code each} events, appended in sequence order so the trigger links them. */
    private static void generate(JdbcTemplate jdbc, String prefix, int aggregates, long each) {
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) "
                + "SELECT ? || a, s, 'Project', ? || a || '-' || s, convert_to(?, 'UTF8'), convert_to(?, 'UTF8'), NULL, "
                + "'io.jixiao.events.budget.BudgetAdjusted', '2026-12-05T08:00:00.123Z' "
                + "FROM generate_series(0, ? - 1) a, generate_series(0, ? - 1) s ORDER BY a, s",
                prefix, prefix, METADATA, PAYLOAD, aggregates, each);
    }
}
