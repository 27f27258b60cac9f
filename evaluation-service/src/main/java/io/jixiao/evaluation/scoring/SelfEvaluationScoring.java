package io.jixiao.evaluation.scoring;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.settings.EvaluationRules.GradeBands;
import io.jixiao.evaluation.settings.EvaluationRules.QualitativeBand;
import io.jixiao.evaluation.settings.EvaluationRules.QualitativeBands;
import io.jixiao.evaluation.settings.QualitativeLevel;
import io.jixiao.events.evaluation.BudgetExecutionRow;
import io.jixiao.events.evaluation.Comparator;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.ScoredIndicator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 自评 scoring table of docs/rules.md as one pure function: the 预算执行率 row, every indicator row of the goal's
 * tree (numeric by formula, qualitative by the evaluator), overrides with reasons, rows that do not apply
 * dropped, rescaling, total and grade.
 *
 * <p>Rounding: each row's score has two decimals (HALF_UP) and the total is their sum. When the applicable
 * weights do not add up to the district's total (a row does not apply, or the goal's tree is partial), every
 * applicable row is rescaled by total ÷ applicable weights; the total is then the rescaled sum rounded to two
 * decimals and the rows are apportioned to it by largest remainder, so they still add up to it exactly.
 */
public final class SelfEvaluationScoring {
    public static final String RULE = "SELF_EVALUATION_INVALID";
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private SelfEvaluationScoring() {
    }

    /** 年初预算数, 全年预算数, 全年执行数 (fen); {@code claimedScore}: the row's score as the unit states it, if any. */
    public record Budget(long initialFen, long fullYearFen, long executedFen, BigDecimal claimedScore) {
    }

    /**
     * One row's actual value. {@code score}: for a qualitative row the evaluator's score; for a numeric row an
     * override of the computed score, which needs {@code overrideReason}. {@code level}: 达成/部分达成/未达成,
     * qualitative rows only.
     */
    public record Actual(String l3, String actual, BigDecimal score, QualitativeLevel level, String overrideReason,
                         String deviationReason, boolean notApplicable) {
    }

    /** The rules the table needs from the district's rule version. */
    public record Rules(BigDecimal weightTotal, QualitativeBands qualitativeBands, GradeBands gradeBands) {
    }

    public record Scored(BudgetExecutionRow budgetExecution, List<ScoredIndicator> indicators, BigDecimal total,
                         Grade grade, BigDecimal rescaleFactor) {
        public boolean rescaled() {
            return rescaleFactor.compareTo(BigDecimal.ONE) != 0;
        }
    }

    public static Scored score(List<Indicator> tree, BigDecimal executionWeight, Budget budget, List<Actual> actuals,
                               Rules rules) {
        InvalidInput.Collector problems = new InvalidInput.Collector(RULE);
        checkBudget(budget, problems);
        Map<String, Integer> byL3 = match(tree, actuals, problems);

        List<ScoredIndicator> rows = new ArrayList<>();
        for (Indicator indicator : tree) {
            Integer index = byL3.get(indicator.l3());
            rows.add(index == null ? null : scoreRow(indicator, actuals.get(index), "actuals[" + index + "]",
                    rules.qualitativeBands(), problems));
        }
        BigDecimal executionScore = BigDecimal.ZERO;
        if (budget.fullYearFen() > 0 && budget.executedFen() >= 0) {
            executionScore = IndicatorScoring.round(IndicatorScoring.budgetExecution(budget.executedFen(),
                    budget.fullYearFen(), executionWeight));
            if (budget.claimedScore() != null && budget.claimedScore().compareTo(executionScore) != 0) {
                problems.add("budgetExecutionScore", "the 预算执行率 row scores " + executionScore.toPlainString()
                        + " (分值 " + executionWeight.toPlainString() + " × 执行率 "
                        + IndicatorScoring.percent(budget.executedFen(), budget.fullYearFen()).toPlainString()
                        + "%, capped), not " + budget.claimedScore().toPlainString());
            }
        }
        problems.throwIfAny();

        BigDecimal applicableWeight = executionWeight;
        for (ScoredIndicator row : rows) {
            if (row.applicable()) {
                applicableWeight = applicableWeight.add(row.weight());
            }
        }
        if (applicableWeight.signum() == 0) {
            throw InvalidInput.of(RULE, "actuals", "no row applies: nothing to score");
        }
        BigDecimal executionRate = IndicatorScoring.percent(budget.executedFen(), budget.fullYearFen());
        if (applicableWeight.compareTo(rules.weightTotal()) == 0) {
            BigDecimal total = executionScore;
            for (ScoredIndicator row : rows) {
                total = total.add(row.score());
            }
            total = total.setScale(IndicatorScoring.SCALE, RoundingMode.UNNECESSARY);
            return new Scored(new BudgetExecutionRow(budget.initialFen(), budget.fullYearFen(), budget.executedFen(),
                    executionWeight, executionRate, executionScore), rows, total,
                    Grading.grade(total, rules.gradeBands()), BigDecimal.ONE);
        }
        return rescale(budget, executionWeight, executionScore, executionRate, rows, applicableWeight, rules);
    }

