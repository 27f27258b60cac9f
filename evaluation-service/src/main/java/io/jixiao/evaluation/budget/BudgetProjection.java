package io.jixiao.evaluation.budget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BasicBudgetAdjusted;
import io.jixiao.events.budget.BasicBudgetAppropriated;
import io.jixiao.events.budget.BasicExpenditureRecorded;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundingFigures;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.support.projection.ArrayBatch;
import io.jixiao.support.projection.Projection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <p>
 * Payloads are decoded into the published records ({@link EventTypes}) and handled by a class → handler table. What a
 * project's event moves is {@link FundingFigures#after}'s answer, the one definition every service folds through:
 * a money event of a type this table does not name is still counted, from its aggregate (the project).
 * <p>
 * Deduplicates itself: each movement is a row keyed by its event id and a registration an upsert of the same values.
 */
@Component
public class BudgetProjection implements Projection.SetWise {
    public static final String NAME = "evaluation-budget";
    /** PostgreSQL array types of the columns of budget_project and budget_movement, as bound by ArrayBatch. */
    private static final String[] PROJECT_TYPES = {"varchar", "varchar", "varchar", "varchar", "varchar", "int4",
            "int4"};
    private static final String[] MOVEMENT_TYPES = {"varchar", "varchar", "varchar", "varchar", "varchar", "int4",
            "varchar", "int8", "text", "varchar", "text", "int8", "int8", "int8", "int8"};
    private static final Map<Class<?>, Handler> HANDLERS = handlers();

    /** Kinds of movement: the figure of {@link FundingFigures} it moves. */
    public enum Kind { APPROPRIATION, CARRY_OVER, ADJUSTMENT, EXPENDITURE }

    private final ObjectMapper objectMapper;

