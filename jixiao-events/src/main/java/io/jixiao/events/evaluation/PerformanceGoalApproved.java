package io.jixiao.events.evaluation;

import java.time.LocalDate;

/** 审核通过: the finance bureau approved the goal; a project's budget may now be appropriated. */
public record PerformanceGoalApproved(String districtCode, String goalId, GoalScope scope, String projectId,
                                      String unitId, int fiscalYear, long amountFen, LocalDate approvedOn) {
}
