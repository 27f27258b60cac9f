package io.jixiao.events.evaluation;

import java.math.BigDecimal;

/** The 预算执行率 row of a self-evaluation: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
public record BudgetExecutionRow(long initialFen, long fullYearFen, long executedFen, BigDecimal weight,
                                 BigDecimal executionRate, BigDecimal score) {
}
