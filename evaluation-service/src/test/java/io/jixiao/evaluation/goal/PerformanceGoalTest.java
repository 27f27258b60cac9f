package io.jixiao.evaluation.goal;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.goal.GoalCommands.ApproveGoal;
import io.jixiao.evaluation.goal.GoalCommands.DeclareGoal;
import io.jixiao.evaluation.goal.GoalCommands.GoalResult;
import io.jixiao.evaluation.goal.GoalCommands.Outcome;
import io.jixiao.evaluation.goal.GoalCommands.ReturnGoal;
import io.jixiao.evaluation.goal.IndicatorTreeRules.Row;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules.WeightRules;
import io.jixiao.events.ContactDetails;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.SealedText;
import io.jixiao.events.evaluation.Comparator;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.PerformanceGoalApproved;
import io.jixiao.events.evaluation.PerformanceGoalDeclared;
import io.jixiao.events.evaluation.PerformanceGoalReturned;
import io.jixiao.events.evaluation.PerformanceGoalRevised;
import io.jixiao.support.axon.CommandSender;
import io.jixiao.support.domain.Conflict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PerformanceGoal aggregate's review workflow, on Axon's given/when/then fixture (渌口区's gaj-pacs goal). */
class PerformanceGoalTest {
    static final String KEY = Keys.goal("430212", "g-gaj-pacs");
    static final WeightRules WEIGHTS = DefaultRules.forDistrict("430212").weights();
    static final List<Row> ROWS = List.of(new Row("产出", "数量指标", "视频监控点位正常运行数", ">=", "1200", "个",
            new BigDecimal("20")));
    static final List<Indicator> TREE = List.of(new Indicator("产出指标", "数量指标", "视频监控点位正常运行数",
            Comparator.AT_LEAST, "1200", "个", new BigDecimal("20")));
    static final PerformanceGoalDeclared DECLARED = new PerformanceGoalDeclared("430212", "g-gaj-pacs",
            GoalScope.PROJECT, "gaj-pacs", "gaj", 2023, 600_000_000L, TREE, null, null, "430212:v0");
    static final PerformanceGoalApproved APPROVED = new PerformanceGoalApproved("430212", "g-gaj-pacs",
            GoalScope.PROJECT, "gaj-pacs", "gaj", 2023, 600_000_000L, LocalDate.of(2023, 1, 18));

    private AggregateTestFixture<PerformanceGoal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PerformanceGoal.class);
    }

    static DeclareGoal declare(long amountFen, List<Row> rows) {
        return new DeclareGoal(KEY, "430212", "g-gaj-pacs", GoalScope.PROJECT, "gaj-pacs", "gaj", 2023, amountFen, rows,
                null, null, false, "调整金额", null, WEIGHTS, "430212:v0");
    }

    @Test
    void declaresOnceAndTheSameBodyAgainIsANoOp() {
        fixture.givenNoPriorActivity().when(declare(600_000_000L, ROWS))
                .expectEvents(DECLARED).expectResultMessagePayload(new GoalResult(Outcome.DECLARED, true));
        fixture.given(DECLARED).when(declare(600_000_000L, List.of(new Row("产出指标", " 数量指标 ",
                        "视频监控点位正常运行数", "≥", "1200", "个", new BigDecimal("20.00")))))
                .expectNoEvents().expectResultMessagePayload(new GoalResult(Outcome.UNCHANGED, false));
        fixture.given(DECLARED, APPROVED).when(declare(600_000_000L, ROWS))
                .expectNoEvents().expectResultMessagePayload(new GoalResult(Outcome.UNCHANGED, false));
    }

    @Test
    void aDifferentBodyBeforeApprovalIsARevisionAndAfterApprovalAConflict() {
        fixture.given(DECLARED).when(declare(500_000_000L, ROWS))
                .expectEvents(new PerformanceGoalRevised("430212", "g-gaj-pacs", 500_000_000L, TREE, null, null, "调整金额"))
                .expectResultMessagePayload(new GoalResult(Outcome.REVISED, true));
        fixture.given(DECLARED, APPROVED).when(declare(500_000_000L, ROWS))
                .expectNoEvents().expectException(Conflict.class).expectExceptionMessage(
                        "goal 'g-gaj-pacs' was approved on 2023-01-18; an approved goal is not revised");
    }

    @Test
    void theContactsAreRecordedSealedAndOnlyADifferentSealedValueRevisesTheGoal() {
        ContactDetails sealed = new ContactDetails(new SealedText("p-1", "AQ-filled"), null,
                new SealedText("p-1", "AQ-phone"));
        ContactDetails resealed = new ContactDetails(new SealedText("p-1", "AQ-filled"), null,
                new SealedText("p-1", "AQ-phone-2"));
        PerformanceGoalDeclared withContacts = new PerformanceGoalDeclared("430212", "g-gaj-pacs", GoalScope.PROJECT,
                "gaj-pacs", "gaj", 2023, 600_000_000L, TREE, null, null, "430212:v0", sealed);
        fixture.givenNoPriorActivity().when(declare(600_000_000L, ROWS, sealed))
                .expectEvents(withContacts).expectResultMessagePayload(new GoalResult(Outcome.DECLARED, true));
        fixture.given(withContacts).when(declare(600_000_000L, ROWS, sealed))
                .expectNoEvents().expectResultMessagePayload(new GoalResult(Outcome.UNCHANGED, false));
        fixture.given(withContacts).when(declare(600_000_000L, ROWS, resealed))
                .expectEvents(new PerformanceGoalRevised("430212", "g-gaj-pacs", 600_000_000L, TREE, null, null,
                        "调整金额", resealed))
                .expectResultMessagePayload(new GoalResult(Outcome.REVISED, true));
    }

    static DeclareGoal declare(long amountFen, List<Row> rows, ContactDetails contacts) {
        return new DeclareGoal(KEY, "430212", "g-gaj-pacs", GoalScope.PROJECT, "gaj-pacs", "gaj", 2023, amountFen, rows,
                null, null, false, "调整金额", null, WEIGHTS, "430212:v0", contacts);
    }

    @Test
    void anotherProjectUnderTheSameIdIsAConflict() {
        fixture.given(DECLARED).when(new DeclareGoal(KEY, "430212", "g-gaj-pacs", GoalScope.PROJECT, "hwzx-ljcz", "gaj",
                        2023, 600_000_000L, ROWS, null, null, false, null, null, WEIGHTS, "430212:v0"))
                .expectNoEvents().expectException(Conflict.class);
    }

    @Test
    void aMalformedTreeIsRefusedNamingTheFaultyPath() {
        fixture.givenNoPriorActivity().when(declare(600_000_000L, List.of(ROWS.get(0),
                        new Row("产出指标", "质量指标", "完好率", ">=", "95", "%", BigDecimal.ZERO))))
                .expectNoEvents().expectException(InvalidInput.class)
                .expectExceptionMessage("indicators[1].weight: the weight (分值) must be greater than 0, not 0");
        fixture.givenNoPriorActivity().when(new DeclareGoal(KEY, "430212", "g-gaj-pacs", GoalScope.PROJECT, null, "gaj",
                        2023, 0, ROWS, null, 1L, false, null, null, WEIGHTS, "430212:v0"))
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(
                        "projectId: a project's goal names its project; declaredProjectSpending: only a unit's overall "
                                + "goal states its project spending; amount: the goal's amount must be greater than zero");
    }

    @Test
    void aStaleIfMatchOnARevisionIsRefused() {
        fixture.given(DECLARED).when(new DeclareGoal(KEY, "430212", "g-gaj-pacs", GoalScope.PROJECT, "gaj-pacs", "gaj",
                        2023, 1L, ROWS, null, null, false, null, 7L, WEIGHTS, "430212:v0"))
                .expectNoEvents().expectException(Conflict.class).expectExceptionMessage(
                        "If-Match names version 7 but goal 'g-gaj-pacs' is at version 0; read it again and retry");
    }

    @Test
    void approvesOnceAndReturnsWithReasons() {
        fixture.given(DECLARED).when(new ApproveGoal(KEY, LocalDate.of(2023, 1, 18), null))
                .expectEvents(APPROVED).expectResultMessagePayload(new GoalResult(Outcome.APPROVED, true));
        fixture.given(DECLARED, APPROVED).when(new ApproveGoal(KEY, LocalDate.of(2023, 1, 18), null))
                .expectNoEvents().expectResultMessagePayload(new GoalResult(Outcome.UNCHANGED, false));
        fixture.given(DECLARED, APPROVED).when(new ApproveGoal(KEY, LocalDate.of(2023, 2, 1), null))
                .expectNoEvents().expectException(Conflict.class);
        fixture.given(DECLARED).when(new ReturnGoal(KEY, List.of("指标不够细化", "目标值偏低"), null))
                .expectEvents(new PerformanceGoalReturned("430212", "g-gaj-pacs", List.of("指标不够细化", "目标值偏低")));
        fixture.given(DECLARED).when(new ReturnGoal(KEY, List.of(" "), null))
                .expectNoEvents().expectException(InvalidInput.class);
        fixture.given(DECLARED, APPROVED).when(new ReturnGoal(KEY, List.of("晚了"), null))
                .expectNoEvents().expectException(Conflict.class);
    }

    @Test
    void aReturnedGoalIsApprovedOnlyAfterItsRevision() {
        PerformanceGoalReturned returned = new PerformanceGoalReturned("430212", "g-gaj-pacs", List.of("指标不够细化"));
        fixture.given(DECLARED, returned).when(new ApproveGoal(KEY, LocalDate.of(2023, 1, 18), null))
                .expectNoEvents().expectException(Conflict.class);
        fixture.given(DECLARED, returned,
                        new PerformanceGoalRevised("430212", "g-gaj-pacs", 500_000_000L, TREE, null, null, "细化"))
                .when(new ApproveGoal(KEY, LocalDate.of(2023, 1, 18), null))
                .expectEvents(new PerformanceGoalApproved("430212", "g-gaj-pacs", GoalScope.PROJECT, "gaj-pacs", "gaj",
                        2023, 500_000_000L, LocalDate.of(2023, 1, 18)));
    }

    @Test
    void aRetriedApprovalIsAnsweredWithoutASecondEventAndAReusedKeyIsAConflict() {
        Map<String, String> request = Map.of(EventMetadata.REQUEST_ID, "k-1", CommandSender.REQUEST_FINGERPRINT, "fp-1");
        GenericDomainEventMessage<PerformanceGoalApproved> earlier = new GenericDomainEventMessage<>("PerformanceGoal",
                KEY, 1, APPROVED, MetaData.from(request));
        fixture.given(DECLARED).andGiven(List.of(earlier))
                .when(new ApproveGoal(KEY, LocalDate.of(2023, 1, 18), null), request)
                .expectNoEvents().expectResultMessagePayload(new GoalResult(Outcome.APPROVED, false));
        fixture.given(DECLARED).andGiven(List.of(earlier))
                .when(new ReturnGoal(KEY, List.of("x"), null),
                        Map.of(EventMetadata.REQUEST_ID, "k-1", CommandSender.REQUEST_FINGERPRINT, "fp-2"))
                .expectNoEvents().expectException(Conflict.class);
    }
}
