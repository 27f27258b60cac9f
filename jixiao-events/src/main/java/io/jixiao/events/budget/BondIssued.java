package io.jixiao.events.budget;

import java.time.LocalDate;
import java.util.List;

/** 债券发行: a new or refinancing bond of one type, its terms (years) and purpose. */
public record BondIssued(String districtCode, int fiscalYear, String bondId, DebtType type, BondKind kind,
                         long amountFen, List<Integer> termYears, String purpose, String projectId, LocalDate date) {
}
