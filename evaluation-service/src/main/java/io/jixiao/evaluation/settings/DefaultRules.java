package io.jixiao.evaluation.settings;

import io.jixiao.evaluation.settings.EvaluationRules.DisclosureRules;
import io.jixiao.evaluation.settings.EvaluationRules.GradeBands;
import io.jixiao.evaluation.settings.EvaluationRules.MonitoringRules;
import io.jixiao.evaluation.settings.EvaluationRules.QualitativeBand;
import io.jixiao.evaluation.settings.EvaluationRules.QualitativeBands;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultPolicy;
import io.jixiao.evaluation.settings.EvaluationRules.WeightEnforcement;
import io.jixiao.evaluation.settings.EvaluationRules.WeightRules;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The built-in rules (version {@code v0} of every district): docs/rules.md's defaults, including the one
 * difference docs/rules.md names for a district — 渌口区 (430212) monitors 1–8月.
 */
public final class DefaultRules {
    public static final String LUKOU = "430212";

    private DefaultRules() {
    }

    public static EvaluationRules standard() {
        return new EvaluationRules(
                new GradeBands(new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("60")),
                new ResultApplicationRules(ResultPolicy.BY_GRADE,
                        Map.of(Grade.EXCELLENT, ResultMeasure.KEY_GUARANTEE, Grade.GOOD, ResultMeasure.PRIORITY_GUARANTEE,
                                Grade.FAIR, ResultMeasure.REDUCE, Grade.POOR, ResultMeasure.CANCEL),
                        Map.of(ResultMeasure.KEY_GUARANTEE, new BigDecimal("0"),
                                ResultMeasure.PRIORITY_GUARANTEE, new BigDecimal("0"),
                                ResultMeasure.REDUCE, new BigDecimal("0.10"),
                                ResultMeasure.CANCEL, new BigDecimal("1.00")),
                        new BigDecimal("0.10"), false),
                new MonitoringRules(List.of(6, 7), new BigDecimal("20"), 200_000_000L, new BigDecimal("60"), 8),
                new WeightRules(new BigDecimal("100"), WeightEnforcement.DECLARED_COMPLETE, new BigDecimal("10")),
                new QualitativeBands(
                        new QualitativeBand(new BigDecimal("0.80"), new BigDecimal("1.00"), new BigDecimal("1.00")),
                        new QualitativeBand(new BigDecimal("0.60"), new BigDecimal("0.80"), new BigDecimal("0.70")),
                        new QualitativeBand(new BigDecimal("0.00"), new BigDecimal("0.60"), new BigDecimal("0.30"))),
                new DisclosureRules(20));
    }

    public static EvaluationRules forDistrict(String districtCode) {
        EvaluationRules rules = standard();
        if (LUKOU.equals(districtCode)) {
            MonitoringRules m = rules.monitoring();
            rules = rules.withMonitoring(new MonitoringRules(List.of(8), m.tolerancePoints(), m.keyMinBudgetFen(),
                    m.keyExecutionBelowPercent(), m.keyMonth()));
        }
        return rules;
    }
}
