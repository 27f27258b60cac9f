package io.jixiao.events.budget;

/** The district's debt balance of one type at the start of a year (carried from the year before). */
public record DebtBalanceOpened(String districtCode, int fiscalYear, DebtType type, long amountFen) {
}
