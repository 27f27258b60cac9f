package io.jixiao.budget.unit;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.budget.common.BudgetDatabase;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BasicBudgetAdjusted;
import io.jixiao.events.budget.BasicBudgetAppropriated;
import io.jixiao.events.budget.BasicExpenditureClass;
import io.jixiao.events.budget.BasicExpenditureRecorded;
import io.jixiao.events.budget.UnitRegistered;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unit view: a registration is written at once (the aggregates ask it whether a unit is known), a unit-year's
 * 基本支出 once per batch of events with the batch's sums, added to what earlier batches wrote. Real PostgreSQL.
 */
class UnitViewTest {
    private static final String D = "430203";
    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);
    private static final Instant AT = Instant.parse("2023-03-01T08:00:00Z");
    private static BudgetDatabase database;
    private static UnitView view;

    @BeforeAll
    static void database() {
        database = new BudgetDatabase("budget_unit_view");
        view = new UnitView(database.jdbc());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aUnitYearsLinesOfOneCommandAreOneWriteAndLaterCommandsAdd() {
        batch(() -> {
            view.on(new UnitRegistered(D, "wjj", "卫健局", false, 40, 38), AT);
            assertThat(view.isRegistered(D, "wjj")).as("known at once, inside the batch").isTrue();
            view.on(new BasicBudgetAppropriated(D, "wjj", 2023, 500_000_00, "区财〔2023〕3号", DAY), 0, AT);
            view.on(new BasicExpenditureRecorded(D, "wjj", 2023, BasicExpenditureClass.PERSONNEL, 120_000_00, DAY), 1,
                    AT);
            view.on(new BasicExpenditureRecorded(D, "wjj", 2023, BasicExpenditureClass.PUBLIC, 30_000_05, DAY), 2, AT);
            view.on(new BasicExpenditureRecorded(D, "wjj", 2023, BasicExpenditureClass.PERSONNEL, 1_000_00, DAY), 3,
                    AT);
            assertThat(view.basic(D, "wjj", 2023)).as("not before the batch is done").isEqualTo(UnitView.BasicRow.NONE);
        });
        assertThat(view.basic(D, "wjj", 2023))
                .isEqualTo(new UnitView.BasicRow(500_000_00, 0, 121_000_00, 30_000_05, 3L));

        batch(() -> view.on(new BasicBudgetAdjusted(D, "wjj", 2023, -20_000_00, AdjustmentBasis.MID_YEAR, "调减", null,
                DAY), 4, AT));
        assertThat(view.basic(D, "wjj", 2023))
                .isEqualTo(new UnitView.BasicRow(500_000_00, -20_000_00, 121_000_00, 30_000_05, 4L));
        assertThat(view.basic(D, "wjj", 2024)).isEqualTo(UnitView.BasicRow.NONE);
    }

    private static void batch(Runnable handlers) {
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch")).execute(handlers);
    }
}
