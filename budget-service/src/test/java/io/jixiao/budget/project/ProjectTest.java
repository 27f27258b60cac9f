package io.jixiao.budget.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.budget.project.ProjectCommands.AdjustBudget;
import io.jixiao.budget.project.ProjectCommands.AppropriateBudget;
import io.jixiao.budget.project.ProjectCommands.CarryOverFunds;
import io.jixiao.budget.project.ProjectCommands.RecordExpenditure;
import io.jixiao.budget.project.ProjectCommands.Recorded;
import io.jixiao.budget.project.ProjectCommands.RegisterProject;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.budget.AdjustmentBasis;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Project aggregate's rules, on Axon's given/when/then fixture. */
class ProjectTest {
    private static final String KEY = "430203:P1";
    private static final LocalDate DAY = LocalDate.of(2023, 3, 1);
    private static final ProjectRegistered REGISTERED = new ProjectRegistered("430203", "P1", "czj", "财政信息化建设",
            ProjectCategory.SPECIAL_FUND, 2023, 1);
    private static final BudgetAppropriated APPROPRIATED = new BudgetAppropriated("430203", "P1", 55_000_000,
            FundSource.GENERAL_PUBLIC_BUDGET, "渌财通【2023】22号", DAY);

    private AggregateTestFixture<Project> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Project.class);
    }

    @Test
    void registersOnceAndRepeatingTheSameRegistrationIsANoOp() {
        RegisterProject register = new RegisterProject(KEY, "430203", "P1", "czj", "财政信息化建设",
                ProjectCategory.SPECIAL_FUND, 2023, 1);
        fixture.givenNoPriorActivity().when(register).expectEvents(REGISTERED).expectResultMessagePayload(true);
        fixture.given(REGISTERED).when(register).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void registeringTheSameIdWithOtherDetailsIsAConflict() {
        fixture.given(REGISTERED)
                .when(new RegisterProject(KEY, "430203", "P1", "czj", "另一个名字", ProjectCategory.SPECIAL_FUND, 2023, 1))
                .expectException(Conflict.class).expectNoEvents();
    }

    @Test
    void appropriatesAdjustsAndSpends() {
        fixture.given(REGISTERED, APPROPRIATED)
                .when(new AdjustBudget(KEY, -10_010_000, AdjustmentBasis.MID_YEAR, "年中调减", null, DAY, null, null, null))
                .expectEvents(new BudgetAdjusted("430203", "P1", -10_010_000, AdjustmentBasis.MID_YEAR, "年中调减", null,
                        DAY, null))
                .expectResultMessagePayload(new Recorded(2, false));
        fixture.given(REGISTERED, APPROPRIATED)
                .when(new RecordExpenditure(KEY, 55_000_000, DAY, null, null))
                .expectEvents(new ExpenditureRecorded("430203", "P1", 55_000_000, DAY));
    }

    @Test
    void spendingAboveTheAvailableBudgetIsRefused() {
        fixture.given(REGISTERED, APPROPRIATED, new ExpenditureRecorded("430203", "P1", 50_000_000, DAY))
                .when(new RecordExpenditure(KEY, 5_000_001, DAY, null, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("spending 50000.01 yuan exceeds the 50000.00 yuan available");
    }

    @Test
    void theBudgetCannotGoBelowWhatWasSpent() {
        fixture.given(REGISTERED, APPROPRIATED, new ExpenditureRecorded("430203", "P1", 30_000_000, DAY))
                .when(new AdjustBudget(KEY, -25_000_001, AdjustmentBasis.MID_YEAR, "调减", null, DAY, null, null, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the budget would become 299999.99 yuan, below the 300000.00 yuan already spent");
    }

    @Test
    void amountsMustBePositiveAndDatesInTheFiscalYear() {
        fixture.given(REGISTERED).when(new AppropriateBudget(KEY, 0, FundSource.GENERAL_PUBLIC_BUDGET, null, DAY, null, null))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(REGISTERED, APPROPRIATED)
                .when(new RecordExpenditure(KEY, 100, LocalDate.of(2024, 1, 1), null, null))
                .expectNoEvents().expectExceptionMessage("date 2024-01-01 is outside fiscal year 2023");
        fixture.given(REGISTERED).when(new CarryOverFunds(KEY, 100, 2023, DAY, null, null))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void aRetriedRequestIsAnsweredWithoutASecondEvent() {
        Map<String, String> request = Map.of(EventMetadata.REQUEST_ID, "key-1", CommandSender.REQUEST_FINGERPRINT, "fp-1");
        GenericDomainEventMessage<BudgetAppropriated> earlier = new GenericDomainEventMessage<>("Project", KEY, 1,
                APPROPRIATED, MetaData.from(request));
        fixture.given(REGISTERED).andGiven(java.util.List.of(earlier))
                .when(new AppropriateBudget(KEY, 55_000_000, FundSource.GENERAL_PUBLIC_BUDGET, "渌财通【2023】22号", DAY,
                        null, null), request)
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(1, true));
    }

    @Test
    void aRequestIdReusedForAnotherBodyIsAConflict() {
        GenericDomainEventMessage<BudgetAppropriated> earlier = new GenericDomainEventMessage<>("Project", KEY, 1,
                APPROPRIATED, MetaData.from(Map.of(EventMetadata.REQUEST_ID, "key-1",
                CommandSender.REQUEST_FINGERPRINT, "fp-1")));
        fixture.given(REGISTERED).andGiven(java.util.List.of(earlier))
                .when(new RecordExpenditure(KEY, 100, DAY, null, null),
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
}
