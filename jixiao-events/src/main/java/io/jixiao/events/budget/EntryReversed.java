package io.jixiao.events.budget;

import java.time.LocalDate;

/**
 * 红字冲销: a reversing entry for one money entry of a project. The original stays in the history; the figures
 * exclude both (the reversal takes {@code amountFen} off the figure the original moved). An entry is reversed at
 * most once, and a reversal is not itself reversed.
 *
 * @param originalSequence the original event's sequence number in the project's history
 * @param originalEventId  the original event's identifier
 * @param kind             which figure the original moved
 * @param amountFen        the original's amount, as recorded (signed for an adjustment)
 * @param reason           why the original was wrong
 * @param date             the business date of the reversal
 */
public record EntryReversed(
        String districtCode,
        String projectId,
        long originalSequence,
        String originalEventId,
        MoneyEntryKind kind,
        long amountFen,
        String reason,
        LocalDate date) {
}
