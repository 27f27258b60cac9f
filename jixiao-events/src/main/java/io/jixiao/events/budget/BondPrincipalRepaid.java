package io.jixiao.events.budget;

import java.time.LocalDate;

/** 还本: principal repaid on debt of one type. */
public record BondPrincipalRepaid(String districtCode, int fiscalYear, DebtType type, long amountFen, String bondId,
                                  LocalDate date) {
}
