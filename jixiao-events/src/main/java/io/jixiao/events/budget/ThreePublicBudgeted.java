package io.jixiao.events.budget;

/** A unit's 三公经费 budget for one category and year (a later one for the same category replaces it). */
public record ThreePublicBudgeted(String districtCode, String unitId, int fiscalYear, ThreePublicCategory category,
                                  long amountFen) {
}
