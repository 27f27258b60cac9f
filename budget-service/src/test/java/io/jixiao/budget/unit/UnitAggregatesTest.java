package io.jixiao.budget.unit;

import io.jixiao.budget.common.KnownUnits;
import io.jixiao.budget.common.CommandLine;
import io.jixiao.budget.common.LineOutcome;
import io.jixiao.budget.common.LineOutcomeMatchers;
import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.unit.UnitCommands.AdjustBasicBudget;
import io.jixiao.budget.unit.UnitCommands.AppropriateBasicBudget;
import io.jixiao.budget.unit.UnitCommands.RecordBasicExpenditure;
import io.jixiao.budget.unit.UnitCommands.RecordUnitYearLines;
import io.jixiao.budget.unit.UnitCommands.RegisterUnit;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BasicBudgetAdjusted;
import io.jixiao.events.budget.BasicBudgetAppropriated;
import io.jixiao.events.budget.BasicExpenditureClass;
import io.jixiao.events.budget.BasicExpenditureRecorded;
import io.jixiao.events.budget.UnitRegistered;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Unit and UnitBudget aggregates' rules on Axon's fixture (lusong-2023's 财政局 figures). */
class UnitAggregatesTest {
    private static final String UNIT_KEY = UnitCommands.unitKey("430203", "czj");
    private static final String YEAR_KEY = UnitCommands.unitYearKey("430203", "czj", 2023);
    private static final LocalDate DAY = LocalDate.of(2023, 1, 20);
    private static final UnitRegistered REGISTERED = new UnitRegistered("430203", "czj", "株洲市芦淞区财政局", false, 37, 36);
    private static final BasicBudgetAppropriated BASIC = new BasicBudgetAppropriated("430203", "czj", 2023,
            614_030_000L, null, DAY);

    private AggregateTestFixture<Unit> units;
    private AggregateTestFixture<UnitBudget> budgets;

    @BeforeEach
    void setUp() {
        units = new AggregateTestFixture<>(Unit.class);
        budgets = new AggregateTestFixture<>(UnitBudget.class);
        KnownUnits known = (district, unitId) -> district.equals("430203") && unitId.equals("czj");
        budgets.registerInjectableResource(known);
    }

    @Test
    void aUnitRegistersOnceSameAgainIsANoOpOtherDetailsAConflict() {
        RegisterUnit register = new RegisterUnit(UNIT_KEY, "430203", "czj", "株洲市芦淞区财政局", false, 37, 36);
        units.givenNoPriorActivity().when(register).expectEvents(REGISTERED).expectResultMessagePayload(true);
        units.given(REGISTERED).when(register).expectNoEvents().expectResultMessagePayload(false);
        units.given(REGISTERED).when(new RegisterUnit(UNIT_KEY, "430203", "czj", "财政局", false, 37, 36))
                .expectNoEvents().expectException(Conflict.class);
        units.givenNoPriorActivity().when(new RegisterUnit(UNIT_KEY, "430203", "czj", "x", false, -1, 0))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void basicBudgetIsAppropriatedAdjustedAndSpentByClass() {
        budgets.givenNoPriorActivity()
                .when(new AppropriateBasicBudget(YEAR_KEY, "430203", "czj", 2023, 614_030_000L, null, DAY, null))
                .expectEvents(BASIC).expectResultMessagePayload(new Recorded(0, false));
        BasicBudgetAdjusted added = new BasicBudgetAdjusted("430203", "czj", 2023, 107_470_000L,
                AdjustmentBasis.MID_YEAR, "年中追加基本支出", null, LocalDate.of(2023, 6, 30));
        budgets.given(BASIC)
                .when(new AdjustBasicBudget(YEAR_KEY, "430203", "czj", 2023, 107_470_000L, AdjustmentBasis.MID_YEAR,
                        "年中追加基本支出", null, LocalDate.of(2023, 6, 30), null))
                .expectEvents(added);
        budgets.given(BASIC, added)
                .when(new RecordBasicExpenditure(YEAR_KEY, "430203", "czj", 2023, BasicExpenditureClass.PERSONNEL,
                        620_030_000L, LocalDate.of(2023, 12, 31), null))
                .expectEvents(new BasicExpenditureRecorded("430203", "czj", 2023, BasicExpenditureClass.PERSONNEL,
                        620_030_000L, LocalDate.of(2023, 12, 31)));
    }

    @Test
    void aUnitYearsLinesAreOneUnitOfWorkEachLineAnsweredOnItsOwnAndReplayedWhenSentAgain() {
        AppropriateBasicBudget appropriate = new AppropriateBasicBudget(YEAR_KEY, "430203", "czj", 2023, 614_030_000L,
                null, DAY, null);
        RecordBasicExpenditure tooMuch = new RecordBasicExpenditure(YEAR_KEY, "430203", "czj", 2023,
                BasicExpenditureClass.PERSONNEL, 700_000_000L, LocalDate.of(2023, 12, 31), null);
        RecordBasicExpenditure spend = new RecordBasicExpenditure(YEAR_KEY, "430203", "czj", 2023,
                BasicExpenditureClass.PERSONNEL, 600_000_000L, LocalDate.of(2023, 12, 31), null);
        RecordUnitYearLines lines = new RecordUnitYearLines(YEAR_KEY, List.of(line(appropriate, "line-1"),
                line(tooMuch, "line-2"), line(spend, "line-3")));
        budgets.givenNoPriorActivity().when(lines)
                .expectEvents(BASIC, new BasicExpenditureRecorded("430203", "czj", 2023,
                        BasicExpenditureClass.PERSONNEL, 600_000_000L, LocalDate.of(2023, 12, 31)))
                .expectResultMessagePayloadMatching(LineOutcomeMatchers.outcomes("appropriated at 0, SPENDING_ABOVE_AVAILABLE, spent at 1", outcomes ->
                        outcomes.size() == 3 && new Recorded(0, false).equals(outcomes.get(0).recorded())
                                && outcomes.get(1).refusal() instanceof RuleViolation v
                                && v.rule().equals("SPENDING_ABOVE_AVAILABLE")
                                && new Recorded(1, false).equals(outcomes.get(2).recorded())));
        budgets.given(stored(0, BASIC, appropriate, "line-1"))
                .when(new RecordUnitYearLines(YEAR_KEY, List.of(line(appropriate, "line-1"))))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(new LineOutcome(new Recorded(0, true), null)));
    }

    @Test
    void aNewUnitYearNoneOfWhoseLinesIsRecordedIsNotStored() {
        String otherKey = UnitCommands.unitYearKey("430203", "nobody", 2023);
        AppropriateBasicBudget appropriate = new AppropriateBasicBudget(otherKey, "430203", "nobody", 2023, 100L,
                null, DAY, null);
        budgets.givenNoPriorActivity()
                .when(new RecordUnitYearLines(otherKey, List.of(line(appropriate, "line-1"), line(appropriate, "line-2"))))
                .expectNoEvents()
                .expectException(LineOutcomeMatchers.nothingRecorded("UNKNOWN_UNIT twice", outcomes ->
                        outcomes.size() == 2 && outcomes.stream().allMatch(o ->
                                o.refusal() instanceof RuleViolation v && v.rule().equals("UNKNOWN_UNIT"))));
    }

    private static CommandLine line(Object command, String requestId) {
        return new CommandLine(command, requestId, CommandSender.fingerprint(command));
    }

    private static GenericDomainEventMessage<?> stored(long sequence, Object payload, Object command, String requestId) {
        return new GenericDomainEventMessage<>("UnitBudget", YEAR_KEY, sequence, payload, MetaData.from(Map.of(
                EventMetadata.REQUEST_ID, requestId, CommandSender.REQUEST_FINGERPRINT,
                CommandSender.fingerprint(command))));
    }

    @Test
    void basicSpendingAboveTheAvailableBudgetIsRefused() {
        budgets.given(BASIC, new BasicExpenditureRecorded("430203", "czj", 2023, BasicExpenditureClass.PUBLIC,
                        614_000_000L, DAY))
                .when(new RecordBasicExpenditure(YEAR_KEY, "430203", "czj", 2023, BasicExpenditureClass.PUBLIC,
                        30_001L, DAY, null))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("spending 300.01 yuan exceeds the 300.00 yuan of basic budget available");
    }

    @Test
    void theBasicBudgetCannotGoBelowWhatWasSpent() {
        budgets.given(BASIC, new BasicExpenditureRecorded("430203", "czj", 2023, BasicExpenditureClass.PUBLIC,
                        614_000_000L, DAY))
                .when(new AdjustBasicBudget(YEAR_KEY, "430203", "czj", 2023, -30_001L, AdjustmentBasis.MID_YEAR, "调减",
                        null, DAY, null))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("the basic budget would become 6139999.99 yuan, below the 6140000.00 yuan "
                        + "already spent");
    }

    @Test
    void anUnknownUnitNegativeAmountsAndDatesOutsideTheYearAreRefused() {
        AggregateTestFixture<UnitBudget> other = new AggregateTestFixture<>(UnitBudget.class);
        other.registerInjectableResource((KnownUnits) (district, unitId) -> false);
        other.givenNoPriorActivity()
                .when(new AppropriateBasicBudget(UnitCommands.unitYearKey("430203", "nope", 2023), "430203", "nope",
                        2023, 100, null, DAY, null))
                .expectNoEvents().expectExceptionMessage("no unit 'nope' is registered in district 430203");
        budgets.givenNoPriorActivity()
                .when(new AppropriateBasicBudget(YEAR_KEY, "430203", "czj", 2023, -100, null, DAY, null))
                .expectNoEvents().expectException(RuleViolation.class);
        budgets.given(BASIC)
                .when(new RecordBasicExpenditure(YEAR_KEY, "430203", "czj", 2023, BasicExpenditureClass.PUBLIC, 100,
                        LocalDate.of(2024, 1, 2), null))
                .expectNoEvents().expectExceptionMessage("date 2024-01-02 is outside fiscal year 2023");
    }

    @Test
    void aRetriedRequestRecordsNothingNew() {
        Map<String, String> request = Map.of(EventMetadata.REQUEST_ID, "k-1", CommandSender.REQUEST_FINGERPRINT, "fp");
        budgets.givenNoPriorActivity()
                .andGiven(List.of(new GenericDomainEventMessage<>("UnitBudget", YEAR_KEY, 0, BASIC, MetaData.from(request))))
                .when(new AppropriateBasicBudget(YEAR_KEY, "430203", "czj", 2023, 614_030_000L, null, DAY, null), request)
                .expectNoEvents().expectResultMessagePayload(new Recorded(0, true));
    }
}
