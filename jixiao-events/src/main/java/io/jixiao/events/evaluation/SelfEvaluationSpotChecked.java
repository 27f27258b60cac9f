package io.jixiao.events.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 抽查: FINANCE re-scored an accepted self-evaluation. Its score and grade stand beside the accepted ones
 * ({@code acceptedScore}, {@code acceptedGrade}), which keep grading the evaluation; {@code difference} =
 * {@code financeScore} − {@code acceptedScore}, two decimals.
 */
public record SelfEvaluationSpotChecked(String districtCode, String evaluationId, String goalId, String projectId,
                                        String unitId, int fiscalYear, BigDecimal acceptedScore, Grade acceptedGrade,
                                        BigDecimal financeScore, Grade financeGrade, BigDecimal difference,
                                        String note, LocalDate checkedOn, String ruleVersion) {
}
