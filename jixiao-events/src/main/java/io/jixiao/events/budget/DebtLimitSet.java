package io.jixiao.events.budget;

/** 债务限额: the most the district's debt of one type may stand at in a year. */
public record DebtLimitSet(String districtCode, int fiscalYear, DebtType type, long amountFen) {
}