    public BudgetProjection(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

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

    /** The batch as one upsert of the projects it registers and one insert of its movements. */
    @Override
    public void applyAll(List<EventEnvelope> events, JdbcTemplate jdbc) {
        Rows rows = new Rows();
        for (EventEnvelope envelope : events) {
            decode(envelope).ifPresent(event -> HANDLERS.getOrDefault(event.getClass(), BudgetProjection::otherMoney)
                    .add(envelope, event, rows));
        }
        if (!rows.projects.isEmpty()) {
            ArrayBatch.update(jdbc, "INSERT INTO budget_project (district_code, project_id, unit_id, name, category, "
                    + "fiscal_year, project_count) SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], "
                    + "?::varchar[], ?::varchar[], ?::int4[], ?::int4[]) "
                    + "ON CONFLICT (district_code, project_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, "
                    + "name = EXCLUDED.name, category = EXCLUDED.category, fiscal_year = EXCLUDED.fiscal_year, "
                    + "project_count = EXCLUDED.project_count", PROJECT_TYPES, columns(rows.projects.values(), 7));
        }
        if (!rows.movements.isEmpty()) {
            ArrayBatch.update(jdbc, "INSERT INTO budget_movement (event_id, district_code, scope, project_id, unit_id, "
                    + "fiscal_year, kind, amount_fen, movement_date, detail, occurred_at, appropriated_fen, "
                    + "carried_over_fen, adjusted_fen, spent_fen) "
                    + "SELECT e, d, s, p, u, y, k, a, m::date, x, o::timestamptz, f1, f2, f3, f4 FROM unnest(?::varchar[], "
                    + "?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int4[], ?::varchar[], ?::int8[], "
                    + "?::text[], ?::varchar[], ?::text[], ?::int8[], ?::int8[], ?::int8[], ?::int8[]) "
                    + "AS r(e, d, s, p, u, y, k, a, m, x, o, f1, f2, f3, f4) "
                    + "ON CONFLICT (event_id) DO NOTHING", MOVEMENT_TYPES, columns(rows.movements, 15));
        }
    }

    /** The payload as its published record; empty for a type not published on budget.events. Unreadable: throws. */
    private Optional<Object> decode(EventEnvelope envelope) {
        Optional<Class<? extends Record>> type = EventTypes.byName(envelope.type())
                .filter(EventTypes.BUDGET::contains);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(objectMapper.treeToValue(envelope.payload(), type.get()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(envelope.type() + " " + envelope.eventId() + " is unreadable: "
                    + e.getMessage(), e);
        }
    }

    /** What one event adds to the batch. */
    private interface Handler {
        void add(EventEnvelope envelope, Object event, Rows rows);
    }

    /** The rows of one batch: projects by key (a later registration wins, as it would one by one), movements. */
    private static final class Rows {
        private final Map<String, Object[]> projects = new LinkedHashMap<>();
        private final List<Object[]> movements = new ArrayList<>();
    }

    private static Map<Class<?>, Handler> handlers() {
        Map<Class<?>, Handler> m = new HashMap<>();
        m.put(ProjectRegistered.class, (envelope, event, rows) -> {
            ProjectRegistered e = (ProjectRegistered) event;
            String key = e.districtCode() + "/" + e.projectId();
            rows.projects.remove(key);
            rows.projects.put(key, new Object[] {e.districtCode(), e.projectId(), e.unitId(), e.name(),
                    e.category() == null ? null : e.category().label(), e.fiscalYear(), e.projectCount()});
        });
        m.put(BudgetAppropriated.class, (envelope, event, rows) -> {
            BudgetAppropriated e = (BudgetAppropriated) event;
            rows.movements.add(project(envelope, e, e.districtCode(), e.projectId(), e.date(), null));
        });
        m.put(FundsCarriedOver.class, (envelope, event, rows) -> {
            FundsCarriedOver e = (FundsCarriedOver) event;
            rows.movements.add(project(envelope, e, e.districtCode(), e.projectId(), e.date(), null));
        });
        m.put(BudgetAdjusted.class, (envelope, event, rows) -> {
            BudgetAdjusted e = (BudgetAdjusted) event;
            rows.movements.add(project(envelope, e, e.districtCode(), e.projectId(), e.date(),
                    e.basis() == null ? null : e.basis().wire()));
        });
        m.put(ExpenditureRecorded.class, (envelope, event, rows) -> {
            ExpenditureRecorded e = (ExpenditureRecorded) event;
            rows.movements.add(project(envelope, e, e.districtCode(), e.projectId(), e.date(), null));
        });
        m.put(BasicBudgetAppropriated.class, (envelope, event, rows) -> {
            BasicBudgetAppropriated e = (BasicBudgetAppropriated) event;
            rows.movements.add(basic(envelope, e.districtCode(), e.unitId(), e.fiscalYear(),
                    new FundingFigures(e.amountFen(), 0, 0, 0), e.date(), null));
        });
        m.put(BasicBudgetAdjusted.class, (envelope, event, rows) -> {
            BasicBudgetAdjusted e = (BasicBudgetAdjusted) event;
            rows.movements.add(basic(envelope, e.districtCode(), e.unitId(), e.fiscalYear(),
                    new FundingFigures(0, 0, e.amountFen(), 0), e.date(), e.basis() == null ? null : e.basis().wire()));
        });
        m.put(BasicExpenditureRecorded.class, (envelope, event, rows) -> {
            BasicExpenditureRecorded e = (BasicExpenditureRecorded) event;
            rows.movements.add(basic(envelope, e.districtCode(), e.unitId(), e.fiscalYear(),
                    new FundingFigures(0, 0, 0, e.amountFen()), e.date(),
                    e.expenditureClass() == null ? null : e.expenditureClass().wire()));
        });
        return Map.copyOf(m);
    }

    /**
     * A budget event the table does not name: if {@link FundingFigures#after} says it moves a project's money, a
     * movement of the project it was recorded on (its aggregate, {@code project:<district>:<projectId>}), undated;
     * otherwise nothing this service needs.
     */
    private static void otherMoney(EventEnvelope envelope, Object event, Rows rows) {
        if (FundingFigures.NONE.after(event).equals(FundingFigures.NONE)) {
            return;
        }
        String[] key = envelope.aggregateId() == null ? new String[0] : envelope.aggregateId().split(":");
        if (key.length != 3 || !"project".equals(key[0])) {
            throw new IllegalArgumentException(envelope.type() + " " + envelope.eventId() + " moves money but was not "
                    + "recorded on a project (" + envelope.aggregateId() + ")");
        }
        rows.movements.add(project(envelope, event, key[1], key[2], null, null));
    }

    private static Object[] project(EventEnvelope envelope, Object event, String districtCode, String projectId,
                                    LocalDate date, String detail) {
        return movement(envelope, districtCode, "PROJECT", projectId, null, null, FundingFigures.NONE.after(event), date,
                detail);
    }

    private static Object[] basic(EventEnvelope envelope, String districtCode, String unitId, int fiscalYear,
                                  FundingFigures moved, LocalDate date, String detail) {
        return movement(envelope, districtCode, "BASIC", null, unitId, fiscalYear, moved, date, detail);
    }

    /** A row of budget_movement: its kind and amount name the first figure it moves. */
    private static Object[] movement(EventEnvelope envelope, String districtCode, String scope, String projectId,
                                     String unitId, Integer fiscalYear, FundingFigures moved, LocalDate date,
                                     String detail) {
        long[] figures = {moved.appropriated(), moved.carriedOver(), moved.adjusted(), moved.spent()};
        int first = 0;
        while (first < 3 && figures[first] == 0) {
            first++;
        }
        return new Object[] {envelope.eventId(), districtCode, scope, projectId, unitId, fiscalYear,
                Kind.values()[first].name(), figures[first], date == null ? null : date.toString(), detail,
                envelope.occurredAt() == null ? null : envelope.occurredAt().toString(), figures[0], figures[1],
                figures[2], figures[3]};
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
}
