package io.jixiao.events.budget;

import java.time.LocalDate;

/** 付息: interest paid on debt of one type (does not change the balance). */
public record BondInterestPaid(String districtCode, int fiscalYear, DebtType type, long amountFen, LocalDate date) {
}
