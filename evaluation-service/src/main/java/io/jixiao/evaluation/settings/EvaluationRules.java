package io.jixiao.evaluation.settings;

import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One version of a district's evaluation rules (docs/rules.md, "versioned configuration per district"). Data only:
 * the policies that use it ({@code IndicatorTreeRules}, {@code SelfEvaluationScoring}, {@code Grading},
 * {@code ExecutionCheck}, {@code ResultApplicationPolicy}) are pure functions in their feature packages.
 */
public record EvaluationRules(GradeBands gradeBands, ResultApplicationRules resultApplication,
                              MonitoringRules monitoring, WeightRules weights, QualitativeBands qualitativeBands,
                              DisclosureRules disclosure) {

    /** The same rules with other monitoring rules. */
    public EvaluationRules withMonitoring(MonitoringRules other) {
        return new EvaluationRules(gradeBands, resultApplication, other, weights, qualitativeBands, disclosure);
    }

    /** The same rules with another result-application policy. */
    public EvaluationRules withResultApplication(ResultApplicationRules other) {
        return new EvaluationRules(gradeBands, other, monitoring, weights, qualitativeBands, disclosure);
    }

    /**
     * 预决算公开, 绩效信息公开: a department's performance goals are published within {@code goalsDeadlineDays} of
     * the budget's approval (预算法 第十四条: 20). disclosure-service checks it; it is here so that a district's rules
     * have one owner.
     */
    public record DisclosureRules(int goalsDeadlineDays) {
    }

    /**
     * 评价等级 by total score: the lower bound of 优, 良 and 中 (差 is below 中). Default 90 / 80 / 60.
     */
    public record GradeBands(BigDecimal excellent, BigDecimal good, BigDecimal fair) {
    }

    /** How result application chooses a measure and a cut. */
    public enum ResultPolicy {
        /** One measure per grade ({@code measures}); the cut is the measure's ratio ({@code cutRatios}). */
        BY_GRADE,
        /**
         * 荷塘区: every project graded 良 or below is cut by {@code cutShare} (measure 减少安排); 优 keeps its
         * mapped measure and ratio.
         */
        CUT_GOOD_AND_BELOW
    }

    /**
     * 结果应用. {@code cutRatios}: the share of the project's full-year budget each measure takes away, as a
     * fraction (0.10 = 10 %). {@code acceptedSelfEvaluationsOnly}: a self-evaluation's result is applied only once
     * FINANCE has accepted it (default false: a submission not yet reviewed applies as submitted; a returned one
     * never does).
     */
    public record ResultApplicationRules(ResultPolicy policy, Map<Grade, ResultMeasure> measures,
                                         Map<ResultMeasure, BigDecimal> cutRatios, BigDecimal cutShare,
                                         boolean acceptedSelfEvaluationsOnly) {
        public ResultApplicationRules {
            measures = Map.copyOf(new EnumMap<>(measures));
            cutRatios = Map.copyOf(new EnumMap<>(cutRatios));
        }
    }

    /**
     * 绩效运行监控. {@code checkpointMonths}: an observation's period must end on the last day of one of these
     * months (1–6月 → 6). {@code tolerancePoints}: how many percentage points execution may trail time progress.
     * Key-monitoring selection: full-year budget ≥ {@code keyMinBudgetFen} and execution below
     * {@code keyExecutionBelowPercent} at the end of month {@code keyMonth}.
     */
    public record MonitoringRules(List<Integer> checkpointMonths, BigDecimal tolerancePoints, long keyMinBudgetFen,
                                  BigDecimal keyExecutionBelowPercent, int keyMonth) {
        public MonitoringRules {
            checkpointMonths = List.copyOf(checkpointMonths);
        }
    }

    /** When the weights of a goal's tree must add up to {@code total}. */
    public enum WeightEnforcement {
        /** Every declared tree must add up exactly. */
        ALWAYS,
        /**
         * Only a tree declared {@code complete: true} must add up exactly; any other tree must not exceed the
         * total (a partial tree, as in 渌口区's illustrative goals). Scores are rescaled to the total.
         */
        DECLARED_COMPLETE
    }

    /**
     * 分值: the total every scoring table adds up to (100), when a goal's tree must reach it, and the weight of
     * the 预算执行率 row for goals that declare none.
     */
    public record WeightRules(BigDecimal total, WeightEnforcement enforcement, BigDecimal budgetExecutionDefault) {
    }

    /** A qualitative level's share of the weight: the evaluator's score must lie in [min, max] × 分值. */
    public record QualitativeBand(BigDecimal minShare, BigDecimal maxShare, BigDecimal defaultShare) {
    }

    /** 达成 / 部分达成 / 未达成: 100–80 % / 80–60 % / 60–0 % of 分值 by default. */
    public record QualitativeBands(QualitativeBand achieved, QualitativeBand partlyAchieved,
                                   QualitativeBand notAchieved) {
        public QualitativeBand of(QualitativeLevel level) {
            return switch (level) {
                case ACHIEVED -> achieved;
                case PARTLY_ACHIEVED -> partlyAchieved;
                case NOT_ACHIEVED -> notAchieved;
            };
        }
    }
}
