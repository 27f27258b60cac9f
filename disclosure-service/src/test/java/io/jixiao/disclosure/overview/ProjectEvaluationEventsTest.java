package io.jixiao.disclosure.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.disclosure.fixture.Databases;
import io.jixiao.disclosure.overview.ProjectEvaluationEvents.EvaluationEvent;
import io.jixiao.events.Topics;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A project's evaluation events on a real PostgreSQL journal: a rectification item opened for a finding of a key
 * evaluation that covers the project is listed with all its acts, though only the opening names the project or the
 * evaluation; an item of another project is not.
 */
class ProjectEvaluationEventsTest {
    private static final String D = "430212";
    private static final Instant T = Instant.parse("2023-11-01T02:00:00Z");
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        dataSource = Databases.fresh("disclosure_project_evaluation_events");
        jdbc = new JdbcTemplate(dataSource);
        Databases.migrate(dataSource, null);
        journal("e1", "KeyEvaluationCommissioned", "Evaluation:ke-1", 0, 0,
                "{\"evaluationId\":\"ke-1\",\"projectIds\":[\"p-1\",\"p-2\"]}", "finance");
        journal("e2", "KeyEvaluationCompleted", "Evaluation:ke-1", 1, 1,
                "{\"evaluationId\":\"ke-1\",\"findings\":[\"合同未约定考核指标\"]}", "evaluator");
        // an item of a key evaluation of two projects: its source names the evaluation, not a project
        journal("r1", "RectificationOpened", "Rectification:zg-1", 0, 2, "{\"rectificationId\":\"zg-1\","
                + "\"source\":{\"kind\":\"KEY_EVALUATION\",\"evaluationId\":\"ke-1\",\"findingIndex\":0,"
                + "\"problem\":\"合同未约定考核指标\"}}", "finance");
        journal("r2", "RectificationOverdue", "Rectification:zg-1", 1, 3, "{\"rectificationId\":\"zg-1\","
                + "\"overdueAt\":\"2023-12-15T16:00:00Z\"}", "system:rectification-overdue");
        journal("r3", "RectificationCompleted", "Rectification:zg-1", 2, 4, "{\"rectificationId\":\"zg-1\","
                + "\"late\":true}", "clerk");
        journal("r4", "RectificationSignedOff", "Rectification:zg-1", 3, 5, "{\"rectificationId\":\"zg-1\"}",
                "finance");
        // an item of another project, named by its source
        journal("r5", "RectificationOpened", "Rectification:zg-2", 0, 6, "{\"rectificationId\":\"zg-2\","
                + "\"source\":{\"kind\":\"MONITORING\",\"goalId\":\"g-9\",\"deviationId\":\"d-9\",\"projectId\":\"p-9\"}}",
                "finance");
        journal("r6", "RectificationCompleted", "Rectification:zg-2", 1, 7, "{\"rectificationId\":\"zg-2\"}", "clerk");
    }

    private static void journal(String eventId, String type, String aggregateId, long sequence, int minutes,
                                String payload, String actor) {
        jdbc.update("INSERT INTO district_event (event_id, source, district_code, topic, type, aggregate_type, "
                        + "aggregate_id, sequence, occurred_at, payload, metadata) VALUES (?, 'topics', ?, ?, ?, ?, ?, ?, "
                        + "?, ?::json, ?::json)", eventId, D, Topics.EVALUATION_EVENTS, type,
                aggregateId.substring(0, aggregateId.indexOf(':')), aggregateId, sequence,
                java.sql.Timestamp.from(T.plusSeconds(60L * minutes)), payload,
                "{\"actor\":\"" + actor + "\",\"correlationId\":\"c-" + eventId + "\"}");
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    private static List<EvaluationEvent> of(String projectId) {
        return new ProjectEvaluationEvents(jdbc, new ObjectMapper()).events(D, projectId).events();
    }

    @Test
    void everyActOfAnItemOpenedForAKeyEvaluationOfTheProjectIsListedInOrderWithItsActor() {
        List<EvaluationEvent> events = of("p-2");
        assertThat(events).extracting(EvaluationEvent::eventId).containsExactly("e1", "e2", "r1", "r2", "r3", "r4");
        assertThat(events).extracting(EvaluationEvent::actor).containsExactly("finance", "evaluator", "finance",
                "system:rectification-overdue", "clerk", "finance");
        assertThat(events.get(2).event().path("source").path("problem").asText()).isEqualTo("合同未约定考核指标");
    }

    @Test
    void anItemWhoseSourceNamesTheProjectIsListedAndNoOtherProjectsItem() {
        assertThat(of("p-9")).extracting(EvaluationEvent::eventId).containsExactly("r5", "r6");
        assertThat(of("p-1")).extracting(EvaluationEvent::eventId).doesNotContain("r5", "r6");
        assertThat(of("p-3")).isEmpty();
    }
}
