package io.jixiao.evaluation.goal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.Views;
import io.jixiao.evaluation.goal.PerformanceGoal.Status;
import io.jixiao.events.ContactDetails;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.PerformanceGoalApproved;
import io.jixiao.events.evaluation.PerformanceGoalDeclared;
import io.jixiao.events.evaluation.PerformanceGoalReturned;
import io.jixiao.events.evaluation.PerformanceGoalRevised;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every goal's current state (table {@code goal_view}), kept by a subscribing processor inside the command's
 * transaction. {@code version} is the aggregate's last sequence number (monitoring events move it too, see
 * {@code MonitoringView}), the ETag a client sends back in {@code If-Match}.
 */
@Component
@ProcessingGroup(Views.PROCESSING_GROUP)
public class GoalView {
    private static final TypeReference<List<Indicator>> INDICATORS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public GoalView(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** A goal as recorded. */
    public record GoalRecord(String districtCode, String goalId, GoalScope scope, String projectId, String unitId,
                             int fiscalYear, long amountFen, List<Indicator> indicators,
                             BigDecimal budgetExecutionWeight, Long declaredProjectSpendingFen, Status status,
                             LocalDate approvedOn, List<String> returnReasons, int revisions,
                             String lastRevisionReason, String ruleVersion, long version, Instant declaredAt,
                             Instant updatedAt, ContactDetails contacts) {
        public BigDecimal weightSum() {
            BigDecimal sum = budgetExecutionWeight == null ? BigDecimal.ZERO : budgetExecutionWeight;
            for (Indicator i : indicators) {
                sum = sum.add(i.weight());
            }
            return sum;
        }
    }

    @EventHandler
    void on(PerformanceGoalDeclared e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("INSERT INTO goal_view (goal_key, district_code, goal_id, scope, project_id, unit_id, fiscal_year, "
                        + "amount_fen, indicators, budget_execution_weight, declared_project_spending_fen, status, "
                        + "rule_version, version, declared_at, updated_at, contacts) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))",
                Keys.goal(e.districtCode(), e.goalId()), e.districtCode(), e.goalId(), e.scope().name(), e.projectId(),
                e.unitId(), e.fiscalYear(), e.amountFen(), Views.json(objectMapper, e.indicators()),
                e.budgetExecutionWeight(), e.declaredProjectSpendingFen(), Status.PENDING.name(), e.ruleVersion(),
                sequence, Timestamp.from(at), Timestamp.from(at), contacts(e.contacts()));
    }

    @EventHandler
    void on(PerformanceGoalRevised e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE goal_view SET amount_fen = ?, indicators = CAST(? AS jsonb), budget_execution_weight = ?, "
                        + "declared_project_spending_fen = ?, status = ?, return_reasons = NULL, revisions = revisions + 1, "
                        + "last_revision_reason = ?, version = ?, updated_at = ?, contacts = CAST(? AS jsonb) "
                        + "WHERE goal_key = ?",
                e.amountFen(), Views.json(objectMapper, e.indicators()), e.budgetExecutionWeight(),
                e.declaredProjectSpendingFen(), Status.PENDING.name(), e.reason(), sequence, Timestamp.from(at),
                contacts(e.contacts()), Keys.goal(e.districtCode(), e.goalId()));
    }

    @EventHandler
    void on(PerformanceGoalApproved e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE goal_view SET status = ?, approved_on = ?, version = ?, updated_at = ? WHERE goal_key = ?",
                Status.APPROVED.name(), java.sql.Date.valueOf(e.approvedOn()), sequence, Timestamp.from(at),
                Keys.goal(e.districtCode(), e.goalId()));
    }

    @EventHandler
    void on(PerformanceGoalReturned e, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("UPDATE goal_view SET status = ?, return_reasons = CAST(? AS jsonb), version = ?, updated_at = ? "
                        + "WHERE goal_key = ?", Status.RETURNED.name(), Views.json(objectMapper, e.reasons()), sequence,
                Timestamp.from(at), Keys.goal(e.districtCode(), e.goalId()));
    }

    /** The sealed contacts as JSON (their text is never stored here), null when the form named none. */
    private String contacts(ContactDetails contacts) {
        return contacts == null ? null : Views.json(objectMapper, contacts);
    }

    /** Moves the version (a monitoring event of the goal's aggregate). */
    public void touched(String goalKey, long sequence, Instant at) {
        jdbc.update("UPDATE goal_view SET version = ?, updated_at = ? WHERE goal_key = ?", sequence, Timestamp.from(at),
                goalKey);
    }

    public Optional<GoalRecord> find(String districtCode, String goalId) {
        return jdbc.query("SELECT * FROM goal_view WHERE goal_key = ?", (rs, i) -> new GoalRecord(
                rs.getString("district_code"), rs.getString("goal_id"), GoalScope.valueOf(rs.getString("scope")),
                rs.getString("project_id"), rs.getString("unit_id"), rs.getInt("fiscal_year"), rs.getLong("amount_fen"),
                Views.read(objectMapper, rs.getString("indicators"), INDICATORS),
                rs.getBigDecimal("budget_execution_weight") == null ? null
                        : rs.getBigDecimal("budget_execution_weight").stripTrailingZeros(),
                (Long) rs.getObject("declared_project_spending_fen"), Status.valueOf(rs.getString("status")),
                rs.getDate("approved_on") == null ? null : rs.getDate("approved_on").toLocalDate(),
                rs.getString("return_reasons") == null ? List.of()
                        : Views.read(objectMapper, rs.getString("return_reasons"), STRINGS),
                rs.getInt("revisions"), rs.getString("last_revision_reason"), rs.getString("rule_version"),
                rs.getLong("version"), rs.getTimestamp("declared_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("contacts") == null ? null
                        : Views.read(objectMapper, rs.getString("contacts"), ContactDetails.class)), Keys.goal(districtCode, goalId)).stream().findFirst();
    }
}
