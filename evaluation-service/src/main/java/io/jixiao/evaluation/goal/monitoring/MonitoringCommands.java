package io.jixiao.evaluation.goal.monitoring;

import io.jixiao.evaluation.settings.EvaluationRules.MonitoringRules;
import io.jixiao.events.evaluation.IndicatorProgress;
import io.jixiao.events.evaluation.MonitoringDecisionKind;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import io.jixiao.events.evaluation.MonitoringMode;
import io.jixiao.support.domain.RequestText;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands of a goal's monitoring ({@link GoalMonitoring}, a member of the PerformanceGoal aggregate).
 * The canonical form of a command the service adds to (budget figures, rules) — the text the fingerprint an
 * {@code Idempotency-Key} is checked against is taken over — is its {@code toString}, which leaves those out: a
 * retry after more budget events arrived (after a withdrawal took effect, say) is still the same request.
 */
public final class MonitoringCommands {
    private MonitoringCommands() {
    }

    /** Figures from the budget projection: full-year budget and spending up to the end of the period. */
    public record RecordObservation(@TargetAggregateIdentifier String goalKey, String observationId,
                                    LocalDate periodFrom, LocalDate periodTo, MonitoringMode mode,
                                    LocalDate recordedOn, List<IndicatorProgress> indicators, long budgetFen,
                                    long spentFen, MonitoringRules rules, String ruleVersion) implements RequestText {
        public RecordObservation {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }

        @Override
        public String toString() {
            return "RecordObservation[" + goalKey + ", " + observationId + ", " + periodFrom + ", " + periodTo + ", "
                    + mode + ", " + recordedOn + ", " + indicators + "]";
        }
    }

    public record RecordCorrectiveAction(@TargetAggregateIdentifier String goalKey, String observationId, String cause,
                                         String action, String likelihood, LocalDate recordedOn) {
    }

    /**
     * 监控结果处理 of a flagged deviation. {@code amountFen} is as the request gave it (positive for WITHDRAW: the amount
     * taken back); {@code unspentFen} (full-year budget − spent, from the budget projection; null while the budget
     * is not known) is added by the service and left out of {@code toString}.
     */
    public record RecordMonitoringDecision(@TargetAggregateIdentifier String goalKey, String observationId,
                                           String deviationId, String decisionId, MonitoringDecisionKind kind,
                                           Long amountFen, String reason, String docNo, LocalDate decidedOn,
                                           Long unspentFen) implements RequestText {
        @Override
        public String toString() {
            return "RecordMonitoringDecision[" + goalKey + ", " + observationId + ", " + deviationId + ", " + decisionId
                    + ", " + kind + ", " + amountFen + ", " + reason + ", " + docNo + ", " + decidedOn + "]";
        }
    }

    /** What recording a decision did: the decision as recorded (now or before). */
    public record DecisionResult(MonitoringDecisionRecorded decision, boolean recorded) {
    }

    /** What recording an observation did. */
    public record ObservationResult(String observationId, String deviationId, boolean recorded) {
    }

    /** What recording a corrective action did. */
    public record CorrectionResult(String observationId, String deviationId, boolean recorded) {
    }
}
