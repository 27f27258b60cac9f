package io.jixiao.budget.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.budget.debt.DebtCommands;
import io.jixiao.budget.project.ProjectCommands;
import io.jixiao.budget.settings.DistrictSettings;
import io.jixiao.budget.threepublic.ThreePublicCommands;
import io.jixiao.budget.transfer.TransferCommands;
import io.jixiao.budget.unit.UnitCommands;
import io.jixiao.infra.EmbeddedPostgresServer;
import io.jixiao.infra.SharedTestInfra;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A database written by the suite before aggregate identifiers had a type prefix: the migration rewrites every
 * stored identifier to the form the code now asks for, keeps each aggregate's events together and in order,
 * drops the snapshots (their payload holds the old identifier), and a second run changes nothing.
 */
class AggregateKeyMigrationTest {
    private static final String D = "430203";
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static Flyway flyway;

    @BeforeAll
    static void oldDatabase() {
        SharedTestInfra.postgres();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(SharedTestInfra.freshDatabase("budget_key_migration"));
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(EmbeddedPostgresServer.PASSWORD);
        dataSource.setMaximumPoolSize(2);
        jdbc = new JdbcTemplate(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/support", "classpath:db/migration")
                .target("16").load().migrate();
        // as the old code stored them: the district first
        event("430203:P1", 0, "Project");
        event("430203:P1", 1, "Project");
        event("430203:settings", 0, "DistrictSettings");
        event("430203:settings", 1, "DistrictSettings");
        event("430203:unit:czj", 0, "Unit");
        event("430203:unit:czj:2023", 0, "UnitBudget");
        event("430203:three-public:czj:2023", 0, "ThreePublicBudget");
        event("430203:transfers:2023", 0, "DistrictTransfers");
        event("430203:debt:2023", 0, "DistrictDebt");
        jdbc.update("INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "payload, payloadtype, timestamp) VALUES ('430203:P1', 1, 'Project', 's1', '\\x7b7d'::bytea, "
                + "'io.jixiao.budget.project.Project', '2023-01-01T00:00:00Z')");
        jdbc.update("INSERT INTO project_funding (project_key, district_code, project_id, name, category, fiscal_year, "
                + "project_count, version, updated_at) VALUES ('430203:P1', '430203', 'P1', '道路', 'SPECIAL_FUND', 2023, "
                + "1, 1, now())");
        flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/support", "classpath:db/migration")
                .load();
        flyway.migrate();
    }

    private static void event(String aggregate, long sequence, String type) {
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload, "
                        + "payloadtype, timestamp) VALUES (?, ?, ?, ?, '\\x7b7d'::bytea, 'x', '2023-01-01T00:00:00Z')",
                aggregate, sequence, type, aggregate + "#" + sequence);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    private static List<String> stored() {
        return jdbc.queryForList("SELECT aggregateidentifier || '#' || sequencenumber || ' ' || eventidentifier "
                + "FROM domainevententry ORDER BY globalindex", String.class);
    }

    @Test
    void everyStoredIdentifierIsRewrittenToTheTypedForm() {
        assertThat(stored()).containsExactly(
                ProjectCommands.projectKey(D, "P1") + "#0 430203:P1#0",
                ProjectCommands.projectKey(D, "P1") + "#1 430203:P1#1",
                DistrictSettings.key(D) + "#0 430203:settings#0",
                DistrictSettings.key(D) + "#1 430203:settings#1",
                UnitCommands.unitKey(D, "czj") + "#0 430203:unit:czj#0",
                UnitCommands.unitYearKey(D, "czj", 2023) + "#0 430203:unit:czj:2023#0",
                ThreePublicCommands.key(D, "czj", 2023) + "#0 430203:three-public:czj:2023#0",
                TransferCommands.key(D, 2023) + "#0 430203:transfers:2023#0",
                DebtCommands.key(D, 2023) + "#0 430203:debt:2023#0");
        assertThat(ProjectCommands.projectKey(D, "P1")).isEqualTo("project:430203:P1");
        assertThat(DistrictSettings.key(D)).isEqualTo("settings:430203");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshotevententry", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT project_key FROM project_funding", String.class))
                .containsExactly(ProjectCommands.projectKey(D, "P1"));
    }

    @Test
    void aSecondRunChangesNothing() {
        List<String> once = stored();
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V17__type_prefixed_aggregate_keys.sql"))
                .execute(dataSource);
        assertThat(stored()).isEqualTo(once);
        assertThat(jdbc.queryForList("SELECT project_key FROM project_funding", String.class))
                .containsExactly(ProjectCommands.projectKey(D, "P1"));
    }
}
