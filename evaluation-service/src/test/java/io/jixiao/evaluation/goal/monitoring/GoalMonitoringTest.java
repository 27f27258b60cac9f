package io.jixiao.evaluation.goal.monitoring;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.BudgetNotYetKnown;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.goal.PerformanceGoal;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.CorrectionResult;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.ObservationResult;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.RecordCorrectiveAction;
import io.jixiao.evaluation.goal.monitoring.MonitoringCommands.RecordObservation;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules.MonitoringRules;
import io.jixiao.events.evaluation.Comparator;
import io.jixiao.events.evaluation.CorrectiveActionRecorded;
import io.jixiao.events.evaluation.DeviationFlagged;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.IndicatorProgress;
import io.jixiao.events.evaluation.MonitoringMode;
import io.jixiao.events.evaluation.MonitoringObservationRecorded;
import io.jixiao.events.evaluation.PerformanceGoalApproved;
import io.jixiao.events.evaluation.PerformanceGoalDeclared;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A goal's monitoring (member of the PerformanceGoal aggregate): 渌口区 1–8月 2023, on Axon's fixture. */
class GoalMonitoringTest {
    static final String KEY = Keys.goal("430212", "g-gaj-pacs");
    private static final MonitoringRules RULES = DefaultRules.forDistrict("430212").monitoring();
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2023, 8, 31);
    static final LocalDate RECORDED = LocalDate.of(2023, 9, 15);
    static final String OBS = "g-gaj-pacs.2023-08-31.FINANCE_KEY";
    private static final List<Indicator> TREE = List.of(new Indicator("产出指标", "数量指标", "视频监控点位正常运行数",
            Comparator.AT_LEAST, "1200", "个", new BigDecimal("20")));
    static final PerformanceGoalDeclared DECLARED = new PerformanceGoalDeclared("430212", "g-gaj-pacs",
            GoalScope.PROJECT, "gaj-pacs", "gaj", 2023, 600_000_000L, TREE, null, null, "430212:v0");
    static final PerformanceGoalApproved APPROVED = new PerformanceGoalApproved("430212", "g-gaj-pacs",
            GoalScope.PROJECT, "gaj-pacs", "gaj", 2023, 600_000_000L, LocalDate.of(2023, 1, 18));
    static final MonitoringObservationRecorded OBSERVED = new MonitoringObservationRecorded("430212", OBS,
            "gaj-pacs", "g-gaj-pacs", FROM, TO, MonitoringMode.FINANCE_KEY, 600_000_000L, 210_000_000L,
            new BigDecimal("35.00"), new BigDecimal("66.67"), List.of(), RECORDED, "430212:v0");
    static final DeviationFlagged FLAGGED = new DeviationFlagged("430212", OBS + ".dev", OBS, "gaj-pacs", TO,
            new BigDecimal("35.00"), new BigDecimal("66.67"), new BigDecimal("20"),
            "执行率 35.00% 落后时间进度 66.67% 31.67 个百分点，超过容差 20 个百分点");

    private AggregateTestFixture<PerformanceGoal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PerformanceGoal.class);
    }

    private static RecordObservation observe(long budgetFen, long spentFen, LocalDate to,
                                             List<IndicatorProgress> progress) {
        return new RecordObservation(KEY, OBS, FROM, to, MonitoringMode.FINANCE_KEY, RECORDED, progress, budgetFen,
                spentFen, RULES, "430212:v0");
    }

    @Test
    void executionTrailingTimeProgressByMoreThanTheToleranceIsFlagged() {
        fixture.given(DECLARED, APPROVED).when(observe(600_000_000L, 210_000_000L, TO, List.of()))
                .expectEvents(OBSERVED, FLAGGED)
                .expectResultMessagePayload(new ObservationResult(OBS, OBS + ".dev", true));
    }

    @Test
    void executionWithinTheToleranceIsNotFlagged() {
        fixture.given(DECLARED, APPROVED).when(observe(480_000_000L, 330_000_000L, TO, List.of()))
                .expectEvents(new MonitoringObservationRecorded("430212", OBS, "gaj-pacs", "g-gaj-pacs", FROM, TO,
                        MonitoringMode.FINANCE_KEY, 480_000_000L, 330_000_000L, new BigDecimal("68.75"),
                        new BigDecimal("66.67"), List.of(), RECORDED, "430212:v0"))
                .expectResultMessagePayload(new ObservationResult(OBS, null, true));
    }

    @Test
    void anIndicatorOffTrackIsFlaggedEvenWhenMoneyIsOnTime() {
        List<IndicatorProgress> progress = List.of(new IndicatorProgress("视频监控点位正常运行数", "900", false,
                "设备老化"));
        fixture.given(DECLARED, APPROVED).when(observe(480_000_000L, 330_000_000L, TO, progress))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(
                                        e -> e instanceof MonitoringObservationRecorded),
                                org.axonframework.test.matchers.Matchers.predicate(e -> e instanceof DeviationFlagged d
                                        && d.reason().equals("指标偏离目标: 视频监控点位正常运行数")),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void theSameObservationAgainIsANoOpAndOtherDetailsUnderItsIdAConflict() {
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED).when(observe(600_000_000L, 250_000_000L, TO, List.of()))
                .expectNoEvents().expectResultMessagePayload(new ObservationResult(OBS, OBS + ".dev", false));
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(new RecordObservation(KEY, OBS, FROM, TO, MonitoringMode.FINANCE_KEY, RECORDED.plusDays(1),
                        List.of(), 600_000_000L, 210_000_000L, RULES, "430212:v0"))
                .expectNoEvents().expectException(Conflict.class);
    }

    @Test
    void refusesUnapprovedGoalsPeriodsOffTheCheckpointsAndUnknownBudgets() {
        fixture.given(DECLARED).when(observe(600_000_000L, 210_000_000L, TO, List.of()))
                .expectNoEvents().expectException(RuleViolation.class).expectExceptionMessage(
                        "goal 'g-gaj-pacs' is not approved; only an approved goal is monitored");
        fixture.given(DECLARED, APPROVED).when(observe(600_000_000L, 210_000_000L, LocalDate.of(2023, 7, 31),
                        List.of(new IndicatorProgress("不存在", "1", true, null))))
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(
                        "period.to: 2023-07-31 is not a checkpoint: rule version 430212:v0 monitors 1–N月 periods ending "
                                + "on the last day of month [8]; indicators[0].l3: '不存在' is not an indicator of goal "
                                + "'g-gaj-pacs'");
        fixture.given(DECLARED, APPROVED).when(observe(0, 0, TO, List.of()))
                .expectNoEvents().expectException(BudgetNotYetKnown.class);
    }

    @Test
    void aCorrectiveActionClosesTheDeviationOnce() {
        CorrectiveActionRecorded corrected = new CorrectiveActionRecorded("430212", OBS + ".dev", "gaj-pacs", "经费保障",
                "加快设备采购合同支付进度", "有可能", LocalDate.of(2023, 9, 20));
        RecordCorrectiveAction action = new RecordCorrectiveAction(KEY, OBS, "经费保障", "加快设备采购合同支付进度", "有可能",
                LocalDate.of(2023, 9, 20));
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED).when(action).expectEvents(corrected)
                .expectResultMessagePayload(new CorrectionResult(OBS, OBS + ".dev", true));
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED, corrected).when(action).expectNoEvents()
                .expectResultMessagePayload(new CorrectionResult(OBS, OBS + ".dev", false));
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED, corrected)
                .when(new RecordCorrectiveAction(KEY, OBS, "其他", "另一措施", null, LocalDate.of(2023, 9, 21)))
                .expectNoEvents().expectException(Conflict.class);
    }

    @Test
    void aCorrectiveActionNeedsADeviationAndAKnownCause() {
        fixture.given(DECLARED, APPROVED, OBSERVED)
                .when(new RecordCorrectiveAction(KEY, OBS, "经费保障", "措施", null, RECORDED))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(DECLARED, APPROVED)
                .when(new RecordCorrectiveAction(KEY, "nope", "经费保障", "措施", null, RECORDED))
                .expectNoEvents().expectException(NotFound.class);
        fixture.given(DECLARED, APPROVED, OBSERVED, FLAGGED)
                .when(new RecordCorrectiveAction(KEY, OBS, "天气", "措施", "也许", RECORDED.minusDays(1)))
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(
                        "cause: '天气' is not a deviation cause: one of [经费保障, 制度保障, 人员保障, 硬件条件保障, 其他]; "
                                + "likelihood: '也许' is not one of [确定能, 有可能, 完全不可能]; recordedOn: 2023-09-14 is "
                                + "before the observation was recorded (2023-09-15)");
    }
}
