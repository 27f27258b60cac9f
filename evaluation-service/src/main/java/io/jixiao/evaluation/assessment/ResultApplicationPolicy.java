package io.jixiao.evaluation.assessment;

import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultPolicy;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 结果应用 as a pure function of the grade and the district's rules. {@code BY_GRADE}: the grade's measure
 * (优 → 重点保障, 良 → 优先保障, 中 → 减少安排, 差 → 取消安排 by default) and that measure's cut ratio.
 * {@code CUT_GOOD_AND_BELOW} (荷塘区): 优 as mapped; 良, 中 and 差 → 减少安排 by the district's share.
 * The budget change is −ratio × the project's full-year budget, HALF_UP to the fen; 0 when nothing is cut.
 */
public final class ResultApplicationPolicy {
    private ResultApplicationPolicy() {
    }

    /** The measure and the share of the budget it cuts (a fraction, 0.10 = 10 %). */
    public record Decision(ResultMeasure measure, BigDecimal ratio) {
        public boolean cuts() {
            return ratio.signum() > 0;
        }

        public long budgetChangeFen(long budgetFen) {
            return ResultApplicationPolicy.budgetChangeFen(ratio, budgetFen);
        }
    }

    public static Decision decide(Grade grade, ResultApplicationRules rules) {
        if (rules.policy() == ResultPolicy.CUT_GOOD_AND_BELOW && grade != Grade.EXCELLENT) {
            return new Decision(ResultMeasure.REDUCE, rules.cutShare());
        }
        ResultMeasure measure = rules.measures().get(grade);
        BigDecimal ratio = rules.cutRatios().getOrDefault(measure, BigDecimal.ZERO);
        return new Decision(measure, ratio);
    }

    /** −ratio × budget, rounded HALF_UP to the fen; never −0. */
    public static long budgetChangeFen(BigDecimal ratio, long budgetFen) {
        if (ratio.signum() == 0 || budgetFen == 0) {
            return 0;
        }
        return -ratio.multiply(BigDecimal.valueOf(budgetFen)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
