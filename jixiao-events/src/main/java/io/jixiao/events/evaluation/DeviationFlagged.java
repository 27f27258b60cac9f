package io.jixiao.events.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 偏离绩效目标: execution trails time progress by more than the tolerance, or an indicator is off track.
 * Rates are percentages with two decimals; {@code tolerancePoints} is in percentage points.
 */
public record DeviationFlagged(String districtCode, String deviationId, String observationId, String projectId,
                               LocalDate checkpoint, BigDecimal executionRate, BigDecimal timeProgress,
                               BigDecimal tolerancePoints, String reason) {
}
