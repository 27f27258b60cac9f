package io.jixiao.events.evaluation;

import java.math.BigDecimal;

/**
 * The 预算执行率 row of a self-evaluation: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分.
 * {@code executionRate}: 全年执行数 ÷ 全年预算数 in percent, two decimals ({@code 100.00}); {@code score}: 分值 ×
 * 执行率 capped at 分值, two decimals (after rescaling when the self-evaluation was rescaled).
 */
public record BudgetExecutionRow(long initialFen, long fullYearFen, long executedFen, BigDecimal weight,
                                 BigDecimal executionRate, BigDecimal score) {
}
