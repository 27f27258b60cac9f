package io.jixiao.evaluation.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.evaluation.Fixtures;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.goal.IndicatorTreeRules.Row;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules.WeightEnforcement;
import io.jixiao.evaluation.settings.EvaluationRules.WeightRules;
import io.jixiao.events.evaluation.Comparator;
import io.jixiao.support.web.Problems.FieldProblem;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A malformed tree is refused with the faulty path of every problem. */
class IndicatorTreeRulesTest {
    private static final WeightRules DEFAULT = DefaultRules.standard().weights();
    private static final WeightRules STRICT = new WeightRules(new BigDecimal("100"), WeightEnforcement.ALWAYS,
            BigDecimal.TEN);

    private static Row row(String l1, String l3, String cmp, String target, String weight) {
        return new Row(l1, "数量指标", l3, cmp, target, "个", weight == null ? null : new BigDecimal(weight));
    }

    @Test
    void normalisesLevelOneAndComparators() {
        IndicatorTreeRules.Checked tree = IndicatorTreeRules.check(List.of(row("产出", "A", "≥", "10", "40"),
                row("效益指标", "B", "qualitative", "提高", "30"), row("满意度", "C", "AT_LEAST", "90", "10"),
                row("成本", "D", "<=", "125", "10")), BigDecimal.TEN, true, DEFAULT, "430203:v0");
        assertThat(tree.indicators()).extracting(i -> i.l1())
                .containsExactly("产出指标", "效益指标", "满意度指标", "成本指标");
        assertThat(tree.indicators()).extracting(i -> i.comparator())
                .containsExactly(Comparator.AT_LEAST, Comparator.QUALITATIVE, Comparator.AT_LEAST, Comparator.AT_MOST);
        assertThat(tree.weightsComplete()).isTrue();
    }

    @Test
    void namesEveryFaultyPath() {
        InvalidInput e = catchThrowableOfType(InvalidInput.class, () -> IndicatorTreeRules.check(List.of(
                row("产出指标", "A", ">=", "10", "40"),
                row("过程指标", "B", ">=", "10", "10"),
                row("效益指标", "C", "about", "10", "10"),
                row("效益指标", "D", ">=", "十个", "0"),
                row("满意度指标", "A", "qualitative", "", "10"),
                row("成本指标", "E", "=", "-3", null)), null, false, DEFAULT, "430203:v0"));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("indicators[1].l1",
                "indicators[2].cmp", "indicators[3].target", "indicators[3].weight", "indicators[4].l3",
                "indicators[4].target", "indicators[5].target", "indicators[5].weight");
        assertThat(e.rule()).isEqualTo(IndicatorTreeRules.RULE);
        assertThat(e.field()).isEqualTo("indicators[1].l1");
    }

    @Test
    void weightsNeverExceedTheTotalAndReachItWhenTheTreeIsDeclaredComplete() {
        List<Row> ninety = List.of(row("产出", "A", ">=", "1", "50"), row("效益", "B", ">=", "1", "40"));
        InvalidInput over = catchThrowableOfType(InvalidInput.class, () -> IndicatorTreeRules.check(ninety,
                new BigDecimal("20"), false, DEFAULT, "430203:v0"));
        assertThat(over.problems()).extracting(FieldProblem::field).containsExactly("indicators");
        assertThat(over.getMessage()).contains("90 + budgetExecutionWeight 20 = 110, more than the 100");

        InvalidInput incomplete = catchThrowableOfType(InvalidInput.class, () -> IndicatorTreeRules.check(ninety,
                null, true, DEFAULT, "430203:v0"));
        assertThat(incomplete.getMessage()).contains("requires 100 for a tree declared complete");

        IndicatorTreeRules.Checked partial = IndicatorTreeRules.check(ninety, null, false, DEFAULT, "430203:v0");
        assertThat(partial.weightsComplete()).isFalse();
        assertThat(partial.weightSum()).isEqualByComparingTo("90");

        InvalidInput strict = catchThrowableOfType(InvalidInput.class, () -> IndicatorTreeRules.check(ninety, null,
                false, STRICT, "430203:v2"));
        assertThat(strict.getMessage()).contains("rule version 430203:v2 requires 100");
    }

    @Test
    void lukousPartialGoalsAreAcceptedByTheDefaultRulesAndLusongsTreeIsComplete() {
        JsonNode lukou = Fixtures.read("lukou-2023.json");
        for (JsonNode goal : lukou.path("goals")) {
            IndicatorTreeRules.Checked tree = IndicatorTreeRules.check(Fixtures.rows(goal), null, false,
                    DefaultRules.forDistrict("430212").weights(), "430212:v0");
            assertThat(tree.weightsComplete()).isFalse();
        }
        JsonNode lusong = Fixtures.read("lusong-2023.json").path("goals").get(0);
        IndicatorTreeRules.Checked tree = IndicatorTreeRules.check(Fixtures.rows(lusong), BigDecimal.TEN, true,
                STRICT, "430203:v1");
        assertThat(tree.weightSum()).isEqualByComparingTo("100");
        assertThat(tree.indicators()).hasSize(18);
    }
}
