package io.jixiao.evaluation.scoring;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.settings.EvaluationRules.GradeBands;
import io.jixiao.events.evaluation.Grade;
import java.math.BigDecimal;
import java.math.RoundingMode;

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

    /**
     * A score given by hand (a key evaluation's, a spot-check's): within 0..{@code max} with at most two decimals,
     * returned with two; otherwise null, and the problem is added at {@code field}.
     */
    public static BigDecimal givenScore(BigDecimal score, BigDecimal max, String field, InvalidInput.Collector problems) {
        if (score.signum() < 0 || score.compareTo(max) > 0) {
            problems.add(field, "must lie within 0.." + max.toPlainString());
            return null;
        }
        if (score.stripTrailingZeros().scale() > IndicatorScoring.SCALE) {
            problems.add(field, "at most two decimals");
            return null;
        }
        return score.setScale(IndicatorScoring.SCALE, RoundingMode.UNNECESSARY);
    }
}
