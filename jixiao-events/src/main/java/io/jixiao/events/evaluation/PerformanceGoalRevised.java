package io.jixiao.events.evaluation;

import java.math.BigDecimal;
import java.util.List;

/** A declared goal revised (before or after a return); replaces amount and indicator tree. */
public record PerformanceGoalRevised(String districtCode, String goalId, long amountFen, List<Indicator> indicators,
                                     BigDecimal budgetExecutionWeight, Long declaredProjectSpendingFen, String reason) {
}
