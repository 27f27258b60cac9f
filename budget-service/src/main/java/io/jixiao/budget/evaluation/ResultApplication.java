package io.jixiao.budget.evaluation;

import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.common.Rules;
import io.jixiao.budget.project.ProjectCommands;
import io.jixiao.budget.project.ProjectCommands.AdjustBudget;
import io.jixiao.budget.project.ProjectFundingView;
import io.jixiao.budget.project.ProjectFundingView.ProjectFunding;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Money;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.evaluation.EvaluationResultApplied;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 结果应用: turns an {@code EvaluationResultApplied} with a budget change into a {@code BudgetAdjusted}
 * (basis EVALUATION_RESULT, causeEventId and causationId = the evaluation event's id) on the project of the
 * event's {@code targetFiscalYear}, exactly once.
 *
 * <p>Which project: the event names the evaluated project P and the year Y whose budget it moves.
 * <ol>
 *   <li>P itself, if P's fiscal year is Y (the evaluation named next year's project directly);</li>
 *   <li>else the one project of fiscal year Y registered with {@code previousProjectId = P} (the usual case:
 *       next year's project is registered as continuing this year's);</li>
 *   <li>none (or more than one) → the result is kept as PENDING in {@code result_application}, not lost, and is
 *       tried again whenever a project of that district is registered, linked or funded
 *       ({@link PendingResultRetry}), or on {@code POST .../result-applications/retry}. A cut the project's budget
 *       cannot take yet (BUDGET_BELOW_SPENT, e.g. before its 年初预算) stays PENDING the same way.</li>
 * </ol>
 *
 * <p>Exactly once: the Project aggregate remembers the cause event ids of its adjustments (from its events) and
 * answers a second AdjustBudget with the same cause as a replay, recording nothing. The command runs in its own
 * transaction ({@link CausedCommands}), not in the projection's.
 */
@Component
public class ResultApplication {
    private static final Logger log = LoggerFactory.getLogger(ResultApplication.class);
    public static final String ACTOR = "system:result-application";
    private static final String SYSTEM_NAME = "result-application";

    private final JdbcTemplate jdbc;
    private final CausedCommands caused;
    private final ProjectFundingView projects;

    public ResultApplication(JdbcTemplate jdbc, CausedCommands caused, ProjectFundingView projects) {
        this.jdbc = jdbc;
        this.caused = caused;
        this.projects = projects;
    }

    /** One received result and what became of it. */
    public record Row(String eventId, String districtCode, String evaluationId, String projectId, int targetFiscalYear,
                      String grade, String measure, String changeRatio, long amountFen, String correlationId,
                      Instant occurredAt, String status, String targetProjectId, Long adjustmentSequence,
                      String detail, Instant receivedAt, Instant updatedAt) {
    }

    /** Called by {@link EvaluationInbox} inside the projection's transaction. */
    void receive(EventEnvelope envelope, EvaluationResultApplied e) {
        String status = e.budgetChangeFen() == 0 ? "NO_CHANGE" : e.projectId() == null ? "NO_PROJECT" : "PENDING";
        String correlation = envelope.metadata() == null || envelope.metadata().correlationId() == null
                ? envelope.eventId() : envelope.metadata().correlationId();
        int inserted = jdbc.update("INSERT INTO result_application (event_id, district_code, evaluation_id, project_id, "
                        + "target_fiscal_year, grade, measure, change_ratio, amount_fen, correlation_id, occurred_at, "
                        + "status, detail, received_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), "
                        + "now()) ON CONFLICT (event_id) DO NOTHING", envelope.eventId(), e.districtCode(),
                e.evaluationId(), e.projectId(), e.targetFiscalYear(), e.grade() == null ? null : e.grade().label(),
                e.measure() == null ? null : e.measure().label(),
                e.changeRatio() == null ? null : e.changeRatio().toPlainString(), e.budgetChangeFen(), correlation,
                java.sql.Timestamp.from(envelope.occurredAt() == null ? Instant.now() : envelope.occurredAt()),
                status, status.equals("PENDING") ? null : status.equals("NO_CHANGE")
                        ? "the measure asks for no budget change" : "the result names no project");
        if (inserted == 1 && status.equals("PENDING")) {
            tryApply(find(envelope.eventId()).orElseThrow());
        }
    }

    /** Tries every PENDING result of the district again; returns how many were applied now. */
    public int retryPending(String districtCode) {
        int applied = 0;
        for (Row row : pending(districtCode)) {
            if (tryApply(row)) {
                applied++;
            }
        }
        return applied;
    }

