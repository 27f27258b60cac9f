package io.jixiao.evaluation.scoring;

import io.jixiao.evaluation.settings.EvaluationRules.GradeBands;
import io.jixiao.events.evaluation.Grade;
import java.math.BigDecimal;

/** 评价等级 by score and the district's bands: 优 ≥ 90, 良 80 to < 90, 中 60 to < 80, 差 < 60 by default. */
public final class Grading {
    private Grading() {
    }

    public static Grade grade(BigDecimal score, GradeBands bands) {
        if (score.compareTo(bands.excellent()) >= 0) {
            return Grade.EXCELLENT;
        }
        if (score.compareTo(bands.good()) >= 0) {
            return Grade.GOOD;
        }
        if (score.compareTo(bands.fair()) >= 0) {
            return Grade.FAIR;
        }
        return Grade.POOR;
    }
}
