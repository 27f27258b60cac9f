package io.jixiao.events.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 审核通过: FINANCE accepted a submitted self-evaluation. {@code score} and {@code grade} are the submitted ones
 * as accepted: they grade the evaluation and its result application (docs/rules.md).
 */
public record SelfEvaluationAccepted(String districtCode, String evaluationId, String goalId, String projectId,
                                     String unitId, int fiscalYear, BigDecimal score, Grade grade,
                                     LocalDate acceptedOn) {
}