    private static void checkBudget(Budget budget, InvalidInput.Collector problems) {
        if (budget.fullYearFen() <= 0) {
            problems.add("budget.fullYear", "the full-year budget (全年预算数) must be positive");
        }
        if (budget.executedFen() < 0) {
            problems.add("budget.executed", "must not be negative");
        }
        if (budget.initialFen() < 0) {
            problems.add("budget.initial", "must not be negative");
        }
    }

    /** l3 → index into actuals; every indicator needs exactly one actual and every actual one indicator. */
    private static Map<String, Integer> match(List<Indicator> tree, List<Actual> actuals,
                                              InvalidInput.Collector problems) {
        Map<String, Integer> indexOfIndicator = new HashMap<>();
        for (int i = 0; i < tree.size(); i++) {
            indexOfIndicator.put(tree.get(i).l3(), i);
        }
        Map<String, Integer> byL3 = new HashMap<>();
        for (int i = 0; i < actuals.size(); i++) {
            String l3 = actuals.get(i).l3() == null ? null : actuals.get(i).l3().trim();
            if (l3 == null || l3.isEmpty()) {
                problems.add("actuals[" + i + "].l3", "names no indicator");
            } else if (!indexOfIndicator.containsKey(l3)) {
                problems.add("actuals[" + i + "].l3", "'" + l3 + "' is not an indicator of the goal");
            } else if (byL3.putIfAbsent(l3, i) != null) {
                problems.add("actuals[" + i + "].l3", "'" + l3 + "' is given twice (also actuals[" + byL3.get(l3) + "])");
            }
        }
        for (int k = 0; k < tree.size(); k++) {
            if (!byL3.containsKey(tree.get(k).l3())) {
                problems.add("actuals", "no actual value for indicator '" + tree.get(k).l3() + "' (indicators[" + k
                        + "]); mark it notApplicable if it does not apply");
            }
        }
        return byL3;
    }

    private static ScoredIndicator scoreRow(Indicator indicator, Actual actual, String path, QualitativeBands bands,
                                            InvalidInput.Collector problems) {
        BigDecimal weight = indicator.weight();
        String reason = blankToNull(actual.overrideReason());
        if (actual.notApplicable()) {
            return new ScoredIndicator(indicator.l1(), indicator.l2(), indicator.l3(), indicator.comparator(),
                    indicator.target(), actual.actual(), weight, zero(), zero(), false, reason,
                    blankToNull(actual.deviationReason()));
        }
        if (actual.score() != null && (actual.score().signum() < 0 || actual.score().compareTo(weight) > 0)) {
            problems.add(path + ".score", "must lie within 0.." + weight.toPlainString() + " (the indicator's 分值)");
            return placeholder(indicator, actual);
        }
        if (actual.score() != null && actual.score().stripTrailingZeros().scale() > IndicatorScoring.SCALE) {
            problems.add(path + ".score", "at most two decimals");
            return placeholder(indicator, actual);
        }
        BigDecimal computed;
        BigDecimal score;
        if (indicator.comparator() == Comparator.QUALITATIVE) {
            computed = qualitative(weight, actual, path, bands, problems);
            if (computed == null) {
                return placeholder(indicator, actual);
            }
            score = computed;
        } else {
            if (actual.level() != null) {
                problems.add(path + ".level", "达成/部分达成/未达成 applies to qualitative indicators only");
            }
            BigDecimal value = number(actual.actual(), path + ".actual", problems);
            if (value == null) {
                return placeholder(indicator, actual);
            }
            computed = IndicatorScoring.round(IndicatorScoring.numeric(indicator.comparator(),
                    new BigDecimal(indicator.target().trim()), value, weight));
            score = computed;
            if (actual.score() != null && actual.score().compareTo(computed) != 0) {
                if (reason == null) {
                    problems.add(path + ".overrideReason", "the score " + actual.score().toPlainString()
                            + " overrides the computed " + computed.toPlainString() + ": give the reason");
                }
                score = actual.score().setScale(IndicatorScoring.SCALE, RoundingMode.UNNECESSARY);
            }
        }
        return new ScoredIndicator(indicator.l1(), indicator.l2(), indicator.l3(), indicator.comparator(),
                indicator.target(), actual.actual(), weight, computed, score, true, reason,
                blankToNull(actual.deviationReason()));
    }

