package io.jixiao.evaluation.assessment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.assessment.EvaluationCommands.AcceptSelfEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.ApplyResult;
import io.jixiao.evaluation.assessment.EvaluationCommands.EvaluationResult;
import io.jixiao.evaluation.assessment.EvaluationCommands.GoalSnapshot;
import io.jixiao.evaluation.assessment.EvaluationCommands.Outcome;
import io.jixiao.evaluation.assessment.EvaluationCommands.ReturnSelfEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.SpotCheckSelfEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.SubmitSelfEvaluation;
import io.jixiao.evaluation.scoring.SelfEvaluationScoring;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.events.evaluation.BudgetExecutionRow;
import io.jixiao.events.evaluation.Comparator;
import io.jixiao.events.evaluation.EvaluationResultApplied;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.ResultMeasure;
import io.jixiao.events.evaluation.ReturnReason;
import io.jixiao.events.evaluation.ScoredIndicator;
import io.jixiao.events.evaluation.SelfEvaluationAccepted;
import io.jixiao.events.evaluation.SelfEvaluationReturned;
import io.jixiao.events.evaluation.SelfEvaluationSpotChecked;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FINANCE's review of a self-evaluation: accept, return with reasons, resubmit, spot-check, and what is applied. */
class SelfEvaluationReviewTest {
    private static final EvaluationRules RULES = DefaultRules.standard();
    private static final String D = "430212";
    private static final String ID = "se-mzj-2023";
    private static final String KEY = Keys.evaluation(D, ID);
    private static final LocalDate ON = LocalDate.of(2024, 3, 20);
    private static final List<Indicator> INDICATORS = List.of(
            new Indicator("产出指标", "数量指标", "救助人数", Comparator.AT_LEAST, "100", "人", new BigDecimal("90")));
    private static final SelfEvaluationSubmitted SUBMITTED = submitted("88.00", Grade.GOOD);
    private static final SelfEvaluationReturned RETURNED = new SelfEvaluationReturned(D, ID, "g-mzj", "mzj-jz", "mzj",
            2023, List.of(new ReturnReason("救助人数", "实际完成值缺少佐证材料")), ON);
    private static final SelfEvaluationAccepted ACCEPTED = new SelfEvaluationAccepted(D, ID, "g-mzj", "mzj-jz", "mzj",
            2023, new BigDecimal("88.00"), Grade.GOOD, ON);

