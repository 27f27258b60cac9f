package io.jixiao.events.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FundingFiguresTest {
    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);

    private static EntryReversed reversal(MoneyEntryKind kind, long fen) {
        return new EntryReversed("430203", "P1", 2, "evt-2", kind, fen, "录入错误", DAY);
    }

    @Test
    void aReversalTakesItsOriginalOffTheFigureTheOriginalMoved() {
        FundingFigures f = FundingFigures.NONE
                .after(new BudgetAppropriated("430203", "P1", 10_000, FundSource.GENERAL_PUBLIC_BUDGET, null, DAY))
                .after(new FundsCarriedOver("430203", "P1", 500, 2022, DAY))
                .after(new BudgetAdjusted("430203", "P1", -300, AdjustmentBasis.MID_YEAR, "调减", null, DAY, null))
                .after(new ExpenditureRecorded("430203", "P1", 2_000, DAY));
        assertThat(f).isEqualTo(new FundingFigures(10_000, 500, -300, 2_000));
        assertThat(f.after(reversal(MoneyEntryKind.EXPENDITURE, 2_000))).isEqualTo(new FundingFigures(10_000, 500, -300, 0));
        assertThat(f.after(reversal(MoneyEntryKind.ADJUSTMENT, -300))).isEqualTo(new FundingFigures(10_000, 500, 0, 2_000));
        assertThat(f.after(reversal(MoneyEntryKind.CARRY_OVER, 500))).isEqualTo(new FundingFigures(10_000, 0, -300, 2_000));
        assertThat(f.after(reversal(MoneyEntryKind.APPROPRIATION, 10_000)).budget()).isEqualTo(200);
    }

    @Test
    void everyMoneyEventHasItsKindAndOtherEventsNone() {
        assertThat(MoneyEntryKind.of(new ExpenditureRecorded("430203", "P1", 1, DAY))).isEqualTo(MoneyEntryKind.EXPENDITURE);
        assertThat(MoneyEntryKind.of(reversal(MoneyEntryKind.EXPENDITURE, 1))).isNull();
    }
}
