package io.jixiao.events.evaluation;

import java.math.BigDecimal;

/**
 * 结果应用: the measure a grade leads to for one project's next-year budget, and the budget change it asks
 * for ({@code budgetChangeFen}, signed; 0 for 重点保障/优先保障). budget-service records the matching
 * {@code BudgetAdjusted} (basis EVALUATION_RESULT, causation = this event) exactly once. {@code changeRatio} is the
 * share of the project's full-year budget cut, as a fraction ({@code 0.10} = 10 %); {@code budgetChangeFen} =
 * −changeRatio × that budget, HALF_UP to the fen.
 */
public record EvaluationResultApplied(String districtCode, String evaluationId, EvaluationKind evaluationKind,
                                      String projectId, int targetFiscalYear, Grade grade, ResultMeasure measure,
                                      BigDecimal changeRatio, long budgetChangeFen, String ruleVersion) {
}