    private AggregateTestFixture<Evaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evaluation.class);
    }

    private static SelfEvaluationSubmitted submitted(String total, Grade grade) {
        return new SelfEvaluationSubmitted(D, ID, "g-mzj", GoalScope.PROJECT, "mzj-jz", "mzj", 2023,
                new BudgetExecutionRow(100_000_00L, 100_000_00L, 100_000_00L, BigDecimal.TEN, new BigDecimal("100.00"),
                        new BigDecimal("10.00")),
                List.of(new ScoredIndicator("产出指标", "数量指标", "救助人数", Comparator.AT_LEAST, "100", "87",
                        new BigDecimal("90"), new BigDecimal("78.30"), new BigDecimal("78.00"), true, null, null)),
                new BigDecimal(total), grade, D + ":v0");
    }

    private static SubmitSelfEvaluation resubmission(String actual) {
        GoalSnapshot goal = new GoalSnapshot("g-mzj", GoalScope.PROJECT, "mzj-jz", "mzj", 2023, true, INDICATORS,
                BigDecimal.TEN);
        return new SubmitSelfEvaluation(KEY, D, ID, goal, 2023,
                new SelfEvaluationScoring.Budget(100_000_00L, 100_000_00L, 100_000_00L, null),
                List.of(new SelfEvaluationScoring.Actual("救助人数", actual, null, null, null, null, false)),
                new SelfEvaluationScoring.Rules(RULES.weights().total(), RULES.qualitativeBands(), RULES.gradeBands()),
                RULES.weights().budgetExecutionDefault(), D + ":v0", null);
    }

    private static SpotCheckSelfEvaluation spotCheck(String score) {
        return new SpotCheckSelfEvaluation(KEY, new BigDecimal(score), "抽查佐证材料", ON.plusDays(10),
                RULES.gradeBands(), RULES.weights().total(), D + ":v0");
    }

    private static ApplyResult apply(boolean acceptedOnly) {
        ResultApplicationRules r = RULES.resultApplication();
        return new ApplyResult(KEY, null, Map.of("mzj-jz", 100_000_00L), new ResultApplicationRules(r.policy(),
                r.measures(), r.cutRatios(), r.cutShare(), acceptedOnly), D + ":v0");
    }

    @Test
    void aSubmittedSelfEvaluationIsAcceptedWithItsScoreAndGrade() {
        fixture.given(SUBMITTED).when(new AcceptSelfEvaluation(KEY, ON)).expectEvents(ACCEPTED)
                .expectResultMessagePayload(new EvaluationResult(Outcome.ACCEPTED, true));
    }

    @Test
    void aReturnNamesARowAndAReasonEachAndIsRefusedOtherwise() {
        fixture.given(SUBMITTED).when(new ReturnSelfEvaluation(KEY, List.of(new ReturnReason(" 救助人数 ",
                " 实际完成值缺少佐证材料 ")), ON)).expectEvents(RETURNED)
                .expectResultMessagePayload(new EvaluationResult(Outcome.RETURNED, true));
        fixture.given(SUBMITTED).when(new ReturnSelfEvaluation(KEY, List.of(new ReturnReason("满意度", "x"),
                        new ReturnReason(ReturnReason.BUDGET_EXECUTION, " ")), ON))
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(
                        "reasons[0].l3: '满意度' is no row of this self-evaluation (its level-3 indicators or 预算执行率); "
                                + "reasons[1].reason: says what the unit must revise");
        fixture.given(SUBMITTED).when(new ReturnSelfEvaluation(KEY, List.of(), ON)).expectNoEvents()
                .expectException(InvalidInput.class).expectExceptionMessage(
                        "reasons: a return names at least one indicator and why it must be revised");
    }

    @Test
    void theUnitResubmitsAfterAReturnAndTheResubmissionIsAcceptedNotTheReturnedOne() {
        fixture.given(SUBMITTED, RETURNED).when(new AcceptSelfEvaluation(KEY, ON)).expectNoEvents()
                .expectException(RuleViolation.class).expectExceptionMessage("self-evaluation 'se-mzj-2023' was "
                        + "returned to its unit; it is reviewed again once the unit resubmits it");
        // 救助人数 100 of 100 → 90 + 10 = 100.00
        fixture.given(SUBMITTED, RETURNED).when(resubmission("100"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e -> e instanceof SelfEvaluationSubmitted s
                        && s.totalScore().compareTo(new BigDecimal("100")) == 0 && s.grade() == Grade.EXCELLENT),
                        andNoMore())))
                .expectResultMessagePayload(new EvaluationResult(Outcome.RESUBMITTED, true));
        fixture.given(SUBMITTED, RETURNED, submitted("100.00", Grade.EXCELLENT)).when(new AcceptSelfEvaluation(KEY, ON))
                .expectEvents(new SelfEvaluationAccepted(D, ID, "g-mzj", "mzj-jz", "mzj", 2023,
                        new BigDecimal("100.00"), Grade.EXCELLENT, ON));
    }

    @Test
    void acceptingTwiceOrBeforeASubmissionIsRefusedAndAnAcceptedOneIsFinal() {
        fixture.given(SUBMITTED, ACCEPTED).when(new AcceptSelfEvaluation(KEY, ON)).expectNoEvents()
                .expectException(Conflict.class).expectExceptionMessage(
                        "self-evaluation 'se-mzj-2023' was accepted; an accepted self-evaluation is final");
        fixture.given(SUBMITTED, ACCEPTED).when(new ReturnSelfEvaluation(KEY, RETURNED.reasons(), ON))
                .expectNoEvents().expectException(Conflict.class);
        fixture.given(SUBMITTED, ACCEPTED).when(resubmission("100")).expectNoEvents().expectException(Conflict.class);
        // the accepted submission itself again: a no-op, not a revision
        fixture.givenCommands(resubmission("100"), new AcceptSelfEvaluation(KEY, ON)).when(resubmission("100"))
                .expectNoEvents().expectResultMessagePayload(new EvaluationResult(Outcome.UNCHANGED, false));
        // no evaluation recorded under the key: nothing to accept (the service answers 404 before sending)
        fixture.givenNoPriorActivity().when(new AcceptSelfEvaluation(KEY, ON)).expectNoEvents()
                .expectException(AggregateNotFoundException.class);
        assertThatThrownBy(() -> SelfEvaluationReview.requireAwaitingReview(null, ID))
                .isInstanceOf(RuleViolation.class).hasMessage("self-evaluation 'se-mzj-2023' has not been submitted; "
                        + "only a submitted self-evaluation is reviewed");
    }

    @Test
    void aRetryOfTheSameRequestIsAnsweredFromWhatIsRecorded() {
        MetaData request = MetaData.with("requestId", "accept-1").and("requestFingerprint", "f");
        fixture.given(SUBMITTED, new GenericEventMessage<>(ACCEPTED, request)).when(new AcceptSelfEvaluation(KEY, ON), request)
                .expectNoEvents().expectResultMessagePayload(new EvaluationResult(Outcome.ACCEPTED, false));
    }

    @Test
    void anAcceptedSelfEvaluationIsSpotCheckedOnceBesideTheAcceptedScore() {
        SelfEvaluationSpotChecked checked = new SelfEvaluationSpotChecked(D, ID, "g-mzj", "mzj-jz", "mzj", 2023,
                new BigDecimal("88.00"), Grade.GOOD, new BigDecimal("79.50"), Grade.FAIR, new BigDecimal("-8.50"),
                "抽查佐证材料", ON.plusDays(10), D + ":v0");
        fixture.given(SUBMITTED, ACCEPTED).when(spotCheck("79.5")).expectEvents(checked)
                .expectResultMessagePayload(new EvaluationResult(Outcome.SPOT_CHECKED, true));
        fixture.given(SUBMITTED, ACCEPTED, checked).when(spotCheck("79.50")).expectNoEvents()
                .expectResultMessagePayload(new EvaluationResult(Outcome.UNCHANGED, false));
        fixture.given(SUBMITTED, ACCEPTED, checked).when(spotCheck("90")).expectNoEvents()
                .expectException(Conflict.class);
        fixture.given(SUBMITTED).when(spotCheck("79.5")).expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("self-evaluation 'se-mzj-2023' is submitted; FINANCE spot-checks an "
                        + "accepted self-evaluation");
        fixture.given(SUBMITTED, ACCEPTED).when(spotCheck("100.01")).expectNoEvents()
                .expectException(InvalidInput.class).expectExceptionMessage("score: must lie within 0..100");
    }

    @Test
    void theAcceptedGradeIsAppliedNotTheSpotCheckedOne() {
        SelfEvaluationSpotChecked poor = new SelfEvaluationSpotChecked(D, ID, "g-mzj", "mzj-jz", "mzj", 2023,
                new BigDecimal("88.00"), Grade.GOOD, new BigDecimal("50.00"), Grade.POOR, new BigDecimal("-38.00"),
                null, ON, D + ":v0");
        fixture.given(SUBMITTED, ACCEPTED, poor).when(apply(true))
                .expectEvents(new EvaluationResultApplied(D, ID, io.jixiao.events.evaluation.EvaluationKind.SELF,
                        "mzj-jz", 2024, Grade.GOOD, ResultMeasure.PRIORITY_GUARANTEE, BigDecimal.ZERO, 0, D + ":v0"));
    }

    @Test
    void aReturnedSelfEvaluationIsNotAppliedNorAnUnreviewedOneWhereOnlyAcceptedOnesApply() {
        fixture.given(SUBMITTED, RETURNED).when(apply(false)).expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("self-evaluation 'se-mzj-2023' was returned to its unit; its result is "
                        + "applied once it is resubmitted and accepted");
        fixture.given(SUBMITTED).when(apply(true)).expectNoEvents().expectException(RuleViolation.class)
                .expectExceptionMessage("self-evaluation 'se-mzj-2023' has not been accepted; this district applies "
                        + "the results of accepted self-evaluations only");
        fixture.given(SUBMITTED).when(apply(false)).expectEventsMatching(payloadsMatching(exactSequenceOf(
                predicate(e -> e instanceof EvaluationResultApplied a && a.grade() == Grade.GOOD), andNoMore())));
    }
}
