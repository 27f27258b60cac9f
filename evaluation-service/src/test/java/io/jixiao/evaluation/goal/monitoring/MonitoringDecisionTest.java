package io.jixiao.evaluation.goal.monitoring;

import static io.jixiao.evaluation.goal.monitoring.GoalMonitoringTest.APPROVED;
import static io.jixiao.evaluation.goal.monitoring.GoalMonitoringTest.DECLARED;
import static io.jixiao.evaluation.goal.monitoring.GoalMonitoringTest.FLAGGED;
import static io.jixiao.evaluation.goal.monitoring.GoalMonitoringTest.KEY;
import static io.jixiao.evaluation.goal.monitoring.GoalMonitoringTest.OBS;
import static io.jixiao.evaluation.goal.monitoring.GoalMonitoringTest.OBSERVED;
import static io.jixiao.evaluation.goal.monitoring.GoalMonitoringTest.RECORDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.evaluation.BudgetNotYetKnown;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.goal.PerformanceGoal;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.DecisionResult;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.RecordMonitoringDecision;
import io.jixiao.events.evaluation.MonitoringDecisionKind;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import java.time.LocalDate;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 监控结果处理 on a flagged deviation (member of the PerformanceGoal aggregate), on Axon's fixture. */
class MonitoringDecisionTest {
    private static final String DEV = OBS + ".dev";
    private static final LocalDate DECIDED = LocalDate.of(2023, 9, 25);
    /** Budget 600万 minus 210万 spent. */
    private static final long UNSPENT = 390_000_000L;

