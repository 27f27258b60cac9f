package io.jixiao.events.budget;

import java.time.LocalDate;

/**
 * 调增/调减: a signed change to a project's budget.
 *
 * @param causeEventId for basis {@code EVALUATION_RESULT}: the id of the {@code EvaluationResultApplied} event; for
 *                     basis {@code MONITORING_DECISION}: the id of the {@code MonitoringDecisionRecorded} event
 */
public record BudgetAdjusted(
        String districtCode,
        String projectId,
        long amountFen,
        AdjustmentBasis basis,
        String reason,
        String docNo,
        LocalDate date,
        String causeEventId) {
}
