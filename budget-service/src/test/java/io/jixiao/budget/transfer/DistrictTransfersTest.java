package io.jixiao.budget.transfer;

import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.transfer.TransferCommands.ReceiveTransfer;
import io.jixiao.events.budget.TransferKind;
import io.jixiao.events.budget.TransferReceived;
import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The DistrictTransfers aggregate's rules. */
class DistrictTransfersTest {
    private static final String KEY = TransferCommands.key("430202", 2022);
    private final AggregateTestFixture<DistrictTransfers> fixture = new AggregateTestFixture<>(DistrictTransfers.class);

    @Test
    void aTransferIsRecordedWithItsKind() {
        LocalDate day = LocalDate.of(2022, 12, 31);
        fixture.givenNoPriorActivity()
                .when(new ReceiveTransfer(KEY, "430202", 2022, TransferKind.GENERAL, 72_179_000_000L, "x", day, null))
                .expectEvents(new TransferReceived("430202", 2022, TransferKind.GENERAL, 72_179_000_000L, "x", day))
                .expectResultMessagePayload(new Recorded(0, false));
    }

    @Test
    void amountsArePositiveAndDatesInTheYear() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveTransfer(KEY, "430202", 2022, TransferKind.GENERAL, 0, null, LocalDate.of(2022, 1, 1), null))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.givenNoPriorActivity()
                .when(new ReceiveTransfer(KEY, "430202", 2022, TransferKind.EARMARKED, 1, null, LocalDate.of(2023, 1, 1), null))
                .expectNoEvents().expectExceptionMessage("date 2023-01-01 is outside fiscal year 2022");
    }
}
