package io.jixiao.evaluation.assessment;

import io.jixiao.events.Labelled;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultPolicy;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 结果应用: grade → measure → budget change, by the default mapping and by 荷塘区's "cut 良 and below". */
class ResultApplicationPolicyTest {
    private static final ResultApplicationRules DEFAULT = DefaultRules.standard().resultApplication();
    private static final ResultApplicationRules HETANG = new ResultApplicationRules(ResultPolicy.CUT_GOOD_AND_BELOW,
            DEFAULT.measures(), DEFAULT.cutRatios(), new BigDecimal("0.15"), false);

    @ParameterizedTest(name = "{0} on {1} fen → {2}, {3}")
    @CsvSource({
            "优, 60000000, 重点保障, 0",
            "良, 60000000, 优先保障, 0",
            "中, 60000000, 减少安排, -6000000",
            "差, 60000000, 取消安排, -60000000",
            "中, 12345, 减少安排, -1235",       // 1234.5 fen → HALF_UP
            "中, 12344, 减少安排, -1234"
    })
    void byGrade(String grade, long budgetFen, String measure, long change) {
        ResultApplicationPolicy.Decision d = ResultApplicationPolicy.decide(Labelled.parse(Grade.class, grade), DEFAULT);
        assertThat(d.measure()).isEqualTo(Labelled.parse(ResultMeasure.class, measure));
        assertThat(d.budgetChangeFen(budgetFen)).isEqualTo(change);
    }

    @ParameterizedTest(name = "荷塘区: {0} → {1} by {2}")
    @CsvSource({
            "优, 重点保障, 0",
            "良, 减少安排, 0.15",
            "中, 减少安排, 0.15",
            "差, 减少安排, 0.15"
    })
    void cutGoodAndBelowByAShare(String grade, String measure, BigDecimal ratio) {
        ResultApplicationPolicy.Decision d = ResultApplicationPolicy.decide(Labelled.parse(Grade.class, grade), HETANG);
        assertThat(d.measure()).isEqualTo(Labelled.parse(ResultMeasure.class, measure));
        assertThat(d.ratio()).isEqualByComparingTo(ratio);
        assertThat(d.budgetChangeFen(1_000_000)).isEqualTo(-ratio.multiply(BigDecimal.valueOf(1_000_000)).longValue());
    }
}
