package io.jixiao.events.evaluation;

import java.time.LocalDate;

/**
 * 退回: the finance bureau did not accept the reported rectification and returned it to its unit with a reason; the
 * item is being rectified again (整改中, or 逾期 when it was overdue or its deadline has passed).
 */
public record RectificationReturned(String districtCode, String rectificationId, int year, String ownerUnitId,
                                    RectificationSourceKind sourceKind, LocalDate deadline, String reason,
                                    LocalDate returnedOn, RectificationStatus status) {
}
