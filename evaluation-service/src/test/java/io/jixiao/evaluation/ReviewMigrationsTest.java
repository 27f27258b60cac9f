package io.jixiao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V6 and V7 over a database as the build before them left it: a result graded 优 whose view row never fitted is
 * restored from the stored event, the evaluation's version catches up, self-evaluations stand submitted, and every
 * budget movement keeps the FundingFigures figure it moved.
 */
class ReviewMigrationsTest {
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static final String KEY = "evaluation:430212:se-1";

    @BeforeAll
    static void oldDatabase() {
        dataSource = OldDatabase.at("evaluation_review_migrations", "5");
        jdbc = new JdbcTemplate(dataSource);
        String applied = "{\"districtCode\":\"430212\",\"evaluationId\":\"se-1\",\"kind\":\"自评\",\"projectId\":\"p-1\","
                + "\"targetFiscalYear\":2024,\"grade\":\"优\",\"measure\":\"重点保障\",\"changeRatio\":0,"
                + "\"budgetChangeFen\":0,\"ruleVersion\":\"430212:v0\"}";
        String[][] events = {{"0", "io.jixiao.events.evaluation.SelfEvaluationSubmitted", "{}"},
                {"1", "io.jixiao.events.evaluation.EvaluationResultApplied", applied}};
        for (String[] e : events) {
            jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                    + "payload, payloadtype, timestamp) VALUES (?, ?, 'Evaluation', ?, convert_to(?, 'UTF8'), ?, "
                    + "'2024-03-01T08:00:00Z')", KEY, Long.parseLong(e[0]), "ev-" + e[0], e[2], e[1]);
        }
        jdbc.update("INSERT INTO evaluation_view (evaluation_key, district_code, evaluation_id, kind, self_evaluation, "
                + "version, updated_at) VALUES (?, '430212', 'se-1', 'SELF', '{}'::jsonb, 0, now())", KEY);
        String[] kinds = {"APPROPRIATION", "CARRY_OVER", "ADJUSTMENT", "EXPENDITURE"};
        for (int i = 0; i < kinds.length; i++) {
            jdbc.update("INSERT INTO budget_movement (event_id, district_code, scope, project_id, kind, amount_fen) "
                    + "VALUES (?, '430212', 'PROJECT', 'p-1', ?, ?)", "m-" + i, kinds[i], 100L * (i + 1));
        }
        OldDatabase.migrate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void theMissingResultApplicationIsRestoredAndTheEvaluationStandsSubmitted() {
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM result_application_view WHERE event_id = 'ev-1'");
        assertThat(row).containsEntry("evaluation_key", KEY).containsEntry("grade", "EXCELLENT")
                .containsEntry("measure", "KEY_GUARANTEE").containsEntry("project_id", "p-1")
                .containsEntry("target_fiscal_year", 2024).containsEntry("budget_change_fen", 0L);
        assertThat(jdbc.queryForMap("SELECT version, review_status FROM evaluation_view WHERE evaluation_key = ?", KEY))
                .containsEntry("version", 1L).containsEntry("review_status", "SUBMITTED");
    }

    @Test
    void everyMovementKeepsTheFigureItMoved() {
        assertThat(jdbc.queryForList("SELECT appropriated_fen || '/' || carried_over_fen || '/' || adjusted_fen || '/' "
                + "|| spent_fen FROM budget_movement ORDER BY event_id", String.class))
                .containsExactly("100/0/0/0", "0/200/0/0", "0/0/300/0", "0/0/0/400");
    }
}
