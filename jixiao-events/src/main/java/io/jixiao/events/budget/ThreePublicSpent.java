package io.jixiao.events.budget;

import java.time.LocalDate;

/** 三公经费 spent by a unit in one category and year (adds up). */
public record ThreePublicSpent(String districtCode, String unitId, int fiscalYear, ThreePublicCategory category,
                               long amountFen, LocalDate date) {
}
