package io.jixiao.events.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * 整改完成: the owner unit reported the item done, with evidence; it awaits the finance bureau's sign-off.
 * {@code late}: done after the deadline, or after the item became overdue (the overdue event stays in the history).
 */
public record RectificationCompleted(String districtCode, String rectificationId, int year, String ownerUnitId,
                                     RectificationSourceKind sourceKind, LocalDate deadline, String summary,
                                     List<String> evidence, LocalDate doneOn, boolean late,
                                     RectificationStatus status) {
}
