package io.jixiao.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules;
import io.jixiao.evaluation.settings.QualitativeLevel;
import io.jixiao.events.evaluation.Comparator;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.support.web.Problems.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring table's rules beyond the formulas: qualitative levels, overrides, rows that do not apply. */
class SelfEvaluationScoringTest {
    private static final EvaluationRules RULES = DefaultRules.standard();
    private static final SelfEvaluationScoring.Rules SCORING = new SelfEvaluationScoring.Rules(
            RULES.weights().total(), RULES.qualitativeBands(), RULES.gradeBands());
    private static final List<Indicator> TREE = List.of(
            new Indicator("产出指标", "数量指标", "A", Comparator.AT_LEAST, "100", "个", new BigDecimal("40")),
            new Indicator("效益指标", "社会效益指标", "B", Comparator.QUALITATIVE, "提高", null, new BigDecimal("30")),
            new Indicator("满意度指标", "服务对象满意度指标", "C", Comparator.AT_LEAST, "90", "%", new BigDecimal("10")),
            new Indicator("成本指标", "经济成本指标", "D", Comparator.AT_MOST, "50", "万元", new BigDecimal("10")));
    private static final SelfEvaluationScoring.Budget FULL = new SelfEvaluationScoring.Budget(100, 100, 100, null);

    private static SelfEvaluationScoring.Actual actual(String l3, String value, String score) {
        return new SelfEvaluationScoring.Actual(l3, value, score == null ? null : new BigDecimal(score), null, null,
                null, false);
    }

    @Test
    void aFullTableScoresEachRowAndSumsThem() {
        SelfEvaluationScoring.Scored s = SelfEvaluationScoring.score(TREE, BigDecimal.TEN,
                new SelfEvaluationScoring.Budget(100, 200, 150, null),
                List.of(actual("A", "80", null), actual("B", "基本提高", "24"), actual("C", "95", null),
                        actual("D", "60", null)), SCORING);
        assertThat(s.budgetExecution().score().toPlainString()).isEqualTo("7.50");
        assertThat(s.indicators()).extracting(r -> r.score().toPlainString())
                .containsExactly("32.00", "24.00", "10.00", "8.33");
        assertThat(s.total().toPlainString()).isEqualTo("81.83");
        assertThat(s.grade()).isEqualTo(Grade.GOOD);
    }

    @Test
    void aQualitativeLevelBoundsTheScoreOrGivesItsDefaultShare() {
        SelfEvaluationScoring.Scored s = SelfEvaluationScoring.score(TREE, BigDecimal.TEN, FULL,
                List.of(actual("A", "100", null),
                        new SelfEvaluationScoring.Actual("B", "部分提高", null, QualitativeLevel.PARTLY_ACHIEVED, null,
                                null, false),
                        actual("C", "90", null), actual("D", "50", null)), SCORING);
        assertThat(s.indicators().get(1).score().toPlainString()).isEqualTo("21.00"); // 70 % of 30
        InvalidInput outOfBand = catchThrowableOfType(InvalidInput.class, () -> SelfEvaluationScoring.score(TREE,
                BigDecimal.TEN, FULL, List.of(actual("A", "100", null),
                        new SelfEvaluationScoring.Actual("B", "达成", new BigDecimal("20"), QualitativeLevel.ACHIEVED, null,
                                null, false), actual("C", "90", null), actual("D", "50", null)), SCORING));
        assertThat(outOfBand.problems()).extracting(FieldProblem::field).containsExactly("actuals[1].score");
        assertThat(outOfBand.getMessage()).contains("达成 means 24..30");
    }

