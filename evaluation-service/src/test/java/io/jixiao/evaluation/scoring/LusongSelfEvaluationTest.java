package io.jixiao.evaluation.scoring;

import io.jixiao.events.Labelled;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.evaluation.Fixtures;
import io.jixiao.evaluation.goal.IndicatorTreeRules;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ScoredIndicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 芦淞区财政局 2023 自评 (lusong-2023.json, transcribed from the seed): 96 points, 预算执行率 row 10, grade 优,
 * every row as the report scores it — computed by the pure scoring table from the fixture alone.
 */
class LusongSelfEvaluationTest {
    private static final JsonNode FIXTURE = Fixtures.read("lusong-2023.json");
    private static final EvaluationRules RULES = DefaultRules.forDistrict("430203");

    /** The seed's 得分 column, row by row in the goal's order. */
    private static final List<String> REPORTED = List.of("3.00", "3.00", "3.00", "3.00", "3.00", "3.00", "3.00", "3.00",
            "3.00", "3.00", "10.00", "7.00", "7.00", "6.00", "6.00", "5.00", "5.00", "10.00");

    @Test
    void scoresNinetySixWithTheExecutionRowAtTenAndGradeExcellent() {
        JsonNode evaluation = FIXTURE.path("selfEvaluations").get(0);
        JsonNode goal = Fixtures.byId(FIXTURE.path("goals"), "id", evaluation.path("goal").asText());
        IndicatorTreeRules.Checked tree = IndicatorTreeRules.check(Fixtures.rows(goal),
                new BigDecimal(goal.path("budgetExecutionWeight").asText()), true, RULES.weights(), "430203:v0");
        assertThat(tree.weightsComplete()).isTrue();

        JsonNode budget = evaluation.path("budget");
        List<SelfEvaluationScoring.Actual> actuals = new ArrayList<>();
        for (JsonNode a : evaluation.path("actuals")) {
            actuals.add(new SelfEvaluationScoring.Actual(a.path("l3").asText(), a.path("actual").asText(),
                    new BigDecimal(a.path("score").asText()), null, null, a.path("deviationReason").asText(null), false));
        }
        SelfEvaluationScoring.Scored scored = SelfEvaluationScoring.score(tree.indicators(),
                new BigDecimal(goal.path("budgetExecutionWeight").asText()),
                new SelfEvaluationScoring.Budget(Fixtures.fen(budget.path("initialWan")),
                        Fixtures.fen(budget.path("fullYearWan")), Fixtures.fen(budget.path("executedWan")),
                        new BigDecimal(evaluation.path("budgetExecutionScore").asText())),
                actuals, new SelfEvaluationScoring.Rules(RULES.weights().total(), RULES.qualitativeBands(),
                        RULES.gradeBands()));

        assertThat(scored.budgetExecution().executionRate()).isEqualByComparingTo("100.00");
        assertThat(scored.budgetExecution().score().toPlainString()).isEqualTo("10.00");
        assertThat(scored.budgetExecution().fullYearFen()).isEqualTo(959_930_000L);
        assertThat(scored.budgetExecution().initialFen()).isEqualTo(739_030_000L);
        assertThat(scored.indicators()).extracting(s -> s.score().toPlainString()).containsExactlyElementsOf(REPORTED);
        for (int i = 0; i < scored.indicators().size(); i++) {
            ScoredIndicator row = scored.indicators().get(i);
            JsonNode reported = evaluation.path("actuals").get(i);
            assertThat(row.l3()).isEqualTo(reported.path("l3").asText());
            assertThat(row.score()).as(row.l3()).isEqualByComparingTo(reported.path("score").asText());
            assertThat(row.overrideReason()).as("no row is an override").isNull();
            assertThat(row.applicable()).isTrue();
        }
        // numeric rows are computed, not taken: 财会监督专项行动 ≥ 6, actual 7 → min(1, 7/6) × 3 = 3
        assertThat(scored.indicators().get(3).computedScore()).isEqualByComparingTo("3");
        assertThat(scored.indicators().get(11).deviationReason()).isEqualTo("需进一步优化财政资金配置，严控各项支出。");
        assertThat(scored.rescaled()).isFalse();
        assertThat(scored.total().toPlainString()).isEqualTo("96.00");
        assertThat(scored.total()).isEqualByComparingTo(evaluation.path("expect").path("totalScore").asText());
        assertThat(scored.grade()).isEqualTo(Grade.EXCELLENT)
                .isEqualTo(Labelled.parse(Grade.class, evaluation.path("expect").path("grade").asText()));
    }
}
