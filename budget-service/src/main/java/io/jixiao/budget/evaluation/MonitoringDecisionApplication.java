package io.jixiao.budget.evaluation;

import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.project.ProjectCommands;
import io.jixiao.budget.project.ProjectCommands.AdjustBudget;
import io.jixiao.budget.project.ProjectCommands.SetPaymentsSuspended;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Money;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.evaluation.MonitoringDecisionKind;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 监控结果处理: turns a {@code MonitoringDecisionRecorded} into the project's money, exactly once —
 * ADJUST and WITHDRAW into a {@code BudgetAdjusted} (basis MONITORING_DECISION, causeEventId and causationId = the
 * decision event's id), SUSPEND_PAYMENTS into {@code PaymentsSuspended} (expenditure refused, PAYMENTS_SUSPENDED,
 * until) RESUME_PAYMENTS into {@code PaymentsResumed}. The project is the one the decision names (same fiscal year).
 *
 * <p>Exactly once: a redelivered event finds its row ({@code monitoring_decision_application}, keyed by event id);
 * the Project aggregate also remembers its causes, so a command sent again records nothing. A decision the project
 * refuses for now (a withdrawal that would leave the budget below what was spent since the bureau decided, a project
 * not registered yet) stays PENDING with the rule in {@code detail}, and is tried again when a project of the
 * district is funded or on {@code POST …/result-applications/retry}.
 */
@Component
public record MonitoringDecisionApplication(JdbcTemplate jdbc, CausedCommands caused) {
    private static final Logger log = LoggerFactory.getLogger(MonitoringDecisionApplication.class);
    public static final String ACTOR = "system:monitoring-decision";
    private static final String SYSTEM_NAME = "monitoring-decision";

    /** One received decision and what became of it. */
    public record Row(String eventId, String districtCode, String decisionId, String goalId, String observationId,
                      String deviationId, String projectId, MonitoringDecisionKind kind, long budgetChangeFen,
                      String reason, String docNo, LocalDate decidedOn, String decidedBy, String correlationId,
                      String status, Long appliedSequence, String detail) {
    }

    /** Called by {@link EvaluationInbox} inside the projection's transaction. */
    void receive(EventEnvelope envelope, MonitoringDecisionRecorded e) {
        String correlation = envelope.metadata() == null || envelope.metadata().correlationId() == null
                ? envelope.eventId() : envelope.metadata().correlationId();
        String actor = envelope.metadata() == null ? null : envelope.metadata().actor();
        int inserted = jdbc.update("INSERT INTO monitoring_decision_application (event_id, district_code, decision_id, "
                        + "goal_id, observation_id, deviation_id, project_id, kind, budget_change_fen, reason, doc_no, "
                        + "decided_on, decided_by, correlation_id, status, received_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', now(), now()) ON CONFLICT (event_id) DO NOTHING",
                envelope.eventId(), e.districtCode(), e.decisionId(), e.goalId(), e.observationId(), e.deviationId(),
                e.projectId(), e.kind().name(), e.budgetChangeFen(), e.reason(), e.docNo(),
                e.decidedOn() == null ? null : Date.valueOf(e.decidedOn()), actor, correlation);
        if (inserted == 1) {
            tryApply(rows("event_id = ?", envelope.eventId()).get(0));
        }
    }

    /** Tries every PENDING decision of the district again; returns how many were applied now. */
    public int retryPending(String districtCode) {
        return (int) rows("district_code = ? AND status = 'PENDING'", districtCode).stream().filter(this::tryApply)
                .count();
    }

    boolean anyPending(String districtCode) {
        return !jdbc.queryForList("SELECT 1 FROM monitoring_decision_application WHERE district_code = ? "
                + "AND status = 'PENDING' LIMIT 1", Integer.class, districtCode).isEmpty();
    }

    public List<Row> all(String districtCode) {
        return rows("district_code = ?", districtCode);
    }

    private boolean tryApply(Row row) {
        String key = ProjectCommands.projectKey(row.districtCode(), row.projectId());
        Object command = row.kind().movesMoney()
                ? new AdjustBudget(key, row.budgetChangeFen(), AdjustmentBasis.MONITORING_DECISION, reason(row),
                row.docNo(), row.decidedOn(), row.eventId(), null)
                : new SetPaymentsSuspended(key, row.kind() == MonitoringDecisionKind.SUSPEND_PAYMENTS, row.decisionId(),
                reason(row), row.decidedOn(), row.eventId());
        CausedCommands.Outcome outcome = caused.send(command, row.districtCode(), row.eventId(), SYSTEM_NAME,
                row.correlationId(), row.projectId());
        if (outcome.refusal() != null) {
            jdbc.update("UPDATE monitoring_decision_application SET detail = ?, updated_at = now() WHERE event_id = ? "
                    + "AND status = 'PENDING'", outcome.refusal(), row.eventId());
            return false;
        }
        Recorded result = outcome.recorded();
        jdbc.update("UPDATE monitoring_decision_application SET status = 'APPLIED', applied_sequence = ?, detail = ?, "
                        + "updated_at = now() WHERE event_id = ?", result.sequence(),
                (result.replayed() ? "was already applied: " : "") + row.kind().label()
                        + (row.kind().movesMoney() ? " " + Money.yuan(row.budgetChangeFen()) + " yuan" : ""),
                row.eventId());
        log.info("monitoring decision {} ({}) applied to {}/{} at {} (replay: {})", row.decisionId(), row.kind(),
                row.districtCode(), row.projectId(), result.sequence(), result.replayed());
        return true;
    }

    /**
     * The history's line: which observation and deviation led to the decision, who decided, the bureau's reason. E.g.
     * 监控结果处理：收回；监控 g-p.2023-08-31.SELF 偏离 g-p.2023-08-31.SELF.dev，决定 d-1（finance@430212）：执行进度滞后
     */
    static String reason(Row row) {
        return "监控结果处理：" + row.kind().label() + "；监控 " + row.observationId() + " 偏离 " + row.deviationId()
                + "，决定 " + row.decisionId() + (row.decidedBy() == null ? "" : "（" + row.decidedBy() + "）")
                + (row.reason() == null ? "" : "：" + row.reason());
    }

    private List<Row> rows(String where, Object... args) {
        return jdbc.query("SELECT * FROM monitoring_decision_application WHERE " + where
                + " ORDER BY received_at, event_id", (rs, i) -> new Row(rs.getString("event_id"),
                rs.getString("district_code"), rs.getString("decision_id"), rs.getString("goal_id"),
                rs.getString("observation_id"), rs.getString("deviation_id"), rs.getString("project_id"),
                MonitoringDecisionKind.valueOf(rs.getString("kind")), rs.getLong("budget_change_fen"),
                rs.getString("reason"), rs.getString("doc_no"),
                rs.getDate("decided_on") == null ? null : rs.getDate("decided_on").toLocalDate(),
                rs.getString("decided_by"), rs.getString("correlation_id"), rs.getString("status"),
                (Long) rs.getObject("applied_sequence"), rs.getString("detail")), args);
    }
}
