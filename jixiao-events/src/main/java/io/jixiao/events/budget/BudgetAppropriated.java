package io.jixiao.events.budget;

import java.time.LocalDate;

/** 年初预算: money appropriated to a project at the start of its fiscal year. */
public record BudgetAppropriated(
        String districtCode,
        String projectId,
        long amountFen,
        FundSource fundSource,
        String docNo,
        LocalDate date) {
}
