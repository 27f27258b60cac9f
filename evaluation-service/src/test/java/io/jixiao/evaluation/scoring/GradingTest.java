package io.jixiao.evaluation.scoring;

import io.jixiao.events.Labelled;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules.GradeBands;
import io.jixiao.events.evaluation.Grade;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 评价等级 boundaries (docs/rules.md: 优 ≥ 90, 良 80 to < 90, 中 60 to < 80, 差 < 60). */
class GradingTest {
    private static final GradeBands DEFAULT = DefaultRules.standard().gradeBands();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0, 差",
            "59.99, 差",
            "60, 中",
            "60.00, 中",
            "79.99, 中",
            "80, 良",
            "89.99, 良",
            "90, 优",
            "96.00, 优",
            "100, 优"
    })
    void gradesByTheDefaultBands(BigDecimal score, String grade) {
        assertThat(Grading.grade(score, DEFAULT)).isEqualTo(Labelled.parse(Grade.class, grade));
    }

    @ParameterizedTest(name = "{0} under 85/75/55 → {1}")
    @CsvSource({
            "54.99, 差",
            "55, 中",
            "74.99, 中",
            "75, 良",
            "84.99, 良",
            "85, 优"
    })
    void gradesByADistrictsOwnBands(BigDecimal score, String grade) {
        GradeBands bands = new GradeBands(new BigDecimal("85"), new BigDecimal("75"), new BigDecimal("55"));
        assertThat(Grading.grade(score, bands)).isEqualTo(Labelled.parse(Grade.class, grade));
    }
}
