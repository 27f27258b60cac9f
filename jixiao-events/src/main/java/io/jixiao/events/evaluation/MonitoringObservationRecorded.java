package io.jixiao.events.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 绩效监控 at a checkpoint: execution rate (spent to date ÷ full-year budget, from budget events) against
 * time progress (months elapsed ÷ 12), and indicator progress. {@code executionRate} and {@code timeProgress} are
 * percentages with two decimals ({@code 35.00}, {@code 66.67}); {@code spentFen} is spending dated up to
 * {@code periodTo}, {@code budgetFen} the full-year budget as known when recorded.
 */
public record MonitoringObservationRecorded(String districtCode, String observationId, String projectId, String goalId,
                                            LocalDate periodFrom, LocalDate periodTo, MonitoringMode mode,
                                            long budgetFen, long spentFen, BigDecimal executionRate,
                                            BigDecimal timeProgress, List<IndicatorProgress> indicators,
                                            LocalDate recordedOn, String ruleVersion) {
}
