package io.jixiao.events.evaluation;

import io.jixiao.events.ContactDetails;
import java.math.BigDecimal;
import java.util.List;

/**
 * 绩效目标 declared for a project (scope PROJECT) or a unit's overall spending (UNIT_OVERALL).
 * {@code declaredProjectSpendingFen}: for a unit's overall goal, the project spending its table states.
 * {@code contacts}: the form's 填报人, 联系人, 联系电话, sealed; null when the form names none.
 */
public record PerformanceGoalDeclared(String districtCode, String goalId, GoalScope scope, String projectId,
                                      String unitId, int fiscalYear, long amountFen, List<Indicator> indicators,
                                      BigDecimal budgetExecutionWeight, Long declaredProjectSpendingFen,
                                      String ruleVersion, ContactDetails contacts) {

    public PerformanceGoalDeclared(String districtCode, String goalId, GoalScope scope, String projectId, String unitId,
                                   int fiscalYear, long amountFen, List<Indicator> indicators,
                                   BigDecimal budgetExecutionWeight, Long declaredProjectSpendingFen,
                                   String ruleVersion) {
        this(districtCode, goalId, scope, projectId, unitId, fiscalYear, amountFen, indicators, budgetExecutionWeight,
                declaredProjectSpendingFen, ruleVersion, null);
    }
}
