package io.jixiao.budget.project;

import io.jixiao.events.Unpublished;
import java.time.LocalDate;

/**
 * budget-service's own event (not published): 暂缓支付 — no expenditure is recorded on the project until
 * {@link PaymentsResumed}. Caused by a {@code MonitoringDecisionRecorded} of kind SUSPEND_PAYMENTS
 * ({@code causeEventId}), applied once per cause.
 */
@Unpublished("follows a published MonitoringDecisionRecorded, which consumers already read")
public record PaymentsSuspended(String districtCode, String projectId, String decisionId, String reason,
                                LocalDate date, String causeEventId) {
}
