package io.jixiao.evaluation.assessment;

import io.jixiao.evaluation.Keys;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.evaluation.BudgetNotYetKnown;
import io.jixiao.evaluation.Fixtures;
import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.assessment.EvaluationCommands.ApplyResult;
import io.jixiao.evaluation.assessment.EvaluationCommands.CommissionKeyEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.CompleteKeyEvaluation;
import io.jixiao.evaluation.assessment.EvaluationCommands.EvaluationResult;
import io.jixiao.evaluation.assessment.EvaluationCommands.GoalSnapshot;
import io.jixiao.evaluation.assessment.EvaluationCommands.Outcome;
import io.jixiao.evaluation.assessment.EvaluationCommands.SubmitSelfEvaluation;
import io.jixiao.evaluation.goal.IndicatorTreeRules;
import io.jixiao.evaluation.scoring.SelfEvaluationScoring;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules;
import io.jixiao.events.evaluation.EvaluationKind;
import io.jixiao.events.evaluation.EvaluationResultApplied;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.KeyEvaluationCommissioned;
import io.jixiao.events.evaluation.KeyEvaluationCompleted;
import io.jixiao.events.evaluation.ResultMeasure;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Evaluation aggregate: 自评 scored, 重点评价 commissioned and completed, results applied once. */
class EvaluationTest {
    private static final EvaluationRules RULES = DefaultRules.standard();
    private static final String SELF_KEY = Keys.evaluation("430203", "se-czj-2023");
    private static final String KEY_KEY = Keys.evaluation("430511", "ke-2022-01");
    private static final KeyEvaluationCommissioned COMMISSIONED = new KeyEvaluationCommissioned("430511", "ke-2022-01",
            "专项资金", List.of("jyj-xcfw"), null, "湖南财正会计师事务所（普通合伙）", 15_900_000L, 1, 2022, 2021,
            LocalDate.of(2022, 6, 1));

