package io.jixiao.disclosure.overview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.disclosure.web.Params;
import io.jixiao.events.Topics;
import io.jixiao.events.evaluation.RectificationCompleted;
import io.jixiao.events.evaluation.RectificationOpened;
import io.jixiao.events.evaluation.RectificationOverdue;
import io.jixiao.events.evaluation.RectificationProgressed;
import io.jixiao.events.evaluation.RectificationReturned;
import io.jixiao.events.evaluation.RectificationSignedOff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evaluation events of one project, as journaled from {@code evaluation.events}: those that name the project
 * ({@code projectId}, or a key evaluation's {@code projectIds}), the completions of key evaluations that cover it, and
 * every act of a rectification item (整改) opened for a problem of the project (its source names the project, or a key
 * evaluation that covers it): the later acts of an item name only the item, so they are found by its id.
 * The project page draws them on the funding timeline; a budget adjustment's {@code causeEventId} is one of these
 * events' ids when an evaluation's result caused it.
 */
@RestController
@Tag(name = "overview")
public class ProjectEvaluationEvents {
    /** The acts of a rectification item, each naming it by {@code rectificationId}. */
    static final List<String> RECTIFICATION_TYPES = Stream.of(RectificationOpened.class, RectificationProgressed.class,
            RectificationOverdue.class, RectificationCompleted.class, RectificationReturned.class,
            RectificationSignedOff.class).map(Class::getSimpleName).toList();
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ProjectEvaluationEvents(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One event: its type, when it was recorded, who sent it, under which correlation id, and its fields. */
    public record EvaluationEvent(String eventId, String type, Instant occurredAt, String evaluationId, String grade,
                                  String actor, String correlationId, JsonNode event) {
    }

    public record ProjectEvaluationEventList(String districtCode, String projectId, List<EvaluationEvent> events) {
    }

    @GetMapping("/api/disclosure/districts/{districtCode}/projects/{projectId}/evaluation-events")
    @Operation(summary = "A project's evaluation events, in the order they were recorded")
    public ProjectEvaluationEventList events(@PathVariable String districtCode, @PathVariable String projectId) {
        Params.district(districtCode);
        Params.id("projectId", projectId);
        List<EvaluationEvent> events = new ArrayList<>();
        Set<String> keyEvaluations = new LinkedHashSet<>();
        jdbc.query("SELECT event_id, type, occurred_at, payload, metadata FROM district_event WHERE district_code = ? "
                + "AND topic = ? AND (payload::jsonb ->> 'projectId' = ? "
                + "OR jsonb_exists(coalesce(payload::jsonb -> 'projectIds', '[]'::jsonb), ?)) "
                + "ORDER BY occurred_at, aggregate_id, sequence", rs -> {
                    EvaluationEvent e = event(rs);
                    events.add(e);
                    if ("KeyEvaluationCommissioned".equals(e.type()) && e.evaluationId() != null) {
                        keyEvaluations.add(e.evaluationId());
                    }
                }, districtCode, Topics.EVALUATION_EVENTS, projectId, projectId);
        if (!keyEvaluations.isEmpty()) {
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("SELECT event_id, type, occurred_at, payload, metadata "
                        + "FROM district_event WHERE district_code = ? AND topic = ? AND type = 'KeyEvaluationCompleted' "
                        + "AND payload::jsonb ->> 'evaluationId' = ANY (?) ORDER BY occurred_at");
                statement.setString(1, districtCode);
                statement.setString(2, Topics.EVALUATION_EVENTS);
                statement.setArray(3, connection.createArrayOf("varchar", keyEvaluations.toArray()));
                return statement;
            }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> events.add(event(rs)));
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT event_id, type, occurred_at, payload, metadata "
                    + "FROM district_event WHERE district_code = ? AND topic = ? AND type = ANY (?) "
                    + "AND payload::jsonb ->> 'rectificationId' IN (SELECT payload::jsonb ->> 'rectificationId' "
                    + "FROM district_event WHERE district_code = ? AND topic = ? AND type = 'RectificationOpened' "
                    + "AND (payload::jsonb -> 'source' ->> 'projectId' = ? "
                    + "OR payload::jsonb -> 'source' ->> 'evaluationId' = ANY (?)))");
            statement.setString(1, districtCode);
            statement.setString(2, Topics.EVALUATION_EVENTS);
            statement.setArray(3, connection.createArrayOf("varchar", RECTIFICATION_TYPES.toArray()));
            statement.setString(4, districtCode);
            statement.setString(5, Topics.EVALUATION_EVENTS);
            statement.setString(6, projectId);
            statement.setArray(7, connection.createArrayOf("varchar", keyEvaluations.toArray()));
            return statement;
        }, (org.springframework.jdbc.core.RowCallbackHandler) rs -> events.add(event(rs)));
        events.sort(java.util.Comparator.comparing(EvaluationEvent::occurredAt));
        return new ProjectEvaluationEventList(districtCode, projectId, events);
    }

    private EvaluationEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            JsonNode payload = json.readTree(rs.getString("payload"));
            String metadataText = rs.getString("metadata");
            JsonNode metadata = metadataText == null ? json.nullNode() : json.readTree(metadataText);
            return new EvaluationEvent(rs.getString("event_id"), rs.getString("type"),
                    rs.getTimestamp("occurred_at").toInstant(), text(payload, "evaluationId"), text(payload, "grade"),
                    text(metadata, "actor"), text(metadata, "correlationId"), payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("journal row " + rs.getString("event_id") + " does not read as JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
