package io.jixiao.budget.threepublic;

import io.jixiao.budget.common.KnownUnits;
import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.threepublic.ThreePublicCommands.BudgetThreePublic;
import io.jixiao.budget.threepublic.ThreePublicCommands.RecordThreePublicSpending;
import io.jixiao.events.budget.ThreePublicBudgeted;
import io.jixiao.events.budget.ThreePublicCategory;
import io.jixiao.events.budget.ThreePublicSpent;
import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ThreePublicBudget aggregate's rules (hetang-2022's 公务用车 line). */
class ThreePublicBudgetTest {
    private static final String KEY = ThreePublicCommands.key("430202", "qj", 2022);
    private static final ThreePublicBudgeted BUDGETED = new ThreePublicBudgeted("430202", "qj", 2022,
            ThreePublicCategory.VEHICLE_OPERATION, 135_000_000L);
    private AggregateTestFixture<ThreePublicBudget> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ThreePublicBudget.class);
        KnownUnits known = (district, unitId) -> unitId.equals("qj");
        fixture.registerInjectableResource(known);
    }

    @Test
    void aBudgetLineIsSetAndTheSameAmountAgainRecordsNothing() {
        BudgetThreePublic budget = new BudgetThreePublic(KEY, "430202", "qj", 2022, ThreePublicCategory.VEHICLE_OPERATION,
                135_000_000L, null);
        fixture.givenNoPriorActivity().when(budget).expectEvents(BUDGETED).expectResultMessagePayload(new Recorded(0, false));
        fixture.given(BUDGETED).when(budget).expectNoEvents().expectResultMessagePayload(new Recorded(0, true));
        fixture.given(BUDGETED)
                .when(new BudgetThreePublic(KEY, "430202", "qj", 2022, ThreePublicCategory.VEHICLE_OPERATION, 0L, null))
                .expectEvents(new ThreePublicBudgeted("430202", "qj", 2022, ThreePublicCategory.VEHICLE_OPERATION, 0L));
    }

    @Test
    void spendingAddsUpAndIsNeverNegative() {
        LocalDate day = LocalDate.of(2022, 12, 31);
        fixture.given(BUDGETED)
                .when(new RecordThreePublicSpending(KEY, "430202", "qj", 2022, ThreePublicCategory.VEHICLE_OPERATION,
                        111_000_000L, day, null))
                .expectEvents(new ThreePublicSpent("430202", "qj", 2022, ThreePublicCategory.VEHICLE_OPERATION,
                        111_000_000L, day));
        fixture.given(BUDGETED)
                .when(new RecordThreePublicSpending(KEY, "430202", "qj", 2022, ThreePublicCategory.VEHICLE_OPERATION,
                        -1L, day, null))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void anUnknownUnitIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new BudgetThreePublic(ThreePublicCommands.key("430202", "x", 2022), "430202", "x", 2022,
                        ThreePublicCategory.OFFICIAL_RECEPTION, 1L, null))
                .expectNoEvents().expectExceptionMessage("no unit 'x' is registered in district 430202");
    }
}
