package io.jixiao.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.events.evaluation.Comparator;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/rules.md's formulas, row by row: score = formula × 分值, two decimals HALF_UP. */
class IndicatorScoringTest {

    @ParameterizedTest(name = "≥ target {0}, actual {1}, weight {2} → {3}")
    @CsvSource({
            "54, 54, 3, 3.00",      // met exactly
            "6, 7, 3, 3.00",        // exceeded: capped at 分值
            "1200, 600, 20, 10.00", // half
            "3, 2, 3, 2.00",
            "7, 5, 3, 2.14",        // 5/7 × 3 = 2.142857…
            "3, 1, 10, 3.33",       // 1/3 × 10 = 3.333…
            "6, 1, 10, 1.67",       // 1/6 × 10 = 1.666… HALF_UP
            "90, 0, 5, 0.00",
            "0, 0, 5, 5.00",        // a target of 0 is met by anything
            "80, 79.99, 5, 5.00"    // 4.999375 rounds HALF_UP to 5.00
    })
    void atLeast(BigDecimal target, BigDecimal actual, BigDecimal weight, String score) {
        assertThat(scored(Comparator.AT_LEAST, target, actual, weight)).isEqualTo(score);
    }

    @ParameterizedTest(name = "≤ target {0}, actual {1}, weight {2} → {3}")
    @CsvSource({
            "10, 8, 4, 4.00",       // under the ceiling: full
            "10, 10, 4, 4.00",
            "10, 20, 4, 2.00",      // target ÷ actual
            "10, 30, 3, 1.00",
            "0, 0, 20, 20.00",      // actual 0 with target 0 scores full
            "0, 2, 20, 0.00",       // target 0, actual > 0: 0 ÷ 2
            "5, 0, 20, 20.00",
            "2, 3, 10, 6.67"
    })
    void atMost(BigDecimal target, BigDecimal actual, BigDecimal weight, String score) {
        assertThat(scored(Comparator.AT_MOST, target, actual, weight)).isEqualTo(score);
    }

    @ParameterizedTest(name = "= target {0}, actual {1}, weight {2} → {3}")
    @CsvSource({
            "8, 8, 3, 3.00",
            "8, 8.0, 3, 3.00",      // equal in value
            "125, 100, 10, 8.00",   // smaller ÷ larger
            "100, 125, 10, 8.00",   // symmetric
            "4, 3, 3, 2.25",
            "0, 5, 10, 0.00",
            "0, 0, 10, 10.00"
    })
    void exactly(BigDecimal target, BigDecimal actual, BigDecimal weight, String score) {
        assertThat(scored(Comparator.EXACTLY, target, actual, weight)).isEqualTo(score);
    }

    @ParameterizedTest(name = "executed {0} of {1} fen, weight {2} → {3}")
    @CsvSource({
            "95993000, 95993000, 10, 10.00",   // 芦淞区 2023: 959.93 of 959.93 万元
            "50, 100, 10, 5.00",
            "120, 100, 10, 10.00",             // capped at 分值
            "0, 100, 10, 0.00",
            "2, 3, 10, 6.67"
    })
    void budgetExecution(long executed, long fullYear, BigDecimal weight, String score) {
        assertThat(IndicatorScoring.round(IndicatorScoring.budgetExecution(executed, fullYear, weight)).toPlainString())
                .isEqualTo(score);
    }

    @Test
    void qualitativeRowsHaveNoFormulaAndNegativesAreRefused() {
        assertThatThrownBy(() -> IndicatorScoring.numeric(Comparator.QUALITATIVE, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IndicatorScoring.numeric(Comparator.AT_LEAST, BigDecimal.ONE, new BigDecimal("-1"),
                BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(IndicatorScoring.percent(21_000_000, 60_000_000).toPlainString()).isEqualTo("35.00");
    }

    private static String scored(Comparator c, BigDecimal target, BigDecimal actual, BigDecimal weight) {
        return IndicatorScoring.round(IndicatorScoring.numeric(c, target, actual, weight)).toPlainString();
    }
}
