package io.jixiao.budget.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.evaluation.EvaluationResultApplied;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import io.jixiao.events.evaluation.PerformanceGoalApproved;
import io.jixiao.events.evaluation.PerformanceGoalReturned;
import io.jixiao.events.evaluation.PerformanceGoalRevised;
import io.jixiao.events.evaluation.PersonalDataErased;
import io.jixiao.support.personal.JdbcPersonalKeyStore;
import io.jixiao.support.projection.Projection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What budget-service learns from {@code evaluation.events} (run by service-support's ProjectionRunner: rows,
 * offsets and the applied event id in one transaction, so a redelivered event is skipped):
 * <ul>
 *   <li>approved goals per district and project ({@code approved_goal}): PerformanceGoalApproved adds one;
 *       PerformanceGoalReturned or PerformanceGoalRevised withdraws it until it is approved again;</li>
 *   <li>EvaluationResultApplied with a budget change: handed to {@link ResultApplication}, which records the
 *       matching BudgetAdjusted on next year's project exactly once (or parks it until that project exists);</li>
 *   <li>MonitoringDecisionRecorded: handed to {@link MonitoringDecisionApplication}, which records the project's
 *       BudgetAdjusted (basis MONITORING_DECISION), PaymentsSuspended or PaymentsResumed exactly once;</li>
 *   <li>PersonalDataErased (加密删除): deletes this service's data key of the person ({@code personal_data_key}, which
 *       seals actors' names in event metadata) and remembers the erasure ({@code personal_data_erasure}), so the
 *       person's names in this service's events read 已删除 and no new one is sealed; a redelivery changes nothing.</li>
 * </ul>
 */
@Component
public class EvaluationInbox implements Projection {
    public static final String NAME = "budget-evaluation-inbox";
    private final ObjectMapper objectMapper;
    private final ResultApplication results;
    private final MonitoringDecisionApplication decisions;

    public EvaluationInbox(ObjectMapper objectMapper, ResultApplication results,
                           MonitoringDecisionApplication decisions) {
        this.objectMapper = objectMapper;
        this.results = results;
        this.decisions = decisions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.EVALUATION_EVENTS);
    }

    @Override
    public List<String> tables() {
        return List.of("approved_goal", "result_application", "monitoring_decision_application");
    }

    @Override
    public void apply(EventEnvelope event, JdbcTemplate jdbc) {
        try {
            switch (event.type()) {
                case "PerformanceGoalApproved" -> approved(event, read(event, PerformanceGoalApproved.class), jdbc);
                case "PerformanceGoalReturned" -> {
                    PerformanceGoalReturned e = read(event, PerformanceGoalReturned.class);
                    withdraw(jdbc, e.districtCode(), e.goalId());
                }
                case "PerformanceGoalRevised" -> {
                    PerformanceGoalRevised e = read(event, PerformanceGoalRevised.class);
                    withdraw(jdbc, e.districtCode(), e.goalId());
                }
                case "EvaluationResultApplied" -> results.receive(event, read(event, EvaluationResultApplied.class));
                case "MonitoringDecisionRecorded" ->
                        decisions.receive(event, read(event, MonitoringDecisionRecorded.class));
                case "PersonalDataErased" -> erased(event, read(event, PersonalDataErased.class), jdbc);
                default -> {
                    // not needed here
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + event.type() + " " + event.eventId() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private void approved(EventEnvelope event, PerformanceGoalApproved e, JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO approved_goal (district_code, goal_id, scope, project_id, unit_id, fiscal_year, "
                        + "amount_fen, approved_on, event_id, learned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                        + "ON CONFLICT (district_code, goal_id) DO UPDATE SET scope = EXCLUDED.scope, "
                        + "project_id = EXCLUDED.project_id, unit_id = EXCLUDED.unit_id, fiscal_year = "
                        + "EXCLUDED.fiscal_year, amount_fen = EXCLUDED.amount_fen, approved_on = EXCLUDED.approved_on, "
                        + "event_id = EXCLUDED.event_id, learned_at = now()",
                e.districtCode(), e.goalId(), e.scope() == null ? null : e.scope().name(), e.projectId(), e.unitId(),
                e.fiscalYear(), e.amountFen(), e.approvedOn(), event.eventId());
    }

    private static void erased(EventEnvelope event, PersonalDataErased e, JdbcTemplate jdbc) {
        new JdbcPersonalKeyStore(jdbc).delete(e.districtCode(), e.personId());
        jdbc.update("INSERT INTO personal_data_erasure (district_code, person_id, event_id, learned_at) "
                + "VALUES (?, ?, ?, now()) ON CONFLICT (district_code, person_id) DO NOTHING", e.districtCode(),
                e.personId(), event.eventId());
    }

    private static void withdraw(JdbcTemplate jdbc, String districtCode, String goalId) {
        jdbc.update("DELETE FROM approved_goal WHERE district_code = ? AND goal_id = ?", districtCode, goalId);
    }

    private <T> T read(EventEnvelope event, Class<T> type) throws JsonProcessingException {
        return objectMapper.treeToValue(event.payload(), type);
    }
}
