package io.jixiao.events.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 逾期: the deadline passed and the item was not done. Recorded once per item by the service itself (actor
 * {@code system:rectification-overdue}) as soon as it sees the deadline passed; {@code overdueAt} is the instant the
 * deadline passed: the first instant after the deadline day ends in Asia/Shanghai.
 */
public record RectificationOverdue(String districtCode, String rectificationId, int year, String ownerUnitId,
                                   RectificationSource source, LocalDate deadline, Instant overdueAt,
                                   RectificationStatus status) {
}
