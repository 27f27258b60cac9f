package io.jixiao.events.budget;

import java.time.LocalDate;

/** 支出: money spent from a project's budget. */
public record ExpenditureRecorded(
        String districtCode,
        String projectId,
        long amountFen,
        LocalDate date) {
}
