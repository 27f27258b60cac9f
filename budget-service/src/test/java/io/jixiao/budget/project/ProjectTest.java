package io.jixiao.budget.project;

import io.jixiao.budget.project.ProjectCommands.ReverseEntry;
import io.jixiao.budget.project.ProjectCommands.SetPaymentsSuspended;
import io.jixiao.events.budget.MoneyEntryKind;
import io.jixiao.events.budget.EntryReversed;
import io.jixiao.events.budget.FundingFigures;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.budget.common.KnownUnits;
import io.jixiao.budget.common.CommandLine;
import io.jixiao.budget.common.LineOutcome;
import io.jixiao.budget.common.LineOutcomeMatchers;
import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.project.ProjectCommands.AdjustBudget;
import io.jixiao.budget.project.ProjectCommands.AppropriateBudget;
import io.jixiao.budget.project.ProjectCommands.CarryOverFunds;
import io.jixiao.budget.project.ProjectCommands.RecordExpenditure;
import io.jixiao.budget.project.ProjectCommands.RecordProjectLines;
import io.jixiao.budget.project.ProjectCommands.RegisterProject;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Project aggregate's rules, on Axon's given/when/then fixture. */
class ProjectTest {
    private static final String KEY = ProjectCommands.projectKey("430203", "P1");
    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);
    private static final ProjectRegistered REGISTERED = new ProjectRegistered("430203", "P1", "czj", "财政信息化建设",
            ProjectCategory.SPECIAL_FUND, 2023, 1);
    private static final BudgetAppropriated APPROPRIATED = new BudgetAppropriated("430203", "P1", 55_000_000,
            FundSource.GENERAL_PUBLIC_BUDGET, "渌财通【2023】22号", DAY);

    private AggregateTestFixture<Project> fixture;
    /** Units registered in 430203 (KnownUnits is resolved as a command-handler parameter). */
    private final Set<String> units = new HashSet<>(Set.of("czj"));
    private final StubGoals goals = new StubGoals();

    /** A GoalRegister whose answers the test sets. */
    static final class StubGoals implements GoalRegister {
        boolean required = true;
        final Set<String> approved = new HashSet<>();

        @Override
        public boolean goalRequired(String districtCode) {
            return required;
        }

        @Override
        public boolean hasApprovedGoal(String districtCode, String projectId, int fiscalYear) {
            return approved.contains(districtCode + ":" + projectId + ":" + fiscalYear);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
        KnownUnits known = (district, unitId) -> district.equals("430203") && units.contains(unitId);
        fixture.registerInjectableResource(known);
        fixture.registerInjectableResource(goals);
        goals.approved.add("430203:P1:2023");
    }

    @Test
    void registersOnceAndRepeatingTheSameRegistrationIsANoOp() {
        RegisterProject register = new RegisterProject(KEY, "430203", "P1", "czj", "财政信息化建设",
                ProjectCategory.SPECIAL_FUND, 2023, 1, null);
        fixture.givenNoPriorActivity().when(register).expectEvents(REGISTERED).expectResultMessagePayload(true);
        fixture.given(REGISTERED).when(register).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void registeringTheSameIdWithOtherDetailsIsAConflict() {
        fixture.given(REGISTERED)
                .when(new RegisterProject(KEY, "430203", "P1", "czj", "另一个名字", ProjectCategory.SPECIAL_FUND, 2023, 1,
                        null))
                .expectException(Conflict.class).expectNoEvents();
    }

    @Test
    void appropriatesAdjustsAndSpends() {
        fixture.given(REGISTERED, APPROPRIATED)
                .when(new AdjustBudget(KEY, -10_010_000, AdjustmentBasis.MID_YEAR, "年中调减", null, DAY, null, null))
                .expectEvents(new BudgetAdjusted("430203", "P1", -10_010_000, AdjustmentBasis.MID_YEAR, "年中调减", null,
                        DAY, null))
                .expectResultMessagePayload(new Recorded(2, false));
        fixture.given(REGISTERED, APPROPRIATED)
                .when(new RecordExpenditure(KEY, 55_000_000, DAY, null))
                .expectEvents(new ExpenditureRecorded("430203", "P1", 55_000_000, DAY));
    }

    @Test
    void spendingAboveTheAvailableBudgetIsRefused() {
        fixture.given(REGISTERED, APPROPRIATED, new ExpenditureRecorded("430203", "P1", 50_000_000, DAY))
                .when(new RecordExpenditure(KEY, 5_000_001, DAY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("spending 50000.01 yuan exceeds the 50000.00 yuan available");
    }

    @Test
    void theBudgetCannotGoBelowWhatWasSpent() {
        fixture.given(REGISTERED, APPROPRIATED, new ExpenditureRecorded("430203", "P1", 30_000_000, DAY))
                .when(new AdjustBudget(KEY, -25_000_001, AdjustmentBasis.MID_YEAR, "调减", null, DAY, null, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the budget would become 299999.99 yuan, below the 300000.00 yuan already spent");
    }

    @Test
    void amountsMustBePositiveAndDatesInTheFiscalYear() {
        fixture.given(REGISTERED).when(new AppropriateBudget(KEY, 0, FundSource.GENERAL_PUBLIC_BUDGET, null, DAY, null))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(REGISTERED, APPROPRIATED)
                .when(new RecordExpenditure(KEY, 100, LocalDate.of(2024, 1, 1), null))
                .expectNoEvents().expectExceptionMessage("date 2024-01-01 is outside fiscal year 2023");
        fixture.given(REGISTERED).when(new CarryOverFunds(KEY, 100, 2023, DAY, null))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void aRetriedRequestIsAnsweredWithoutASecondEvent() {
        Map<String, String> request = Map.of(EventMetadata.REQUEST_ID, "key-1", CommandSender.REQUEST_FINGERPRINT, "fp-1");
        GenericDomainEventMessage<BudgetAppropriated> earlier = new GenericDomainEventMessage<>("Project", KEY, 1,
                APPROPRIATED, MetaData.from(request));
        fixture.given(REGISTERED).andGiven(java.util.List.of(earlier))
                .when(new AppropriateBudget(KEY, 55_000_000, FundSource.GENERAL_PUBLIC_BUDGET, "渌财通【2023】22号", DAY,
                        null), request)
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(1, true));
    }

    @Test
    void aRequestIdReusedForAnotherBodyIsAConflict() {
        GenericDomainEventMessage<BudgetAppropriated> earlier = new GenericDomainEventMessage<>("Project", KEY, 1,
                APPROPRIATED, MetaData.from(Map.of(EventMetadata.REQUEST_ID, "key-1",
                CommandSender.REQUEST_FINGERPRINT, "fp-1")));
        fixture.given(REGISTERED).andGiven(java.util.List.of(earlier))
                .when(new RecordExpenditure(KEY, 100, DAY, null),
                        Map.of(EventMetadata.REQUEST_ID, "key-1", CommandSender.REQUEST_FINGERPRINT, "fp-2"))
                .expectNoEvents()
                .expectException(Conflict.class);
    }

    @Test
    void fundingFiguresFoldEveryMoneyEvent() {
        FundingFigures f = FundingFigures.NONE.after(APPROPRIATED)
                .after(new BudgetAdjusted("430203", "P1", -10_010_000, AdjustmentBasis.MID_YEAR, "r", null, DAY, null))
                .after(new ExpenditureRecorded("430203", "P1", 30_000_000, DAY));
        assertThat(f.budget()).isEqualTo(44_990_000);
        assertThat(f.available()).isEqualTo(14_990_000);
    }

    @Test
    void aProjectOfAnUnknownUnitIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProject(KEY, "430203", "P1", "nope", "财政信息化建设", ProjectCategory.SPECIAL_FUND,
                        2023, 1, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no unit 'nope' is registered in district 430203");
    }

    @Test
    void aProjectMayContinueLastYearsProjectAndTheLinkCanBeAddedLater() {
        RegisterProject linked = new RegisterProject(KEY, "430203", "P1", "czj", "财政信息化建设",
                ProjectCategory.SPECIAL_FUND, 2023, 1, "P0");
        fixture.givenNoPriorActivity().when(linked)
                .expectEvents(REGISTERED, new PreviousYearProjectLinked("430203", "P1", "P0"));
        fixture.given(REGISTERED).when(linked)
                .expectEvents(new PreviousYearProjectLinked("430203", "P1", "P0")).expectResultMessagePayload(true);
        fixture.given(REGISTERED, new PreviousYearProjectLinked("430203", "P1", "P0")).when(linked)
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(REGISTERED, new PreviousYearProjectLinked("430203", "P1", "P0"))
                .when(new RegisterProject(KEY, "430203", "P1", "czj", "财政信息化建设", ProjectCategory.SPECIAL_FUND, 2023,
                        1, "PX"))
                .expectNoEvents().expectException(Conflict.class);
    }

    @Test
    void anAppropriationNeedsAnApprovedGoalWhereTheDistrictRequiresOne() {
        goals.approved.clear();
        fixture.given(REGISTERED)
                .when(new AppropriateBudget(KEY, 55_000_000, FundSource.GENERAL_PUBLIC_BUDGET, null, DAY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("project 'P1' has no approved performance goal for 2023 (绩效目标是预算安排的前置条件)");
        goals.required = false;
        fixture.given(REGISTERED)
                .when(new AppropriateBudget(KEY, 55_000_000, FundSource.GENERAL_PUBLIC_BUDGET, null, DAY, null))
                .expectEvents(new BudgetAppropriated("430203", "P1", 55_000_000, FundSource.GENERAL_PUBLIC_BUDGET, null,
                        DAY));
    }

    @Test
    void oneEvaluationResultAdjustsTheBudgetOnlyOnce() {
        AdjustBudget cut = new AdjustBudget(KEY, -5_500_000, AdjustmentBasis.EVALUATION_RESULT, "评价结果应用：中，减少安排",
                null, DAY, "evt-1", null);
        BudgetAdjusted applied = new BudgetAdjusted("430203", "P1", -5_500_000, AdjustmentBasis.EVALUATION_RESULT,
                "评价结果应用：中，减少安排", null, DAY, "evt-1");
        fixture.given(REGISTERED, APPROPRIATED).when(cut).expectEvents(applied)
                .expectResultMessagePayload(new Recorded(2, false));
        fixture.given(REGISTERED, APPROPRIATED, applied).when(cut).expectNoEvents()
                .expectResultMessagePayload(new Recorded(2, true));
        // another amount for the same cause is refused the same way: the first one stands
        fixture.given(REGISTERED, APPROPRIATED, applied)
                .when(new AdjustBudget(KEY, -1, AdjustmentBasis.EVALUATION_RESULT, "x", null, DAY, "evt-1", null))
                .expectNoEvents().expectResultMessagePayload(new Recorded(2, true));
    }

    @Test
    void suspendedPaymentsRefuseExpenditureUntilResumedAndEachDecisionAppliesOnce() {
        SetPaymentsSuspended suspend = new SetPaymentsSuspended(KEY, true, "d-1", "监控结果处理：暂缓支付", DAY, "evt-s");
        PaymentsSuspended suspended = new PaymentsSuspended("430203", "P1", "d-1", "监控结果处理：暂缓支付", DAY, "evt-s");
        fixture.given(REGISTERED, APPROPRIATED).when(suspend).expectEvents(suspended)
                .expectResultMessagePayload(new Recorded(2, false));
        fixture.given(REGISTERED, APPROPRIATED, suspended).when(suspend).expectNoEvents()
                .expectResultMessagePayload(new Recorded(2, true));
        fixture.given(REGISTERED, APPROPRIATED, suspended).when(new RecordExpenditure(KEY, 100, DAY, null))
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(
                        "the finance bureau suspended payments of project 'P1' (暂缓支付) after a monitoring deviation; "
                                + "no expenditure is recorded until payments are resumed (恢复支付)");
        PaymentsResumed resumed = new PaymentsResumed("430203", "P1", "d-2", "监控结果处理：恢复支付", DAY, "evt-r");
        fixture.given(REGISTERED, APPROPRIATED, suspended)
                .when(new SetPaymentsSuspended(KEY, false, "d-2", "监控结果处理：恢复支付", DAY, "evt-r"))
                .expectEvents(resumed);
        fixture.given(REGISTERED, APPROPRIATED, suspended, resumed).when(new RecordExpenditure(KEY, 100, DAY, null))
                .expectEvents(new ExpenditureRecorded("430203", "P1", 100, DAY));
    }

    @Test
    void aMonitoringWithdrawalIsANegativeAdjustmentAppliedOnceAndNeverBelowWhatWasSpent() {
        AdjustBudget withdraw = new AdjustBudget(KEY, -20_000_000, AdjustmentBasis.MONITORING_DECISION,
                "监控结果处理：收回", "渌财绩〔2023〕12号", DAY, "evt-w", null);
        BudgetAdjusted withdrawn = new BudgetAdjusted("430203", "P1", -20_000_000, AdjustmentBasis.MONITORING_DECISION,
                "监控结果处理：收回", "渌财绩〔2023〕12号", DAY, "evt-w");
        fixture.given(REGISTERED, APPROPRIATED).when(withdraw).expectEvents(withdrawn);
        fixture.given(REGISTERED, APPROPRIATED, withdrawn).when(withdraw).expectNoEvents()
                .expectResultMessagePayload(new Recorded(2, true));
        fixture.given(REGISTERED, APPROPRIATED, new ExpenditureRecorded("430203", "P1", 40_000_000, DAY))
                .when(withdraw).expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void carryOverMustComeFromAnEarlierYearAndAdjustmentsMustChangeSomething() {
        fixture.given(REGISTERED).when(new CarryOverFunds(KEY, 100, 2022, DAY, null))
                .expectEvents(new FundsCarriedOver("430203", "P1", 100, 2022, DAY));
        fixture.given(REGISTERED, APPROPRIATED)
                .when(new AdjustBudget(KEY, 0, AdjustmentBasis.MID_YEAR, "r", null, DAY, null, null))
                .expectNoEvents().expectExceptionMessage("an adjustment must change the budget");
    }

    @Test
    void bulkLinesOfOneProjectAreCheckedOneByOneAgainstTheFiguresTheLinesBeforeThemLeft() {
        RecordExpenditure sixty = new RecordExpenditure(KEY, 6_000, DAY, null);
        RecordExpenditure forty = new RecordExpenditure(KEY, 4_000, DAY, null);
        BudgetAppropriated hundred = new BudgetAppropriated("430203", "P1", 10_000, FundSource.GENERAL_PUBLIC_BUDGET,
                null, DAY);
        RecordProjectLines lines = new RecordProjectLines(KEY, List.of(line(sixty, "line-1"), line(sixty, "line-2"), line(forty, "line-3")));

        fixture.given(REGISTERED, hundred).when(lines)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        spentWithRequest(6_000, "line-1"), spentWithRequest(4_000, "line-3"),
                        org.axonframework.test.matchers.Matchers.andNoMore()))
                .expectResultMessagePayloadMatching(LineOutcomeMatchers.outcomes("applied, refused SPENDING_ABOVE_AVAILABLE, applied", outcomes ->
                        outcomes.size() == 3
                                && new Recorded(2, false).equals(outcomes.get(0).recorded())
                                && outcomes.get(1).refusal() instanceof RuleViolation v
                                && v.rule().equals("SPENDING_ABOVE_AVAILABLE")
                                && new Recorded(3, false).equals(outcomes.get(2).recorded())));
    }

    @Test
    void aBulkLineAlreadyRecordedIsReplayedAndOneReusingItsIdForOtherContentIsRefused() {
        RecordExpenditure spend = new RecordExpenditure(KEY, 6_000, DAY, null);
        GenericDomainEventMessage<ExpenditureRecorded> earlier = new GenericDomainEventMessage<>("Project", KEY, 2,
                new ExpenditureRecorded("430203", "P1", 6_000, DAY), MetaData.from(Map.of(EventMetadata.REQUEST_ID,
                "line-1", CommandSender.REQUEST_FINGERPRINT, CommandSender.fingerprint(spend))));
        RecordExpenditure otherContent = new RecordExpenditure(KEY, 7_000, DAY, null);

        fixture.given(REGISTERED, APPROPRIATED).andGiven(earlier)
                .when(new RecordProjectLines(KEY, List.of(line(spend, "line-1"), line(otherContent, "line-1"))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(LineOutcomeMatchers.outcomes("replayed at 2, then a conflict", outcomes ->
                        outcomes.size() == 2 && new Recorded(2, true).equals(outcomes.get(0).recorded())
                                && outcomes.get(1).refusal() instanceof Conflict));
    }

    @Test
    void aProjectsRegistrationAndItsMoneyLinesAreOneUnitOfWorkEachLineAnsweredOnItsOwn() {
        RegisterProject register = new RegisterProject(KEY, "430203", "P1", "czj", "财政信息化建设",
                ProjectCategory.SPECIAL_FUND, 2023, 1, null);
        AppropriateBudget appropriate = new AppropriateBudget(KEY, 55_000_000, FundSource.GENERAL_PUBLIC_BUDGET,
                "渌财通【2023】22号", DAY, null);
        RecordExpenditure tooMuch = new RecordExpenditure(KEY, 60_000_000, DAY, null);
        RecordExpenditure spend = new RecordExpenditure(KEY, 1_000_000, DAY, null);
        RecordProjectLines lines = new RecordProjectLines(KEY, List.of(line(register, "line-1"),
                line(appropriate, "line-2"), line(tooMuch, "line-3"), line(spend, "line-4")));

        fixture.givenNoPriorActivity().when(lines)
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        withRequest(ProjectRegistered.class, "line-1"), withRequest(BudgetAppropriated.class, "line-2"),
                        withRequest(ExpenditureRecorded.class, "line-4"),
                        org.axonframework.test.matchers.Matchers.andNoMore()))
                .expectResultMessagePayloadMatching(LineOutcomeMatchers.outcomes("registered at 0, appropriated at 1, SPENDING_ABOVE_AVAILABLE, spent at 2", outcomes ->
                        outcomes.size() == 4
                                && new Recorded(0, false).equals(outcomes.get(0).recorded())
                                && new Recorded(1, false).equals(outcomes.get(1).recorded())
                                && outcomes.get(2).refusal() instanceof RuleViolation v
                                && v.rule().equals("SPENDING_ABOVE_AVAILABLE")
                                && new Recorded(2, false).equals(outcomes.get(3).recorded())));
        // the same file again: the registration is a no-op, the money lines replays
        GenericDomainEventMessage<BudgetAppropriated> appropriated = new GenericDomainEventMessage<>("Project", KEY, 1,
                APPROPRIATED, MetaData.from(Map.of(EventMetadata.REQUEST_ID, "line-2",
                CommandSender.REQUEST_FINGERPRINT, CommandSender.fingerprint(appropriate))));
        fixture.given(REGISTERED).andGiven(appropriated)
                .when(new RecordProjectLines(KEY, List.of(line(register, "line-1"), line(appropriate, "line-2"))))
                .expectNoEvents()
                .expectResultMessagePayload(List.of(new LineOutcome(new Recorded(1, true), null),
                        new LineOutcome(new Recorded(1, true), null)));
    }

    @Test
    void aNewProjectNoneOfWhoseLinesIsRecordedIsNotStoredAndEachLineSaysWhy() {
        RegisterProject unknownUnit = new RegisterProject(KEY, "430203", "P1", "nobody", "财政信息化建设",
                ProjectCategory.SPECIAL_FUND, 2023, 1, null);
        RecordExpenditure spend = new RecordExpenditure(KEY, 1_000_000, DAY, null);
        fixture.givenNoPriorActivity()
                .when(new RecordProjectLines(KEY, List.of(line(unknownUnit, "line-1"), line(spend, "line-2"))))
                .expectNoEvents()
                .expectException(LineOutcomeMatchers.nothingRecorded("UNKNOWN_UNIT, then projectId not found", outcomes ->
                        outcomes.size() == 2 && outcomes.get(0).refusal() instanceof RuleViolation v
                                && v.rule().equals("UNKNOWN_UNIT")
                                && outcomes.get(1).refusal() instanceof NotFound n && n.field().equals("projectId")));
    }

    /** A stored event of this project with a known identifier (a reversal names its original's). */
    private static GenericDomainEventMessage<?> stored(long sequence, Object payload, String id) {
        return new GenericDomainEventMessage<>("Project", KEY, sequence, payload, MetaData.emptyInstance(), id,
                java.time.Instant.parse("2023-03-01T02:00:00Z"));
    }

    private static final ExpenditureRecorded SPENT = new ExpenditureRecorded("430203", "P1", 1_000_000, DAY);

    @Test
    void aMistakenExpenditureIsReversedOnceAndTheFiguresExcludeBoth() {
        EntryReversed reversal = new EntryReversed("430203", "P1", 2, "evt-spent", MoneyEntryKind.EXPENDITURE,
                1_000_000, "重复录入", DAY);
        fixture.given(REGISTERED, APPROPRIATED).andGiven(List.of(stored(2, SPENT, "evt-spent")))
                .when(new ReverseEntry(KEY, 2, "重复录入", DAY, null))
                // the fixture gives its given events identifiers of its own: the original's id is checked for presence
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        new org.hamcrest.CustomTypeSafeMatcher<org.axonframework.eventhandling.EventMessage<?>>(
                                "the reversal of entry 2") {
                            @Override
                            protected boolean matchesSafely(org.axonframework.eventhandling.EventMessage<?> event) {
                                return event.getPayload() instanceof EntryReversed r && r.originalEventId() != null
                                        && reversal.equals(new EntryReversed(r.districtCode(), r.projectId(),
                                        r.originalSequence(), "evt-spent", r.kind(), r.amountFen(), r.reason(),
                                        r.date()));
                            }
                        }, org.axonframework.test.matchers.Matchers.andNoMore()))
                .expectResultMessagePayload(new Recorded(3, false))
                .expectState(p -> assertThat(p.toString()).contains("FundingFigures[appropriated=55000000, "
                        + "carriedOver=0, adjusted=0, spent=0]"));
        fixture.given(REGISTERED, APPROPRIATED).andGiven(List.of(stored(2, SPENT, "evt-spent"), stored(3, reversal,
                        "evt-rev")))
                .when(new ReverseEntry(KEY, 2, "again", DAY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("entry 2 was already reversed by entry 3");
    }

    @Test
    void onlyAMoneyEntryOfThisProjectCanBeReversedAndAReversalIsNotOne() {
        fixture.given(REGISTERED, APPROPRIATED).when(new ReverseEntry(KEY, 9, "r", DAY, null))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("project 'P1' has no entry 9");
        fixture.given(REGISTERED, APPROPRIATED).when(new ReverseEntry(KEY, 0, "r", DAY, null))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("entry 0 is not an appropriation, adjustment, carry-over or expenditure and "
                        + "cannot be reversed");
        EntryReversed reversal = new EntryReversed("430203", "P1", 1, "evt-a", MoneyEntryKind.APPROPRIATION,
                55_000_000, "r", DAY);
        fixture.given(REGISTERED).andGiven(List.of(stored(1, APPROPRIATED, "evt-a"), stored(2, reversal, "evt-r")))
                .when(new ReverseEntry(KEY, 2, "r", DAY, null))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("entry 2 is not an appropriation, adjustment, carry-over or expenditure and "
                        + "cannot be reversed");
    }

    @Test
    void anAppropriationAlreadySpentFromCannotBeReversed() {
        fixture.given(REGISTERED).andGiven(List.of(stored(1, APPROPRIATED, "evt-a"), stored(2, SPENT, "evt-s")))
                .when(new ReverseEntry(KEY, 1, "批复文号错误", DAY, null))
                .expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("without entry 1 the budget would be 0.00 yuan, below the 10000.00 yuan "
                        + "already spent");
    }

    @Test
    void aRetriedReversalIsAnsweredWithoutASecondEvent() {
        Map<String, String> request = Map.of(EventMetadata.REQUEST_ID, "key-r", CommandSender.REQUEST_FINGERPRINT,
                "fp-r");
        EntryReversed reversal = new EntryReversed("430203", "P1", 2, "evt-spent", MoneyEntryKind.EXPENDITURE,
                1_000_000, "重复录入", DAY);
        fixture.given(REGISTERED, APPROPRIATED).andGiven(List.of(stored(2, SPENT, "evt-spent"),
                        new GenericDomainEventMessage<>("Project", KEY, 3, reversal, MetaData.from(request))))
                .when(new ReverseEntry(KEY, 2, "重复录入", DAY, null), request)
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(3, true));
    }

    /** Stored fingerprints were taken over the commands as printed while they had a (always null) requestId. */
    @Test
    void fingerprintsOfTheMoneyCommandsMatchThoseStoredBeforeTheirRequestIdWasRemoved() throws Exception {
        String key = "project:430203:P1";
        assertThat(CommandSender.fingerprint(new AppropriateBudget(KEY, 100, FundSource.GENERAL_PUBLIC_BUDGET, "x",
                DAY, 7L))).isEqualTo(storedFingerprint(AppropriateBudget.class, "AppropriateBudget[projectKey=" + key
                + ", amountFen=100, fundSource=GENERAL_PUBLIC_BUDGET, docNo=x, date=2023-03-01, requestId=null, "
                + "expectedVersion=7]"));
        assertThat(CommandSender.fingerprint(new AdjustBudget(KEY, -5, AdjustmentBasis.MID_YEAR, "r", null, DAY, null,
                null))).isEqualTo(storedFingerprint(AdjustBudget.class, "AdjustBudget[projectKey=" + key
                + ", amountFen=-5, basis=MID_YEAR, reason=r, docNo=null, date=2023-03-01, causeEventId=null, "
                + "requestId=null, expectedVersion=null]"));
        assertThat(CommandSender.fingerprint(new CarryOverFunds(KEY, 9, 2022, DAY, null)))
                .isEqualTo(storedFingerprint(CarryOverFunds.class, "CarryOverFunds[projectKey=" + key
                        + ", amountFen=9, fromYear=2022, date=2023-03-01, requestId=null, expectedVersion=null]"));
        assertThat(CommandSender.fingerprint(new RecordExpenditure(KEY, 3, DAY, null)))
                .isEqualTo(storedFingerprint(RecordExpenditure.class, "RecordExpenditure[projectKey=" + key
                        + ", amountFen=3, date=2023-03-01, requestId=null, expectedVersion=null]"));
    }

    /** The fingerprint as CommandSender took it before: SHA-256 of class name and printed record, first 16 bytes. */
    private static String storedFingerprint(Class<?> type, String printed) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest((type.getName() + printed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest, 0, 16);
    }

    private static CommandLine line(Object command, String requestId) {
        return new CommandLine(command, requestId, CommandSender.fingerprint(command));
    }

    private static org.hamcrest.Matcher<org.axonframework.eventhandling.EventMessage<?>> withRequest(Class<?> type,
                                                                                                 String requestId) {
        return new org.hamcrest.CustomTypeSafeMatcher<>(type.getSimpleName() + " for " + requestId) {
            @Override
            protected boolean matchesSafely(org.axonframework.eventhandling.EventMessage<?> event) {
                return type.isInstance(event.getPayload())
                        && requestId.equals(event.getMetaData().get(EventMetadata.REQUEST_ID));
            }
        };
    }

    private static org.hamcrest.Matcher<org.axonframework.eventhandling.EventMessage<?>> spentWithRequest(long fen,
                                                                                                      String requestId) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("ExpenditureRecorded " + fen + " for " + requestId) {
            @Override
            protected boolean matchesSafely(org.axonframework.eventhandling.EventMessage<?> event) {
                return event.getPayload() instanceof ExpenditureRecorded e && e.amountFen() == fen
                        && requestId.equals(event.getMetaData().get(EventMetadata.REQUEST_ID));
            }
        };
    }
}
