package io.jixiao.evaluation.assessment;

import io.jixiao.evaluation.scoring.SelfEvaluationScoring;
import io.jixiao.evaluation.settings.EvaluationRules.GradeBands;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.ReturnReason;
import io.jixiao.support.domain.RequestText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Commands of the {@link Evaluation} aggregate. What the service adds to a request (the goal as recorded, the
 * rules, budget figures) is left out of {@code toString}, which is the canonical form of those commands: the text the
 * fingerprint an {@code Idempotency-Key} is checked against is taken over. A retry after the service's figures moved
 * (a grade's cut reached the budget projection, say) is thus still the same request.
 */
public final class EvaluationCommands {
    private EvaluationCommands() {
    }

    /** The evaluated goal as recorded when the self-evaluation is submitted. */
    public record GoalSnapshot(String goalId, GoalScope scope, String projectId, String unitId, int fiscalYear,
                               boolean approved, List<Indicator> indicators, BigDecimal budgetExecutionWeight) {
    }

    public record SubmitSelfEvaluation(@TargetAggregateIdentifier String evaluationKey, String districtCode,
                                       String evaluationId, GoalSnapshot goal, int year,
                                       SelfEvaluationScoring.Budget budget, List<SelfEvaluationScoring.Actual> actuals,
                                       SelfEvaluationScoring.Rules rules, BigDecimal defaultExecutionWeight,
                                       String ruleVersion, Long expectedVersion) implements RequestText {
        @Override
        public String toString() {
            return "SubmitSelfEvaluation[" + evaluationKey + ", " + goal.goalId() + ", " + year + ", " + budget + ", "
                    + actuals + "]";
        }
    }

    public record CommissionKeyEvaluation(@TargetAggregateIdentifier String evaluationKey, String districtCode,
                                          String evaluationId, String type, List<String> projectIds,
                                          String subjectUnitId, String evaluator, long amountFen, int projectCount,
                                          int year, int subjectYear, LocalDate commissionedOn) {
        public CommissionKeyEvaluation {
            projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
        }
    }

    /** {@code score} and {@code grade} are both optional; a score with no grade is graded by the bands. */
    public record CompleteKeyEvaluation(@TargetAggregateIdentifier String evaluationKey, BigDecimal score, Grade grade,
                                        List<String> findings, String conclusion, LocalDate completedOn,
                                        GradeBands bands, BigDecimal maxScore, String ruleVersion,
                                        @TargetAggregateVersion Long expectedVersion) implements RequestText {
        public CompleteKeyEvaluation {
            findings = findings == null ? List.of() : List.copyOf(findings);
        }

        @Override
        public String toString() {
            return "CompleteKeyEvaluation[" + evaluationKey + ", " + score + ", " + grade + ", " + findings + ", "
                    + conclusion + ", " + completedOn + "]";
        }
    }

    /**
     * Applies the grade to next year's budget of every subject project. {@code budgetsFen}: each subject's
     * current full-year budget from the budget projection (absent = not known yet).
     */
    public record ApplyResult(@TargetAggregateIdentifier String evaluationKey, Integer targetFiscalYear,
                              Map<String, Long> budgetsFen, ResultApplicationRules rules, String ruleVersion)
            implements RequestText {
        public ApplyResult {
            budgetsFen = budgetsFen == null ? Map.of() : Map.copyOf(budgetsFen);
        }

        @Override
        public String toString() {
            return "ApplyResult[" + evaluationKey + ", " + targetFiscalYear + "]";
        }
    }

    /** FINANCE accepts a submitted self-evaluation. */
    public record AcceptSelfEvaluation(@TargetAggregateIdentifier String evaluationKey, LocalDate acceptedOn) {
    }

    /** FINANCE returns a submitted self-evaluation to its unit, with a reason per indicator. */
    public record ReturnSelfEvaluation(@TargetAggregateIdentifier String evaluationKey, List<ReturnReason> reasons,
                                       LocalDate returnedOn) {
        public ReturnSelfEvaluation {
            reasons = reasons == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(reasons));
        }
    }

    /** FINANCE re-scores an accepted self-evaluation (抽查); its score is recorded beside the accepted one. */
    public record SpotCheckSelfEvaluation(@TargetAggregateIdentifier String evaluationKey, BigDecimal score,
                                          String note, LocalDate checkedOn, GradeBands bands, BigDecimal maxScore,
                                          String ruleVersion) implements RequestText {
        @Override
        public String toString() {
            return "SpotCheckSelfEvaluation[" + evaluationKey + ", " + score + ", " + note + ", " + checkedOn + "]";
        }
    }

    /** What an evaluation command did. */
    public enum Outcome { SUBMITTED, RESUBMITTED, COMMISSIONED, COMPLETED, APPLIED, ACCEPTED, RETURNED, SPOT_CHECKED,
        UNCHANGED }

    /** {@code recorded}: whether events were recorded (false: a repeat, answered from what is recorded). */
    public record EvaluationResult(Outcome outcome, boolean recorded) {
    }
}