    private AggregateTestFixture<PerformanceGoal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PerformanceGoal.class);
    }

    private static RecordMonitoringDecision decide(String id, MonitoringDecisionKind kind, Long amountFen) {
        return new RecordMonitoringDecision(KEY, OBS, DEV, id, kind, amountFen, "执行进度严重滞后", "渌财绩〔2023〕12号",
                DECIDED, UNSPENT);
    }

    private static MonitoringDecisionRecorded recorded(String id, MonitoringDecisionKind kind, long changeFen) {
        return new MonitoringDecisionRecorded("430212", id, "g-gaj-pacs", OBS, DEV, "gaj-pacs", kind, changeFen,
                "执行进度严重滞后", "渌财绩〔2023〕12号", DECIDED);
    }

    @Test
    void anAdjustmentKeepsItsSignAndAWithdrawalBecomesANegativeChange() {
        MonitoringDecisionRecorded cut = recorded("d-1", MonitoringDecisionKind.ADJUST, -50_000_000L);
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(decide("d-1", MonitoringDecisionKind.ADJUST, -50_000_000L))
                .expectEvents(cut).expectResultMessagePayload(new DecisionResult(cut, true));
        MonitoringDecisionRecorded withdrawn = recorded("d-2", MonitoringDecisionKind.WITHDRAW, -UNSPENT);
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(decide("d-2", MonitoringDecisionKind.WITHDRAW, UNSPENT))
                .expectEvents(withdrawn).expectResultMessagePayload(new DecisionResult(withdrawn, true));
    }

    @Test
    void aWithdrawalAboveTheUnspentBudgetOrWithoutAKnownBudgetIsRefused() {
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(decide("d-1", MonitoringDecisionKind.WITHDRAW, UNSPENT + 1))
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(
                        "withdrawing 3900000.01 yuan exceeds the project's unspent budget of 3900000.00 yuan");
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(new RecordMonitoringDecision(KEY, OBS, DEV, "d-1", MonitoringDecisionKind.WITHDRAW, 1L, "理由",
                        null, DECIDED, null))
                .expectNoEvents().expectException(BudgetNotYetKnown.class);
    }

    @Test
    void eachKindTakesItsAmountOrNone() {
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED).when(decide("d-1", MonitoringDecisionKind.ADJUST, 0L))
                .expectNoEvents().expectException(InvalidInput.class)
                .expectExceptionMessage("amount: an adjustment (调整) must change the budget: not 0");
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED).when(decide("d-1", MonitoringDecisionKind.ADJUST, null))
                .expectNoEvents().expectException(InvalidInput.class)
                .expectExceptionMessage("amount: required for ADJUST (调整)");
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED).when(decide("d-1", MonitoringDecisionKind.WITHDRAW, -5L))
                .expectNoEvents().expectException(InvalidInput.class)
                .expectExceptionMessage("amount: the amount withdrawn (收回) must be positive");
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(decide("d-1", MonitoringDecisionKind.SUSPEND_PAYMENTS, 100L))
                .expectNoEvents().expectException(InvalidInput.class)
                .expectExceptionMessage("amount: SUSPEND_PAYMENTS (暂缓支付) moves no money: leave the amount out");
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(new RecordMonitoringDecision(KEY, OBS, DEV, "d-1", MonitoringDecisionKind.SUSPEND_PAYMENTS, null,
                        " ", null, RECORDED.minusDays(1), UNSPENT))
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(
                        "reason: say why the bureau decides so; decidedOn: 2023-09-14 is before the observation was "
                                + "recorded (2023-09-15)");
    }

    @Test
    void onlyAFlaggedDeviationOfTheGoalIsDecidedOn() {
        fixture.given(DECLARED, APPROVED, OBSERVED)
                .when(decide("d-1", MonitoringDecisionKind.SUSPEND_PAYMENTS, null))
                .expectNoEvents().expectException(NotFound.class);
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(new RecordMonitoringDecision(KEY, OBS, "other.dev", "d-1", MonitoringDecisionKind.SUSPEND_PAYMENTS,
                        null, "理由", null, DECIDED, UNSPENT))
                .expectNoEvents().expectException(NotFound.class);
        fixture.given(DECLARED, APPROVED)
                .when(decide("d-1", MonitoringDecisionKind.SUSPEND_PAYMENTS, null))
                .expectNoEvents().expectException(NotFound.class);
    }

    @Test
    void paymentsAreSuspendedOnceAndResumedOnlyWhileSuspended() {
        MonitoringDecisionRecorded suspended = recorded("d-1", MonitoringDecisionKind.SUSPEND_PAYMENTS, 0);
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(decide("d-1", MonitoringDecisionKind.SUSPEND_PAYMENTS, null)).expectEvents(suspended);
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED, suspended)
                .when(decide("d-2", MonitoringDecisionKind.SUSPEND_PAYMENTS, null))
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(
                        "the project's payments are already suspended (暂缓支付); resume them first");
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(decide("d-2", MonitoringDecisionKind.RESUME_PAYMENTS, null))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED, suspended)
                .when(decide("d-2", MonitoringDecisionKind.RESUME_PAYMENTS, null))
                .expectEvents(recorded("d-2", MonitoringDecisionKind.RESUME_PAYMENTS, 0));
    }

    @Test
    void oneDecisionIdIsRecordedOnceAndARetriedKeyAnswersTheSameDecision() {
        MonitoringDecisionRecorded cut = recorded("d-1", MonitoringDecisionKind.ADJUST, -50_000_000L);
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED, cut)
                .when(decide("d-1", MonitoringDecisionKind.ADJUST, -50_000_000L))
                .expectNoEvents().expectResultMessagePayload(new DecisionResult(cut, false));
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED, cut)
                .when(decide("d-1", MonitoringDecisionKind.ADJUST, -60_000_000L))
                .expectNoEvents().expectException(Conflict.class);
        MetaData request = MetaData.with("requestId", "decide-1").and("requestFingerprint", "f");
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED, new GenericEventMessage<>(cut, request))
                .when(decide("d-1", MonitoringDecisionKind.ADJUST, -50_000_000L), request)
                .expectNoEvents().expectResultMessagePayload(new DecisionResult(cut, false));
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED, new GenericEventMessage<>(cut, request))
                .when(decide("d-9", MonitoringDecisionKind.ADJUST, -1L),
                        MetaData.with("requestId", "decide-1").and("requestFingerprint", "g"))
                .expectNoEvents().expectException(Conflict.class);
    }

    @Test
    void theFingerprintIsTakenOverTheRequestNotOverWhatTheServiceLookedUp() {
        RecordMonitoringDecision first = decide("d-1", MonitoringDecisionKind.WITHDRAW, 30_000_000L);
        // the retry comes after the withdrawal reached the budget projection: 300,000.00 less unspent
        RecordMonitoringDecision retry = new RecordMonitoringDecision(KEY, OBS, DEV, "d-1",
                MonitoringDecisionKind.WITHDRAW, 30_000_000L, "执行进度严重滞后", "渌财绩〔2023〕12号", DECIDED,
                UNSPENT - 30_000_000L);
        assertThat(CommandSender.fingerprint(retry)).isEqualTo(CommandSender.fingerprint(first));
        assertThat(CommandSender.fingerprint(decide("d-1", MonitoringDecisionKind.WITHDRAW, 30_000_001L)))
                .isNotEqualTo(CommandSender.fingerprint(first));
    }
}
