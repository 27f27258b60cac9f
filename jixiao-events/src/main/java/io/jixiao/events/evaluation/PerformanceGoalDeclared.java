package io.jixiao.events.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * 绩效目标 declared for a project (scope PROJECT) or a unit's overall spending (UNIT_OVERALL).
 * {@code declaredProjectSpendingFen}: for a unit's overall goal, the project spending its table states.
 */
public record PerformanceGoalDeclared(String districtCode, String goalId, GoalScope scope, String projectId,
                                      String unitId, int fiscalYear, long amountFen, List<Indicator> indicators,
                                      BigDecimal budgetExecutionWeight, Long declaredProjectSpendingFen,
                                      String ruleVersion) {
}
