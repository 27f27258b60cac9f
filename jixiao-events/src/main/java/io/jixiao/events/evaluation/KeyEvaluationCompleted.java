package io.jixiao.events.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 重点评价 completed: score, grade, findings and conclusion. */
public record KeyEvaluationCompleted(String districtCode, String evaluationId, BigDecimal score, Grade grade,
                                     List<String> findings, String conclusion, LocalDate completedOn,
                                     String ruleVersion) {
}
