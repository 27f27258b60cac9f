package io.jixiao.events.evaluation;

import java.time.LocalDate;

/** 销号: the finance bureau accepted the reported rectification; the item is closed. {@code late} as completed. */
public record RectificationSignedOff(String districtCode, String rectificationId, int year, String ownerUnitId,
                                     RectificationSourceKind sourceKind, LocalDate deadline, LocalDate doneOn,
                                     boolean late, String note, LocalDate signedOn, RectificationStatus status) {
}
