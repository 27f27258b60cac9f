package io.jixiao.events.budget;

import java.time.LocalDate;

/** 结转: unspent money of an earlier year carried into this project's budget. */
public record FundsCarriedOver(
        String districtCode,
        String projectId,
        long amountFen,
        int fromYear,
        LocalDate date) {
}
