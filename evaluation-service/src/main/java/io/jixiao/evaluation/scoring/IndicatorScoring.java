package io.jixiao.evaluation.scoring;

import io.jixiao.events.evaluation.Comparator;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * docs/rules.md's formulas for one row of a scoring table, as pure functions. Scores are rounded to two decimals,
 * HALF_UP, once, at the end ({@link #round}); intermediate quotients keep ten decimals.
 * <ul>
 *   <li>≥ (higher is better): min(1, actual ÷ target) × 分值; a target of 0 is met by any actual.</li>
 *   <li>≤ (lower is better): min(1, target ÷ actual) × 分值; actual 0 scores full (also with target 0).</li>
 *   <li>= (exactly): full when equal, else smaller ÷ larger × 分值.</li>
 *   <li>预算执行率: 分值 × 执行数 ÷ 全年预算数, capped at 分值.</li>
 * </ul>
 */
public final class IndicatorScoring {
    public static final int SCALE = 2;
    private static final int WORK_SCALE = 10;

    private IndicatorScoring() {
    }

    /** The unrounded score of a numeric indicator; target and actual must be ≥ 0, weight > 0. */
    public static BigDecimal numeric(Comparator comparator, BigDecimal target, BigDecimal actual, BigDecimal weight) {
        if (target.signum() < 0 || actual.signum() < 0) {
            throw new IllegalArgumentException("targets and actual values are never negative");
        }
        return switch (comparator) {
            case AT_LEAST -> target.signum() == 0 || actual.compareTo(target) >= 0 ? weight
                    : share(actual, target, weight);
            case AT_MOST -> actual.compareTo(target) <= 0 ? weight : share(target, actual, weight);
            case EXACTLY -> actual.compareTo(target) == 0 ? weight
                    : share(actual.min(target), actual.max(target), weight);
            case QUALITATIVE -> throw new IllegalArgumentException("a qualitative indicator has no formula: "
                    + "the evaluator scores it");
        };
    }

    /** 预算执行率 row: 分值 × min(1, executed ÷ full-year budget), unrounded. */
    public static BigDecimal budgetExecution(long executedFen, long fullYearFen, BigDecimal weight) {
        if (fullYearFen <= 0) {
            throw new IllegalArgumentException("the full-year budget must be positive");
        }
        if (executedFen >= fullYearFen) {
            return weight;
        }
        return share(BigDecimal.valueOf(Math.max(0, executedFen)), BigDecimal.valueOf(fullYearFen), weight);
    }

    /** Execution rate as a percentage with two decimals, HALF_UP: 959.93 of 959.93 → 100.00. */
    public static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }

    /** A score as shown and summed: two decimals, HALF_UP. */
    public static BigDecimal round(BigDecimal score) {
        return score.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** {@code part ÷ whole × weight} with part < whole. */
    private static BigDecimal share(BigDecimal part, BigDecimal whole, BigDecimal weight) {
        return part.multiply(weight).divide(whole, WORK_SCALE, RoundingMode.HALF_UP);
    }
}
