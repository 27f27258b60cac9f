package io.jixiao.events.budget;

import java.time.LocalDate;

/** 税收返还/转移支付 received by the district in a year. */
public record TransferReceived(String districtCode, int fiscalYear, TransferKind kind, long amountFen, String docNo,
                               LocalDate date) {
}
