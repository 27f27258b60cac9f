package io.jixiao.events.budget;

import java.time.LocalDate;

/** Money spent from a unit's 基本支出 budget, as 人员经费 or 公用经费. */
public record BasicExpenditureRecorded(String districtCode, String unitId, int fiscalYear,
                                       BasicExpenditureClass expenditureClass, long amountFen, LocalDate date) {
}
