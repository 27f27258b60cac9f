package io.jixiao.events.evaluation;

import java.time.LocalDate;
import java.util.List;

/** 整改进展: the owner unit recorded what it has done so far, with evidence (佐证材料). */
public record RectificationProgressed(String districtCode, String rectificationId, int year, String ownerUnitId,
                                      RectificationSourceKind sourceKind, LocalDate deadline, String progress,
                                      List<String> evidence, LocalDate recordedOn, RectificationStatus status) {
}
