package io.jixiao.events.budget;

import java.time.LocalDate;

/** 基本支出 budget of a unit for a fiscal year (年初预算). */
public record BasicBudgetAppropriated(String districtCode, String unitId, int fiscalYear, long amountFen, String docNo,
                                      LocalDate date) {
}