    /** The evaluator's score (within the level's band when a level is given), or the level's default share. */
    private static BigDecimal qualitative(BigDecimal weight, Actual actual, String path, QualitativeBands bands,
                                          InvalidInput.Collector problems) {
        if (actual.level() == null) {
            if (actual.score() == null) {
                problems.add(path + ".score", "a qualitative indicator needs the evaluator's score (0.."
                        + weight.toPlainString() + ") or a level (达成/部分达成/未达成)");
                return null;
            }
            return actual.score().setScale(IndicatorScoring.SCALE, RoundingMode.UNNECESSARY);
        }
        QualitativeBand band = bands.of(actual.level());
        if (actual.score() == null) {
            return IndicatorScoring.round(weight.multiply(band.defaultShare()));
        }
        BigDecimal low = weight.multiply(band.minShare());
        BigDecimal high = weight.multiply(band.maxShare());
        if (actual.score().compareTo(low) < 0 || actual.score().compareTo(high) > 0) {
            problems.add(path + ".score", actual.level().label() + " means " + low.stripTrailingZeros().toPlainString()
                    + ".." + high.stripTrailingZeros().toPlainString() + " of 分值 " + weight.toPlainString()
                    + ", not " + actual.score().toPlainString());
            return null;
        }
        return actual.score().setScale(IndicatorScoring.SCALE, RoundingMode.UNNECESSARY);
    }

    private static Scored rescale(Budget budget, BigDecimal executionWeight, BigDecimal executionScore,
                                  BigDecimal executionRate, List<ScoredIndicator> rows, BigDecimal applicableWeight,
                                  Rules rules) {
        BigDecimal total = rules.weightTotal();
        List<BigDecimal> unrounded = new ArrayList<>();
        unrounded.add(scaled(executionScore, total, applicableWeight));
        for (ScoredIndicator row : rows) {
            unrounded.add(row.applicable() ? scaled(row.score(), total, applicableWeight) : BigDecimal.ZERO);
        }
        List<BigDecimal> apportioned = apportion(unrounded);
        BigDecimal sum = apportioned.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(IndicatorScoring.SCALE, RoundingMode.UNNECESSARY);
        List<ScoredIndicator> scaledRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ScoredIndicator r = rows.get(i);
            scaledRows.add(new ScoredIndicator(r.l1(), r.l2(), r.l3(), r.comparator(), r.target(), r.actual(),
                    r.weight(), r.computedScore(), r.applicable() ? apportioned.get(i + 1) : r.score(), r.applicable(),
                    r.overrideReason(), r.deviationReason()));
        }
        BigDecimal factor = total.divide(applicableWeight, 10, RoundingMode.HALF_UP);
        return new Scored(new BudgetExecutionRow(budget.initialFen(), budget.fullYearFen(), budget.executedFen(),
                executionWeight, executionRate, apportioned.get(0)), scaledRows, sum,
                Grading.grade(sum, rules.gradeBands()), factor);
    }

    private static BigDecimal scaled(BigDecimal score, BigDecimal total, BigDecimal applicableWeight) {
        return score.multiply(total).divide(applicableWeight, 10, RoundingMode.HALF_UP);
    }

    /**
     * Rounds non-negative values to cents so that they add up to their sum rounded HALF_UP: each is rounded down,
     * and the cents left over go to the largest remainders (earlier rows first on a tie).
     */
    static List<BigDecimal> apportion(List<BigDecimal> values) {
        BigDecimal target = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(IndicatorScoring.SCALE, RoundingMode.HALF_UP);
        List<BigDecimal> floors = new ArrayList<>();
        BigDecimal floorSum = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            BigDecimal f = v.setScale(IndicatorScoring.SCALE, RoundingMode.DOWN);
            floors.add(f);
            floorSum = floorSum.add(f);
        }
        int cents = target.subtract(floorSum).divide(CENT, 0, RoundingMode.UNNECESSARY).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> values.get(b).subtract(floors.get(b)).compareTo(values.get(a).subtract(floors.get(a))));
        for (int k = 0; k < cents; k++) {
            int i = order.get(k);
            floors.set(i, floors.get(i).add(CENT));
        }
        return floors;
    }

    private static BigDecimal number(String text, String field, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            problems.add(field, "a numeric indicator needs its actual value");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.signum() < 0) {
                problems.add(field, "must not be negative");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(field, "'" + text + "' is not a number (the indicator is numeric)");
            return null;
        }
    }

    private static ScoredIndicator placeholder(Indicator indicator, Actual actual) {
        return new ScoredIndicator(indicator.l1(), indicator.l2(), indicator.l3(), indicator.comparator(),
                indicator.target(), actual.actual(), indicator.weight(), zero(), zero(), true, null, null);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(IndicatorScoring.SCALE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
