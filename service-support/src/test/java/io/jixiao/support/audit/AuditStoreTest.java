package io.jixiao.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.audit.AuditExport;
import io.jixiao.audit.BrokenLink;
import io.jixiao.audit.ChainVerifier;
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
        ChainVerifier verifier = store.verifyDistrict("430203");
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
}
