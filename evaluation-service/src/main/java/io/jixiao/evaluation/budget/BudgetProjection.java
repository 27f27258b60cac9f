package io.jixiao.evaluation.budget;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.support.projection.ArrayBatch;
import io.jixiao.support.projection.Projection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What evaluation-service knows of the money, from budget-service's events on {@code budget.events} (never
 * typed in twice): each project's registration and every movement of its money with its date — 年初预算,
 * 结转, 调整 and 支出 — and each unit's 基本支出 budget and spending. Spending is kept by date so that spending
 * to any checkpoint can be summed. Rows and offsets are written in one transaction by the
 * {@code ProjectionRunner}; a redelivered event is a no-op: its movement row is already there (keyed by event id)
 * and its registration writes the same values again.
 */
@Component
public class BudgetProjection implements Projection {
    public static final String NAME = "evaluation-budget";
    /** PostgreSQL array types of the columns of budget_project and budget_movement, as bound by ArrayBatch. */
    private static final String[] PROJECT_TYPES = {"varchar", "varchar", "varchar", "varchar", "varchar", "int4",
            "int4"};
    private static final String[] MOVEMENT_TYPES = {"varchar", "varchar", "varchar", "varchar", "varchar", "int4",
            "varchar", "int8", "text", "varchar", "text"};

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

    /** Each movement is a row keyed by its event id and a registration an upsert of the same values. */
    @Override
    public boolean deduplicatesItself() {
        return true;
    }

    @Override
    public void apply(EventEnvelope event, JdbcTemplate jdbc) {
        applyAll(List.of(event), jdbc);
    }

    /** The batch as one upsert of the projects it registers and one insert of its movements. */
    @Override
    public void applyAll(List<EventEnvelope> events, JdbcTemplate jdbc) {
        Map<String, Object[]> projects = new LinkedHashMap<>();
        List<Object[]> movements = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            JsonNode p = event.payload();
            switch (event.type()) {
                case "ProjectRegistered" -> {
                    // a later registration of the same project in the batch wins, as it would one by one
                    String key = text(p, "districtCode") + "/" + text(p, "projectId");
                    projects.remove(key);
                    projects.put(key, new Object[] {text(p, "districtCode"), text(p, "projectId"), text(p, "unitId"),
                            text(p, "name"), text(p, "category"), p.path("fiscalYear").asInt(),
                            p.path("projectCount").asInt(1)});
                }
                case "BudgetAppropriated" -> movements.add(project(event, Kind.APPROPRIATION, null));
                case "FundsCarriedOver" -> movements.add(project(event, Kind.CARRY_OVER, null));
                case "BudgetAdjusted" -> movements.add(project(event, Kind.ADJUSTMENT, text(p, "basis")));
                case "ExpenditureRecorded" -> movements.add(project(event, Kind.EXPENDITURE, null));
                case "BasicBudgetAppropriated" -> movements.add(basic(event, Kind.APPROPRIATION, null));
                case "BasicBudgetAdjusted" -> movements.add(basic(event, Kind.ADJUSTMENT, text(p, "basis")));
                case "BasicExpenditureRecorded" -> movements.add(basic(event, Kind.EXPENDITURE,
                        text(p, "expenditureClass")));
                default -> {
                    // other budget events move no project or unit money this service needs
                }
            }
        }
        if (!projects.isEmpty()) {
            ArrayBatch.update(jdbc, "INSERT INTO budget_project (district_code, project_id, unit_id, name, category, "
                    + "fiscal_year, project_count) SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], "
                    + "?::varchar[], ?::varchar[], ?::int4[], ?::int4[]) "
                    + "ON CONFLICT (district_code, project_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, "
                    + "name = EXCLUDED.name, category = EXCLUDED.category, fiscal_year = EXCLUDED.fiscal_year, "
                    + "project_count = EXCLUDED.project_count", PROJECT_TYPES, columns(projects.values(), 7));
        }
        if (!movements.isEmpty()) {
            ArrayBatch.update(jdbc, "INSERT INTO budget_movement (event_id, district_code, scope, project_id, unit_id, "
                    + "fiscal_year, kind, amount_fen, movement_date, detail, occurred_at) "
                    + "SELECT e, d, s, p, u, y, k, a, m::date, x, o::timestamptz FROM unnest(?::varchar[], "
                    + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int4[], ?::varchar[], ?::int8[], "
                    + "?::text[], ?::varchar[], ?::text[]) AS r(e, d, s, p, u, y, k, a, m, x, o) "
                    + "ON CONFLICT (event_id) DO NOTHING", MOVEMENT_TYPES, columns(movements, 11));
        }
    }

    private static Object[] project(EventEnvelope event, Kind kind, String detail) {
        JsonNode p = event.payload();
        return movement(event, "PROJECT", text(p, "projectId"), null, null, kind, detail);
    }

    private static Object[] basic(EventEnvelope event, Kind kind, String detail) {
        JsonNode p = event.payload();
        return movement(event, "BASIC", null, text(p, "unitId"), p.path("fiscalYear").asInt(), kind, detail);
    }

    /** A row of budget_movement; an event without a whole amount in fen, or with a date that is none, throws. */
    private static Object[] movement(EventEnvelope event, String scope, String projectId, String unitId,
                                     Integer fiscalYear, Kind kind, String detail) {
        JsonNode p = event.payload();
        if (!p.path("amountFen").canConvertToLong()) {
            throw new IllegalArgumentException(event.type() + " " + event.eventId() + " has no amountFen");
        }
        String date = text(p, "date");
        return new Object[] {event.eventId(), text(p, "districtCode"), scope, projectId, unitId, fiscalYear,
                kind.name(), p.path("amountFen").asLong(), date == null ? null : LocalDate.parse(date).toString(),
                detail, event.occurredAt() == null ? null : event.occurredAt().toString()};
    }

    private static Object[][] columns(Collection<Object[]> rows, int width) {
        Object[][] columns = new Object[width][rows.size()];
        int i = 0;
        for (Object[] row : rows) {
            for (int c = 0; c < width; c++) {
                columns[c][i] = row[c];
            }
            i++;
        }
        return columns;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
