package io.jixiao.budget.project;

import io.jixiao.events.Unpublished;
import java.time.LocalDate;

/**
 * budget-service's own event (not published): 恢复支付 — expenditure on the project is recorded again. Caused by a
 * {@code MonitoringDecisionRecorded} of kind RESUME_PAYMENTS ({@code causeEventId}), applied once per cause.
 */
@Unpublished("follows a published MonitoringDecisionRecorded, which consumers already read")
public record PaymentsResumed(String districtCode, String projectId, String decisionId, String reason,
                              LocalDate date, String causeEventId) {
}
