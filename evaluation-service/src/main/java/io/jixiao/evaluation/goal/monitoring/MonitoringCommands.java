package io.jixiao.evaluation.goal.monitoring;

import io.jixiao.evaluation.settings.EvaluationRules.MonitoringRules;
import io.jixiao.events.evaluation.IndicatorProgress;
import io.jixiao.events.evaluation.MonitoringMode;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands of a goal's monitoring ({@link GoalMonitoring}, a member of the PerformanceGoal aggregate).
 * {@code toString} — the fingerprint an {@code Idempotency-Key} is checked against — leaves out what the
 * service adds (budget figures, rules), so a retry after more budget events arrived is still a retry.
 */
public final class MonitoringCommands {
    private MonitoringCommands() {
    }

    /** Figures from the budget projection: full-year budget and spending up to the end of the period. */
    public record RecordObservation(@TargetAggregateIdentifier String goalKey, String observationId,
                                    LocalDate periodFrom, LocalDate periodTo, MonitoringMode mode,
                                    LocalDate recordedOn, List<IndicatorProgress> indicators, long budgetFen,
                                    long spentFen, MonitoringRules rules, String ruleVersion) {
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

    /** What recording an observation did. */
    public record ObservationResult(String observationId, String deviationId, boolean recorded) {
    }

    /** What recording a corrective action did. */
    public record CorrectionResult(String observationId, String deviationId, boolean recorded) {
    }
}
