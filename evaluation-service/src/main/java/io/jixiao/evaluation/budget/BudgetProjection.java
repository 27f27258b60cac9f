package io.jixiao.evaluation.budget;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.support.projection.Projection;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What evaluation-service knows of the money, from budget-service's events on {@code budget.events} (never
 * typed in twice): each project's registration and every movement of its money with its date — 年初预算,
 * 结转, 调整 and 支出 — and each unit's 基本支出 budget and spending. Spending is kept by date so that spending
 * to any checkpoint can be summed. Rows, offsets and applied event ids are written in one transaction by the
 * {@code ProjectionRunner}; a redelivered event is a no-op.
 */
@Component
public class BudgetProjection implements Projection {
    public static final String NAME = "evaluation-budget";

    /** Kinds of movement. */
    public enum Kind { APPROPRIATION, CARRY_OVER, ADJUSTMENT, EXPENDITURE }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.BUDGET_EVENTS);
    }

    @Override
    public List<String> tables() {
        return List.of("budget_project", "budget_movement");
    }

    @Override
    public void apply(EventEnvelope event, JdbcTemplate jdbc) {
        JsonNode p = event.payload();
        switch (event.type()) {
            case "ProjectRegistered" -> jdbc.update("INSERT INTO budget_project (district_code, project_id, unit_id, "
                            + "name, category, fiscal_year, project_count) VALUES (?, ?, ?, ?, ?, ?, ?) "
                            + "ON CONFLICT (district_code, project_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, "
                            + "name = EXCLUDED.name, category = EXCLUDED.category, fiscal_year = EXCLUDED.fiscal_year, "
                            + "project_count = EXCLUDED.project_count",
                    text(p, "districtCode"), text(p, "projectId"), text(p, "unitId"), text(p, "name"),
                    text(p, "category"), p.path("fiscalYear").asInt(), p.path("projectCount").asInt(1));
            case "BudgetAppropriated" -> project(jdbc, event, Kind.APPROPRIATION, null);
            case "FundsCarriedOver" -> project(jdbc, event, Kind.CARRY_OVER, null);
            case "BudgetAdjusted" -> project(jdbc, event, Kind.ADJUSTMENT, text(p, "basis"));
            case "ExpenditureRecorded" -> project(jdbc, event, Kind.EXPENDITURE, null);
            case "BasicBudgetAppropriated" -> basic(jdbc, event, Kind.APPROPRIATION, null);
            case "BasicBudgetAdjusted" -> basic(jdbc, event, Kind.ADJUSTMENT, text(p, "basis"));
            case "BasicExpenditureRecorded" -> basic(jdbc, event, Kind.EXPENDITURE, text(p, "expenditureClass"));
            default -> {
                // other budget events move no project or unit money this service needs
            }
        }
    }

    private static void project(JdbcTemplate jdbc, EventEnvelope event, Kind kind, String detail) {
        JsonNode p = event.payload();
        insert(jdbc, event, "PROJECT", text(p, "projectId"), null, null, kind, detail);
    }

    private static void basic(JdbcTemplate jdbc, EventEnvelope event, Kind kind, String detail) {
        JsonNode p = event.payload();
        insert(jdbc, event, "BASIC", null, text(p, "unitId"), p.path("fiscalYear").asInt(), kind, detail);
    }

    private static void insert(JdbcTemplate jdbc, EventEnvelope event, String scope, String projectId, String unitId,
                               Integer fiscalYear, Kind kind, String detail) {
        JsonNode p = event.payload();
        if (!p.path("amountFen").canConvertToLong()) {
            throw new IllegalArgumentException(event.type() + " " + event.eventId() + " has no amountFen");
        }
        String date = text(p, "date");
        jdbc.update("INSERT INTO budget_movement (event_id, district_code, scope, project_id, unit_id, fiscal_year, "
                        + "kind, amount_fen, movement_date, detail, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (event_id) DO NOTHING",
                event.eventId(), text(p, "districtCode"), scope, projectId, unitId, fiscalYear, kind.name(),
                p.path("amountFen").asLong(), date == null ? null : Date.valueOf(LocalDate.parse(date)), detail,
                event.occurredAt() == null ? null : java.sql.Timestamp.from(event.occurredAt()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
