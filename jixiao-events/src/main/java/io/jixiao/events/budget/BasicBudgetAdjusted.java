package io.jixiao.events.budget;

import java.time.LocalDate;

/** A signed change to a unit's 基本支出 budget. */
public record BasicBudgetAdjusted(String districtCode, String unitId, int fiscalYear, long amountFen,
                                  AdjustmentBasis basis, String reason, String docNo, LocalDate date) {
}
