package io.jixiao.events.evaluation;

import java.math.BigDecimal;
import java.util.List;

/** 自评: the scored table of a goal's year, its total and grade, and the rule version that scored it. */
public record SelfEvaluationSubmitted(String districtCode, String evaluationId, String goalId, GoalScope scope,
                                      String projectId, String unitId, int fiscalYear, BudgetExecutionRow budgetExecution,
                                      List<ScoredIndicator> indicators, BigDecimal totalScore, Grade grade,
                                      String ruleVersion) {
}