    boolean anyPending(String districtCode) {
        return !jdbc.queryForList("SELECT 1 FROM result_application WHERE district_code = ? AND status = 'PENDING' "
                + "LIMIT 1", Integer.class, districtCode).isEmpty();
    }

    /** Resolves next year's project and sends the adjustment; true if it is (now or already) applied. */
    boolean tryApply(Row row) {
        Resolution target = resolve(row.districtCode(), row.projectId(), row.targetFiscalYear());
        if (target.projectId() == null) {
            stillPending(row, target.why());
            return false;
        }
        AdjustBudget command = new AdjustBudget(ProjectCommands.projectKey(row.districtCode(), target.projectId()),
                row.amountFen(), AdjustmentBasis.EVALUATION_RESULT, reason(row), null,
                LocalDate.ofInstant(row.occurredAt(), Rules.BUREAU_ZONE),
                row.eventId(), null);
        CausedCommands.Outcome outcome = caused.send(command, row.districtCode(), row.eventId(), SYSTEM_NAME,
                row.correlationId(), target.projectId());
        if (outcome.refusal() != null) {
            stillPending(row, outcome.refusal());
            return false;
        }
        Recorded result = outcome.recorded();
        jdbc.update("UPDATE result_application SET status = 'APPLIED', target_project_id = ?, adjustment_sequence = ?, "
                        + "detail = ?, updated_at = now() WHERE event_id = ?", target.projectId(), result.sequence(),
                result.replayed() ? "was already applied (adjustment " + result.sequence() + ")"
                        : "adjusted by " + Money.yuan(row.amountFen()) + " yuan", row.eventId());
        log.info("evaluation result {} applied to {}/{}: {} fen (replay: {})", row.eventId(), row.districtCode(),
                target.projectId(), row.amountFen(), result.replayed());
        return true;
    }

    private void stillPending(Row row, String why) {
        jdbc.update("UPDATE result_application SET detail = ?, updated_at = now() WHERE event_id = ? "
                + "AND status = 'PENDING'", why, row.eventId());
    }

    private record Resolution(String projectId, String why) {
    }

    private Resolution resolve(String districtCode, String projectId, int targetYear) {
        Optional<ProjectFunding> named = projects.find(districtCode, projectId);
        if (named.isPresent() && named.get().fiscalYear() == targetYear) {
            return new Resolution(projectId, null);
        }
        List<String> successors = projects.successorsOf(districtCode, projectId, targetYear);
        if (successors.size() == 1) {
            return new Resolution(successors.get(0), null);
        }
        if (successors.size() > 1) {
            return new Resolution(null, "several projects of " + targetYear + " continue '" + projectId + "': "
                    + successors + "; the result waits until one remains");
        }
        return new Resolution(null, "no project of fiscal year " + targetYear + " continues '" + projectId
                + "': register next year's project with previousProjectId=" + projectId);
    }

    private static String reason(Row row) {
        StringBuilder text = new StringBuilder("评价结果应用：");
        text.append(row.grade() == null ? "" : "评价等级" + row.grade() + "，")
                .append(row.measure() == null ? "" : row.measure())
                .append(row.changeRatio() == null ? "" : "（比例 " + row.changeRatio() + "）")
                .append("，依据评价 ").append(row.evaluationId()).append("（项目 ").append(row.projectId()).append("）");
        return text.toString();
    }

    public List<Row> all(String districtCode) {
        return jdbc.query("SELECT * FROM result_application WHERE district_code = ? ORDER BY received_at, event_id",
                (rs, i) -> row(rs), districtCode);
    }

    private List<Row> pending(String districtCode) {
        return jdbc.query("SELECT * FROM result_application WHERE district_code = ? AND status = 'PENDING' "
                + "ORDER BY received_at, event_id", (rs, i) -> row(rs), districtCode);
    }

    private Optional<Row> find(String eventId) {
        return jdbc.query("SELECT * FROM result_application WHERE event_id = ?", (rs, i) -> row(rs), eventId)
                .stream().findFirst();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getString("event_id"), rs.getString("district_code"), rs.getString("evaluation_id"),
                rs.getString("project_id"), rs.getInt("target_fiscal_year"), rs.getString("grade"),
                rs.getString("measure"), rs.getString("change_ratio"), rs.getLong("amount_fen"),
                rs.getString("correlation_id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("status"), rs.getString("target_project_id"),
                (Long) rs.getObject("adjustment_sequence"), rs.getString("detail"),
                rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