    private AggregateTestFixture<Evaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evaluation.class);
    }

    /** 芦淞区财政局 2023's self-evaluation as a command (lusong-2023.json). */
    private static SubmitSelfEvaluation lusong(boolean approved, int year, String firstActual) {
        JsonNode fixtureFile = Fixtures.read("lusong-2023.json");
        JsonNode goal = fixtureFile.path("goals").get(0);
        JsonNode evaluation = fixtureFile.path("selfEvaluations").get(0);
        GoalSnapshot snapshot = new GoalSnapshot("czj-2023-overall", GoalScope.UNIT_OVERALL, null, "czj", 2023, approved,
                IndicatorTreeRules.normalise(Fixtures.rows(goal)), BigDecimal.TEN);
        List<SelfEvaluationScoring.Actual> actuals = new ArrayList<>();
        for (JsonNode a : evaluation.path("actuals")) {
            actuals.add(new SelfEvaluationScoring.Actual(a.path("l3").asText(),
                    actuals.isEmpty() ? firstActual : a.path("actual").asText(),
                    actuals.isEmpty() ? null : new BigDecimal(a.path("score").asText()), null, null,
                    a.path("deviationReason").asText(null), false));
        }
        JsonNode b = evaluation.path("budget");
        return new SubmitSelfEvaluation(SELF_KEY, "430203", "se-czj-2023", snapshot, year,
                new SelfEvaluationScoring.Budget(Fixtures.fen(b.path("initialWan")), Fixtures.fen(b.path("fullYearWan")),
                        Fixtures.fen(b.path("executedWan")), null), actuals,
                new SelfEvaluationScoring.Rules(RULES.weights().total(), RULES.qualitativeBands(), RULES.gradeBands()),
                RULES.weights().budgetExecutionDefault(), "430203:v0", null);
    }

    @Test
    void scoresTheSelfEvaluationAndRecordsTheRuleVersion() {
        fixture.givenNoPriorActivity().when(lusong(true, 2023, "54"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e -> e instanceof SelfEvaluationSubmitted s
                        && s.totalScore().toPlainString().equals("96.00") && s.grade() == Grade.EXCELLENT
                        && s.budgetExecution().score().toPlainString().equals("10.00") && s.indicators().size() == 18
                        && s.ruleVersion().equals("430203:v0") && s.unitId().equals("czj")), andNoMore())))
                .expectResultMessagePayload(new EvaluationResult(Outcome.SUBMITTED, true));
    }

    @Test
    void theSameSubmissionIsANoOpAndAnotherOneResubmitsUntilApplied() {
        fixture.givenCommands(lusong(true, 2023, "54")).when(lusong(true, 2023, "54")).expectNoEvents()
                .expectResultMessagePayload(new EvaluationResult(Outcome.UNCHANGED, false));
        // 保障退休、在岗工作人员人数: 27 of 54 → 1.50 of 3 → 94.50
        fixture.givenCommands(lusong(true, 2023, "54")).when(lusong(true, 2023, "27"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(e -> e instanceof SelfEvaluationSubmitted s
                        && s.totalScore().toPlainString().equals("94.50")), andNoMore())))
                .expectResultMessagePayload(new EvaluationResult(Outcome.RESUBMITTED, true));
    }

    @Test
    void onlyAnApprovedGoalOfTheSameYearIsSelfEvaluated() {
        fixture.givenNoPriorActivity().when(lusong(false, 2023, "54")).expectNoEvents()
                .expectException(RuleViolation.class);
        fixture.givenNoPriorActivity().when(lusong(true, 2024, "54")).expectNoEvents()
                .expectException(RuleViolation.class).expectExceptionMessage(
                        "goal 'czj-2023-overall' is of fiscal year 2023, not 2024");
        fixture.givenNoPriorActivity().when(lusong(true, 2023, "五十四")).expectNoEvents()
                .expectException(InvalidInput.class).expectExceptionMessage(
                        "actuals[0].actual: '五十四' is not a number (the indicator is numeric)");
    }

    @Test
    void aKeyEvaluationIsCommissionedOnceAndCompletedWithAGradeFromItsScore() {
        CommissionKeyEvaluation commission = new CommissionKeyEvaluation(KEY_KEY, "430511", "ke-2022-01", "专项资金",
                List.of("jyj-xcfw"), null, "湖南财正会计师事务所（普通合伙）", 15_900_000L, 1, 2022, 2021,
                LocalDate.of(2022, 6, 1));
        fixture.givenNoPriorActivity().when(commission).expectEvents(COMMISSIONED);
        fixture.given(COMMISSIONED).when(commission).expectNoEvents()
                .expectResultMessagePayload(new EvaluationResult(Outcome.UNCHANGED, false));
        fixture.given(COMMISSIONED).when(complete(new BigDecimal("75"), null))
                .expectEvents(new KeyEvaluationCompleted("430511", "ke-2022-01", new BigDecimal("75.00"), Grade.FAIR,
                        List.of("资金拨付滞后"), "总体较好", LocalDate.of(2022, 10, 1), "430511:v0"));
        fixture.given(COMMISSIONED).when(complete(new BigDecimal("75"), Grade.GOOD)).expectNoEvents()
                .expectException(InvalidInput.class).expectExceptionMessage(
                        "grade: a score of 75.00 is graded 中 by rule version 430511:v0, not 良");
    }

    @Test
    void aKeyEvaluationNeedsEitherProjectsOrAUnit() {
        fixture.givenNoPriorActivity().when(new CommissionKeyEvaluation(KEY_KEY, "430511", "ke-2022-01", " ",
                        List.of("a", "a"), "jyj", "", -1, 1, 2022, 2021, LocalDate.of(2022, 6, 1)))
                .expectNoEvents().expectException(InvalidInput.class).expectExceptionMessage(
                        "type: the evaluation's type (专项资金, 部门整体支出, 财政政策, 事前评估 …) is missing; subjectUnitId: "
                                + "a key evaluation covers either projects (projectIds) or a unit's overall spending "
                                + "(subjectUnitId), exactly one of them; projectIds[1]: 'a' is listed twice; evaluator: "
                                + "who carries the evaluation out (a third party) is missing; amount: must not be "
                                + "negative; projectCount: covers at least its 2 subject(s)");
    }

    @Test
    void aGradeIsAppliedToEachSubjectProjectOnce() {
        KeyEvaluationCompleted fair = new KeyEvaluationCompleted("430511", "ke-2022-01", new BigDecimal("75.00"),
                Grade.FAIR, List.of(), null, LocalDate.of(2022, 10, 1), "430511:v0");
        EvaluationResultApplied applied = new EvaluationResultApplied("430511", "ke-2022-01", EvaluationKind.KEY,
                "jyj-xcfw", 2023, Grade.FAIR, ResultMeasure.REDUCE, new BigDecimal("0.10"), -1_590_000L, "430511:v1");
        ApplyResult apply = new ApplyResult(KEY_KEY, null, Map.of("jyj-xcfw", 15_900_000L),
                RULES.resultApplication(), "430511:v1");
        fixture.given(COMMISSIONED, fair).when(apply).expectEvents(applied)
                .expectResultMessagePayload(new EvaluationResult(Outcome.APPLIED, true));
        fixture.given(COMMISSIONED, fair, applied).when(apply).expectNoEvents()
                .expectResultMessagePayload(new EvaluationResult(Outcome.UNCHANGED, false));
        fixture.given(COMMISSIONED, fair, applied)
                .when(new ApplyResult(KEY_KEY, 2024, Map.of("jyj-xcfw", 15_900_000L), RULES.resultApplication(), "v"))
                .expectNoEvents().expectException(Conflict.class);
        fixture.given(COMMISSIONED, fair)
                .when(new ApplyResult(KEY_KEY, null, Map.of(), RULES.resultApplication(), "430511:v1"))
                .expectNoEvents().expectException(BudgetNotYetKnown.class);
    }

    @Test
    void aProtectedGradeNeedsNoBudgetAndAnUngradedEvaluationIsNotApplied() {
        KeyEvaluationCompleted excellent = new KeyEvaluationCompleted("430511", "ke-2022-01", new BigDecimal("92.00"),
                Grade.EXCELLENT, List.of(), null, LocalDate.of(2022, 10, 1), "430511:v0");
        fixture.given(COMMISSIONED, excellent)
                .when(new ApplyResult(KEY_KEY, 2023, Map.of(), RULES.resultApplication(), "430511:v0"))
                .expectEvents(new EvaluationResultApplied("430511", "ke-2022-01", EvaluationKind.KEY, "jyj-xcfw", 2023,
                        Grade.EXCELLENT, ResultMeasure.KEY_GUARANTEE, new BigDecimal("0"), 0, "430511:v0"));
        fixture.given(COMMISSIONED)
                .when(new ApplyResult(KEY_KEY, null, Map.of(), RULES.resultApplication(), "430511:v0"))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(COMMISSIONED, excellent)
                .when(new ApplyResult(KEY_KEY, 2021, Map.of(), RULES.resultApplication(), "430511:v0"))
                .expectNoEvents().expectException(RuleViolation.class);
    }

    @Test
    void aUnitsOverallSelfEvaluationHasNoProjectToApplyTo() {
        fixture.givenCommands(lusong(true, 2023, "54"))
                .when(new ApplyResult(SELF_KEY, null, Map.of(), RULES.resultApplication(), "430203:v0"))
                .expectNoEvents().expectException(RuleViolation.class);
        fixture.given(COMMISSIONED).when(lusong(true, 2023, "54")).expectNoEvents().expectException(Conflict.class);
    }

    private static CompleteKeyEvaluation complete(BigDecimal score, Grade grade) {
        return new CompleteKeyEvaluation(KEY_KEY, score, grade, List.of("资金拨付滞后"), "总体较好",
                LocalDate.of(2022, 10, 1), RULES.gradeBands(), RULES.weights().total(), "430511:v0", null);
    }
}
