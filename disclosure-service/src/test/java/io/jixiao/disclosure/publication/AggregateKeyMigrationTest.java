package io.jixiao.disclosure.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.disclosure.fixture.Databases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Packages stored with the old identifier (district first) are found under the typed one, in the event store and
 * in the journal's copy of the service's own events; the journal rows from the topics keep what was published.
 */
class AggregateKeyMigrationTest {
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void oldDatabase() {
        dataSource = Databases.fresh("disclosure_key_migration");
        jdbc = new JdbcTemplate(dataSource);
        Databases.migrate(dataSource, "4");
        for (long sequence = 0; sequence < 2; sequence++) {
            jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                    + "payload, payloadtype, timestamp) VALUES ('430212:pkg-wjj', ?, 'DisclosurePackage', ?, "
                    + "'\\x7b7d'::bytea, 'x', '2023-01-01T00:00:00Z')", sequence, "e" + sequence);
        }
        jdbc.update("INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "payload, payloadtype, timestamp) VALUES ('430212:pkg-wjj', 1, 'DisclosurePackage', 's1', "
                + "'\\x7b7d'::bytea, 'x', '2023-01-01T00:00:00Z')");
        journal("e0", "disclosure", "430212:pkg-wjj");
        journal("b0", "topics", "430212:p1");
        Databases.migrate(dataSource, null);
    }

    private static void journal(String eventId, String source, String aggregate) {
        jdbc.update("INSERT INTO district_event (event_id, source, district_code, topic, type, aggregate_type, "
                + "aggregate_id, sequence, occurred_at, payload) VALUES (?, ?, '430212', 't', 'X', 'A', ?, 0, now(), "
                + "'{}'::jsonb)", eventId, source, aggregate);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    private static List<String> keys() {
        return jdbc.queryForList("SELECT aggregateidentifier || '#' || sequencenumber FROM domainevententry "
                + "UNION ALL SELECT source || ' ' || aggregate_id FROM district_event", String.class);
    }

    @Test
    void packageIdentifiersAreRewrittenToTheTypedFormAndASecondRunChangesNothing() {
        String key = PackageCommands.packageKey("430212", "pkg-wjj");
        assertThat(key).isEqualTo("package:430212:pkg-wjj");
        assertThat(keys()).containsExactlyInAnyOrder(key + "#0", key + "#1", "disclosure " + key, "topics 430212:p1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshotevententry", Long.class)).isZero();
        List<String> once = keys();
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V5__type_prefixed_aggregate_keys.sql"))
                .execute(dataSource);
        assertThat(keys()).containsExactlyInAnyOrderElementsOf(once);
    }
}
