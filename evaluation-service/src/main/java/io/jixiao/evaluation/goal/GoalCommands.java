package io.jixiao.evaluation.goal;

import io.jixiao.evaluation.goal.IndicatorTreeRules.Row;
import io.jixiao.evaluation.settings.EvaluationRules.WeightRules;
import io.jixiao.events.ContactDetails;
import io.jixiao.events.evaluation.GoalScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Commands of the {@link PerformanceGoal} aggregate; {@code expectedVersion} comes from {@code If-Match}. */
public final class GoalCommands {
    private GoalCommands() {
    }

    /**
     * Declares the goal, or revises it when its content differs (before approval). {@code declaredComplete}: the
     * client says the tree is complete, so its weights must reach the district's total. {@code contacts}: the form's
     * contacts, already sealed (a command never carries their text).
     */
    public record DeclareGoal(@TargetAggregateIdentifier String goalKey, String districtCode, String goalId,
                              GoalScope scope, String projectId, String unitId, int fiscalYear, long amountFen,
                              List<Row> indicators, BigDecimal budgetExecutionWeight, Long declaredProjectSpendingFen,
                              boolean declaredComplete, String revisionReason, Long expectedVersion,
                              WeightRules weightRules, String ruleVersion, ContactDetails contacts) {

        public DeclareGoal(String goalKey, String districtCode, String goalId, GoalScope scope, String projectId,
                           String unitId, int fiscalYear, long amountFen, List<Row> indicators,
                           BigDecimal budgetExecutionWeight, Long declaredProjectSpendingFen, boolean declaredComplete,
                           String revisionReason, Long expectedVersion, WeightRules weightRules, String ruleVersion) {
            this(goalKey, districtCode, goalId, scope, projectId, unitId, fiscalYear, amountFen, indicators,
                    budgetExecutionWeight, declaredProjectSpendingFen, declaredComplete, revisionReason,
                    expectedVersion, weightRules, ruleVersion, null);
        }
    }

    public record ApproveGoal(@TargetAggregateIdentifier String goalKey, LocalDate approvedOn,
                              @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReturnGoal(@TargetAggregateIdentifier String goalKey, List<String> reasons,
                             @TargetAggregateVersion Long expectedVersion) {
        public ReturnGoal {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** What a goal command did. */
    public enum Outcome { DECLARED, REVISED, APPROVED, RETURNED, UNCHANGED }

    /** {@code recorded}: whether an event was recorded (false: a repeat, answered from what is recorded). */
    public record GoalResult(Outcome outcome, boolean recorded) {
    }
}
