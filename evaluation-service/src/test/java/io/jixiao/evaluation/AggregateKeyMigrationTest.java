package io.jixiao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** Goals and evaluations stored with the old identifiers (district first) are found under the typed ones. */
class AggregateKeyMigrationTest {
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void oldDatabase() {
        dataSource = OldDatabase.at("evaluation_key_migration", "4");
        jdbc = new JdbcTemplate(dataSource);
        for (String[] e : new String[][] {{"430212:goal:g-1", "0", "PerformanceGoal"},
                {"430212:goal:g-1", "1", "PerformanceGoal"}, {"430212:evaluation:g-1", "0", "Evaluation"}}) {
            jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                    + "payload, payloadtype, timestamp) VALUES (?, ?, ?, ?, '\\x7b7d'::bytea, 'x', "
                    + "'2023-01-01T00:00:00Z')", e[0], Long.parseLong(e[1]), e[2], e[0] + "#" + e[1]);
        }
        jdbc.update("INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "payload, payloadtype, timestamp) VALUES ('430212:goal:g-1', 1, 'PerformanceGoal', 's1', "
                + "'\\x7b7d'::bytea, 'x', '2023-01-01T00:00:00Z')");
        jdbc.update("INSERT INTO goal_view (goal_key, district_code, goal_id, scope, fiscal_year, amount_fen, "
                + "indicators, status, version, declared_at, updated_at) VALUES ('430212:goal:g-1', '430212', 'g-1', "
                + "'PROJECT', 2023, 1, '[]', 'DECLARED', 1, now(), now())");
        jdbc.update("INSERT INTO observation_view (district_code, observation_id, goal_key, goal_id, period_from, "
                + "period_to, mode, budget_fen, spent_fen, execution_rate, time_progress, indicators, recorded_on, "
                + "recorded_at) VALUES ('430212', 'o-1', '430212:goal:g-1', 'g-1', '2023-01-01', '2023-06-30', 'SELF', "
                + "1, 1, 100, 50, '[]', '2023-07-01', now())");
        jdbc.update("INSERT INTO evaluation_view (evaluation_key, district_code, evaluation_id, kind, version, "
                + "updated_at) VALUES ('430212:evaluation:g-1', '430212', 'g-1', 'SELF', 0, now())");
        jdbc.update("INSERT INTO result_application_view (event_id, evaluation_key, district_code, evaluation_id, "
                + "project_id, target_fiscal_year, grade, measure, change_ratio, budget_change_fen, applied_at) VALUES "
                + "('r-1', '430212:evaluation:g-1', '430212', 'g-1', 'p-1', 2024, 'A', 'KEEP', 0, 0, now())");
        OldDatabase.migrate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    private static List<String> keys() {
        return jdbc.queryForList("SELECT aggregateidentifier || '#' || sequencenumber FROM domainevententry "
                + "UNION ALL SELECT 'goal_view ' || goal_key FROM goal_view "
                + "UNION ALL SELECT 'observation_view ' || goal_key FROM observation_view "
                + "UNION ALL SELECT 'evaluation_view ' || evaluation_key FROM evaluation_view "
                + "UNION ALL SELECT 'result_application_view ' || evaluation_key FROM result_application_view", String.class);
    }

    @Test
    void goalAndEvaluationIdentifiersAreRewrittenToTheTypedFormAndASecondRunChangesNothing() {
        String goal = Keys.goal("430212", "g-1");
        String evaluation = Keys.evaluation("430212", "g-1");
        assertThat(goal).isEqualTo("goal:430212:g-1");
        assertThat(keys()).containsExactlyInAnyOrder(goal + "#0", goal + "#1", evaluation + "#0", "goal_view " + goal,
                "observation_view " + goal, "evaluation_view " + evaluation, "result_application_view " + evaluation);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshotevententry", Long.class)).isZero();
        List<String> once = keys();
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V5__type_prefixed_aggregate_keys.sql"))
                .execute(dataSource);
        assertThat(keys()).containsExactlyInAnyOrderElementsOf(once);
    }
}
