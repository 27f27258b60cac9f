package io.jixiao.events.evaluation;

import java.time.LocalDate;

/**
 * 监控结果处理: the finance bureau's decision on a flagged deviation of a project (暂缓支付, 调整, 收回, 恢复支付).
 * budget-service turns it into money exactly once: ADJUST and WITHDRAW into a {@code BudgetAdjusted} of the project
 * (basis MONITORING_DECISION, causeEventId = this event's id); SUSPEND_PAYMENTS stops further expenditure on the
 * project until RESUME_PAYMENTS.
 *
 * @param budgetChangeFen the signed change of the project's budget: as decided for ADJUST, minus the amount withdrawn
 *                        for WITHDRAW, 0 for SUSPEND_PAYMENTS and RESUME_PAYMENTS
 */
public record MonitoringDecisionRecorded(String districtCode, String decisionId, String goalId, String observationId,
                                         String deviationId, String projectId, MonitoringDecisionKind kind,
                                         long budgetChangeFen, String reason, String docNo, LocalDate decidedOn) {
}
