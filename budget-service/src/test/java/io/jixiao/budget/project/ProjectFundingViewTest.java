package io.jixiao.budget.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.budget.common.BudgetDatabase;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.EntryReversed;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.FundingFigures;
import io.jixiao.events.budget.MoneyEntryKind;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The funding view writes a batch's events (a command's) as one statement per project when the batch commits: the
 * sums and the version are those the events one by one would leave, a later batch adds to the row, and a batch
 * that fails writes nothing. Real PostgreSQL, the service's own migrations.
 */
class ProjectFundingViewTest {
    private static final String D = "430203";
    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);
    private static BudgetDatabase database;
    private static ProjectFundingView view;

    @BeforeAll
    static void database() {
        database = new BudgetDatabase("budget_funding_view");
        view = new ProjectFundingView(database.jdbc());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aCommandsEventsBecomeOneRowWriteAtTheEndOfTheirBatch() {
        Instant at = Instant.parse("2023-03-01T08:00:00Z");
        batch(() -> {
            view.on(new ProjectRegistered(D, "p-1", "u-1", "路灯", ProjectCategory.SPECIAL_FUND, 2023, 1), 0, at);
            view.on(new BudgetAppropriated(D, "p-1", 100_000_00, FundSource.GENERAL_PUBLIC_BUDGET, "区财〔2023〕1号",
                    DAY), 1, at);
            view.on(new BudgetAdjusted(D, "p-1", -5_000_00, AdjustmentBasis.MID_YEAR, "调减", "区财〔2023〕2号", DAY,
                    null), 2, at);
            view.on(new ExpenditureRecorded(D, "p-1", 30_000_12, DAY), 3, at);
            view.on(new ExpenditureRecorded(D, "p-1", 1_000_00, DAY), 4, at.plusSeconds(1));
            assertThat(view.find(D, "p-1")).as("nothing written before the batch is done").isEmpty();
        });
        assertThat(view.find(D, "p-1")).hasValueSatisfying(row -> {
            assertThat(row.figures()).isEqualTo(new FundingFigures(100_000_00, 0, -5_000_00, 31_000_12));
            assertThat(row.version()).isEqualTo(4);
            assertThat(row.updatedAt()).isEqualTo(at.plusSeconds(1));
            assertThat(row.name()).isEqualTo("路灯");
            assertThat(row.previousProjectId()).isNull();
        });

        batch(() -> {   // a later command: linked, an expenditure reversed (红字冲销)
            view.on(new PreviousYearProjectLinked(D, "p-1", "p-0"), 5, at);
            view.on(new EntryReversed(D, "p-1", 4, "e-4", MoneyEntryKind.EXPENDITURE, 1_000_00, "错记", DAY), 6, at);
        });
        assertThat(view.find(D, "p-1")).hasValueSatisfying(row -> {
            assertThat(row.figures()).isEqualTo(new FundingFigures(100_000_00, 0, -5_000_00, 30_000_12));
            assertThat(row.version()).isEqualTo(6);
            assertThat(row.previousProjectId()).isEqualTo("p-0");
        });

        assertThatThrownBy(() -> batch(() -> {
            view.on(new BudgetAppropriated(D, "p-1", 7_00, FundSource.GENERAL_PUBLIC_BUDGET, null, DAY), 7, at);
            throw new IllegalStateException("a later handler of the batch failed");
        })).hasMessageContaining("a later handler");
        assertThat(view.find(D, "p-1").orElseThrow().figures().appropriated()).as("the failed batch wrote nothing")
                .isEqualTo(100_000_00);
    }

    private static void batch(Runnable handlers) {
        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch")).execute(handlers);
    }
}
