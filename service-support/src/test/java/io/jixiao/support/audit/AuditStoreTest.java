package io.jixiao.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.audit.AuditExport;
import io.jixiao.audit.BrokenLink;
import io.jixiao.infra.SharedTestInfra;
import java.io.StringWriter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The migration chains events stored before it; the trigger chains those appended after; Java agrees with both. */
class AuditStoreTest {

    static DriverManagerDataSource database(String prefix) {
        return new DriverManagerDataSource(SharedTestInfra.freshDatabase(prefix), "postgres", "postgres");
    }

    static Flyway flyway(DriverManagerDataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/support").target(target).load();
    }

    static String insert(String aggregate, long sequence, String payload) {
        return "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) VALUES ('" + aggregate + "', " + sequence
                + ", 'Project', '" + aggregate + "#" + sequence + "', convert_to('{\"actor\":\"alice\"}', 'UTF8'), "
                + "convert_to('" + payload + "', 'UTF8'), NULL, 'io.jixiao.events.budget.BudgetAdjusted', "
                + "'2026-12-05T08:00:00.000Z')";
    }

    @Test
    void eventsStoredBeforeTheMigrationAreChainedByIt() {
        DriverManagerDataSource dataSource = database("audit_migration");
        flyway(dataSource, "0.2").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (long seq = 0; seq < 3; seq++) {
            jdbc.update(insert("project:430203:old", seq, "{\"amountFen\":" + seq + "}"));
            jdbc.update(insert("unit:430203:中文", seq, "{\"名称\":\"年中调减\"}"));
        }
        flyway(dataSource, "latest").migrate();
        jdbc.update(insert("project:430203:old", 3, "{\"amountFen\":3}"));  // appended after: chained by the trigger
        jdbc.update(insert("project:430204:other", 0, "{}"));

        AuditStore store = new AuditStore(dataSource, new DataSourceTransactionManager(dataSource));
        AuditStore.Checked verifier = store.verifyDistrict("430203");
        assertThat(verifier.firstBroken()).isEmpty();
        assertThat(verifier.events()).isEqualTo(7);  // not the event of district 430204
        assertThat(verifier.aggregates()).isEqualTo(2);

        jdbc.update("UPDATE domainevententry SET timestamp = '2026-12-05T08:00:00.001Z' "
                + "WHERE aggregateidentifier = 'unit:430203:中文' AND sequencenumber = 1");
        BrokenLink broken = store.verifyDistrict("430203").firstBroken().orElseThrow();
        assertThat(broken).extracting(BrokenLink::eventId, BrokenLink::field)
                .containsExactly("unit:430203:中文#1", "hash");
    }

    @Test
    void anAppendWithoutItsPredecessorIsRefused() {
        DriverManagerDataSource dataSource = database("audit_gap");
        flyway(dataSource, "latest").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update(insert("project:430203:p", 0, "{}"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(insert("project:430203:p", 2, "{}")))
                .hasMessageContaining("has no predecessor 1 to chain to");
    }

    @Test
    void anExportOfTheStoreVerifiesOffline() throws Exception {
        DriverManagerDataSource dataSource = database("audit_export");
        flyway(dataSource, "latest").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (long seq = 0; seq < 5; seq++) {
            jdbc.update(insert("project:430203:p", seq, "{\"n\":" + seq + "}"));
        }
        AuditStore store = new AuditStore(dataSource, new DataSourceTransactionManager(dataSource));
        StringWriter file = new StringWriter();
        AuditExport.Streamer streamer = new AuditExport.Streamer(file,
                new AuditExport.Header("budget-service", "430203", "p", "2026-12-05T08:00:00Z"));
        store.aggregate("project:430203:p", e -> {
            try {
                streamer.event(e);
            } catch (java.io.IOException failed) {
                throw new java.io.UncheckedIOException(failed);
            }
            return true;
        });
        assertThat(streamer.finish()).isEqualTo(5);
        AuditExport.Result result = AuditExport.verify(file.toString());
        assertThat(result.ok()).isTrue();
        assertThat(result.events()).isEqualTo(5);
    }

    @Test
    void parallelRangesReportWhatOnePassInOrderFinds() {
        DriverManagerDataSource dataSource = database("audit_parallel");
        flyway(dataSource, "latest").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // 3 types, 60 chains of 0..9 events in district 430203, and neighbours that are not of it
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) "
                + "SELECT t || ':430203' || CASE WHEN a = 0 THEN '' ELSE ':' || a END, s, 'Project', t || a || '#' || s, "
                + "convert_to('{}', 'UTF8'), convert_to('{\"n\":' || s || '}', 'UTF8'), NULL, 'x.Y', "
                + "'2026-12-05T08:00:00.000Z' FROM unnest(ARRAY['goal', 'project', 'unit-budget']) t, "
                + "generate_series(0, 19) a, generate_series(0, 9) s WHERE s <= a % 10 ORDER BY t, a, s");
        jdbc.update(insert("project:4302030:x", 0, "{}"));
        jdbc.update(insert("project:430203-x", 0, "{}"));
        jdbc.update(insert("project:430204:P", 0, "{}"));
        AuditStore parallel = new AuditStore(dataSource, new DataSourceTransactionManager(dataSource), 3);
        AuditStore single = new AuditStore(dataSource, new DataSourceTransactionManager(dataSource), 1);

        AuditStore.Checked intact = parallel.verifyDistrict("430203");
        assertThat(intact).isEqualTo(inOnePass(parallel, "430203"));
        assertThat(intact.events()).isEqualTo(3 * (2 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10)));
        assertThat(intact.aggregates()).isEqualTo(60);

        // two breaks: the one first in (aggregate, sequence) order is reported, whichever range finishes first
        jdbc.update("UPDATE domainevententry SET payload = convert_to('{\"n\":99}', 'UTF8') "
                + "WHERE aggregateidentifier = 'unit-budget:430203:9' AND sequencenumber = 5");
        jdbc.update("DELETE FROM domainevententry WHERE aggregateidentifier = 'project:430203:17' AND sequencenumber = 3");
        AuditStore.Checked broken = parallel.verifyDistrict("430203");
        assertThat(broken).isEqualTo(inOnePass(parallel, "430203")).isEqualTo(single.verifyDistrict("430203"));
        assertThat(broken.firstBroken().orElseThrow()).extracting(BrokenLink::aggregateId, BrokenLink::sequence,
                BrokenLink::field).containsExactly("project:430203:17", 4L, "sequence");
    }

    /** The reference: one read of the district in order through one {@link ChainVerifier}. */
    private static AuditStore.Checked inOnePass(AuditStore store, String district) {
        io.jixiao.audit.ChainVerifier verifier = new io.jixiao.audit.ChainVerifier();
        store.district(district, verifier::accept);
        return new AuditStore.Checked(verifier.events(), verifier.aggregates(), verifier.firstBroken());
    }
}