    @Test
    void anOverrideNeedsAReasonAndIsRecordedWithIt() {
        InvalidInput noReason = catchThrowableOfType(InvalidInput.class, () -> SelfEvaluationScoring.score(TREE,
                BigDecimal.TEN, FULL, List.of(actual("A", "80", "40"), actual("B", "提高", "30"),
                        actual("C", "90", null), actual("D", "50", null)), SCORING));
        assertThat(noReason.problems()).extracting(FieldProblem::field).containsExactly("actuals[0].overrideReason");

        SelfEvaluationScoring.Scored s = SelfEvaluationScoring.score(TREE, BigDecimal.TEN, FULL,
                List.of(new SelfEvaluationScoring.Actual("A", "80", new BigDecimal("40"), null, "统计口径调整，实际全部完成",
                        null, false), actual("B", "提高", "30"), actual("C", "90", null), actual("D", "50", null)),
                SCORING);
        assertThat(s.indicators().get(0).computedScore().toPlainString()).isEqualTo("32.00");
        assertThat(s.indicators().get(0).score().toPlainString()).isEqualTo("40.00");
        assertThat(s.indicators().get(0).overrideReason()).isEqualTo("统计口径调整，实际全部完成");
        assertThat(s.total().toPlainString()).isEqualTo("100.00");
    }

    @Test
    void aRowThatDoesNotApplyIsDroppedAndTheRestRescaledToTheTotal() {
        SelfEvaluationScoring.Scored s = SelfEvaluationScoring.score(TREE, BigDecimal.TEN, FULL,
                List.of(actual("A", "50", null), actual("B", "提高", "30"), actual("C", "90", null),
                        new SelfEvaluationScoring.Actual("D", null, null, null, null, "本年度无此项支出", true)), SCORING);
        // applicable weights 10 + 40 + 30 + 10 = 90: factor 100/90; A scores 20 → 22.22…, the rest are full
        assertThat(s.rescaled()).isTrue();
        assertThat(s.indicators().get(3).applicable()).isFalse();
        assertThat(s.indicators().get(3).score()).isEqualByComparingTo("0");
        assertThat(s.budgetExecution().score().toPlainString()).isEqualTo("11.11");
        assertThat(s.indicators()).extracting(r -> r.score().toPlainString())
                .containsExactly("22.22", "33.34", "11.11", "0.00");
        assertThat(s.total().toPlainString()).isEqualTo("77.78"); // (10 + 20 + 30 + 10) × 100/90 = 77.777…
        assertThat(s.budgetExecution().score().add(s.indicators().stream().map(r -> r.score())
                .reduce(BigDecimal.ZERO, BigDecimal::add))).isEqualByComparingTo(s.total());
        assertThat(s.grade()).isEqualTo(Grade.FAIR);
    }

    @Test
    void everyProblemIsNamedByItsPath() {
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> SelfEvaluationScoring.score(TREE,
                BigDecimal.TEN, new SelfEvaluationScoring.Budget(100, 0, 50, null),
                List.of(actual("A", "很多", null), actual("B", "提高", null), actual("X", "1", null),
                        actual("C", "90", "11")), SCORING));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("budget.fullYear",
                "actuals[2].l3", "actuals", "actuals[0].actual", "actuals[1].score", "actuals[3].score");
        assertThat(e.rule()).isEqualTo(SelfEvaluationScoring.RULE);
    }

    @Test
    void aClaimedExecutionScoreMustBeTheComputedOne() {
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> SelfEvaluationScoring.score(TREE,
                BigDecimal.TEN, new SelfEvaluationScoring.Budget(100, 100, 80, new BigDecimal("10")),
                List.of(actual("A", "100", null), actual("B", "提高", "30"), actual("C", "90", null),
                        actual("D", "50", null)), SCORING));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("budgetExecutionScore");
        assertThat(e.getMessage()).contains("scores 8.00");
    }

    @Test
    void apportioningKeepsTheRowsSummingToTheRoundedTotal() {
        List<BigDecimal> sixths = java.util.Collections.nCopies(6, new BigDecimal("16.6666666667"));
        List<BigDecimal> rows = SelfEvaluationScoring.apportion(sixths);
        assertThat(rows.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100.00");
        assertThat(rows).extracting(BigDecimal::toPlainString)
                .containsExactly("16.67", "16.67", "16.67", "16.67", "16.66", "16.66");
    }
}
