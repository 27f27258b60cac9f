package io.jixiao.disclosure.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.support.projection.Projection;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each project's funding and its timeline of events, from {@code budget.events}. */
@Component
public class ProjectTimelineProjection implements Projection {
    private final ObjectMapper objectMapper;

    public ProjectTimelineProjection(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public String name() {
        return "project-timeline";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BUDGET_EVENTS);
    }

    @Override
    public List<String> tables() {
        return List.of("project_view", "project_timeline_entry");
    }

    @Override
    public void apply(EventEnvelope event, JdbcTemplate jdbc) {
        try {
            switch (event.type()) {
                case "ProjectRegistered" -> registered(objectMapper.treeToValue(event.payload(), ProjectRegistered.class),
                        event, jdbc);
                case "BudgetAppropriated" -> {
                    BudgetAppropriated e = objectMapper.treeToValue(event.payload(), BudgetAppropriated.class);
                    moved("appropriated_fen", e.districtCode(), e.projectId(), e.amountFen(), event, jdbc);
                }
                case "FundsCarriedOver" -> {
                    FundsCarriedOver e = objectMapper.treeToValue(event.payload(), FundsCarriedOver.class);
                    moved("carried_over_fen", e.districtCode(), e.projectId(), e.amountFen(), event, jdbc);
                }
                case "BudgetAdjusted" -> {
                    BudgetAdjusted e = objectMapper.treeToValue(event.payload(), BudgetAdjusted.class);
                    moved("adjusted_fen", e.districtCode(), e.projectId(), e.amountFen(), event, jdbc);
                }
                case "ExpenditureRecorded" -> {
                    ExpenditureRecorded e = objectMapper.treeToValue(event.payload(), ExpenditureRecorded.class);
                    moved("spent_fen", e.districtCode(), e.projectId(), e.amountFen(), event, jdbc);
                }
                default -> {
                    // a type this projection does not use
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + event.type() + " " + event.eventId() + " is malformed: "
                    + e.getOriginalMessage(), e);
        }
    }

    private void registered(ProjectRegistered e, EventEnvelope event, JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO project_view (district_code, project_id, unit_id, name, category, fiscal_year, "
                        + "project_count, last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                e.districtCode(), e.projectId(), e.unitId(), e.name(), e.category().label(), e.fiscalYear(),
                e.projectCount(), event.sequence());
        timeline(e.districtCode(), e.projectId(), null, event, jdbc);
    }

    private void moved(String column, String district, String projectId, long fen, EventEnvelope event,
                       JdbcTemplate jdbc) {
        int updated = jdbc.update("UPDATE project_view SET " + column + " = " + column + " + ?, last_sequence = ? "
                + "WHERE district_code = ? AND project_id = ?", fen, event.sequence(), district, projectId);
        if (updated != 1) {
            throw new IllegalStateException(event.type() + " " + event.eventId() + " names project " + district + "/"
                    + projectId + ", which this projection has not seen registered");
        }
        timeline(district, projectId, fen, event, jdbc);
    }

    private void timeline(String district, String projectId, Long fen, EventEnvelope event, JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO project_timeline_entry (event_id, district_code, project_id, sequence_no, event_type, "
                        + "occurred_at, amount_fen, actor, correlation_id, causation_id, detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.eventId(), district, projectId, event.sequence(), event.type(), Timestamp.from(event.occurredAt()),
                fen, event.metadata() == null ? null : event.metadata().actor(),
                event.metadata() == null ? null : event.metadata().correlationId(),
                event.metadata() == null ? null : event.metadata().causationId(), event.payload().toString());
    }
}
