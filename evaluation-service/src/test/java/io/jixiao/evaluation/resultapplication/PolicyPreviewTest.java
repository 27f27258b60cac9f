package io.jixiao.evaluation.resultapplication;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.evaluation.assessment.SelfEvaluationReview.Status;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Applied;
import io.jixiao.evaluation.resultapplication.PolicyPreview.GradeBasis;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Graded;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Line;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Preview;
import io.jixiao.evaluation.resultapplication.PolicyPreview.Subject;
import io.jixiao.evaluation.settings.DefaultRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultApplicationRules;
import io.jixiao.evaluation.settings.EvaluationRules.ResultPolicy;
import io.jixiao.events.evaluation.EvaluationKind;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.ResultMeasure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 荷塘区's "cut 良 and below by 10 %" beside the built-in BY_GRADE policy, line by line and in total. */
class PolicyPreviewTest {
    private static final ResultApplicationRules BY_GRADE = DefaultRules.standard().resultApplication();
    private static final ResultApplicationRules HETANG = new ResultApplicationRules(ResultPolicy.CUT_GOOD_AND_BELOW,
            BY_GRADE.measures(), BY_GRADE.cutRatios(), new BigDecimal("0.10"), false);

    private static Graded key(String id, Grade grade, String project, String unit, Long budgetFen) {
        return new Graded(id, EvaluationKind.KEY, grade, GradeBasis.KEY_EVALUATION, null,
                List.of(new Subject(project, unit, budgetFen)), List.of());
    }

    private static Preview preview(List<Graded> graded) {
        return PolicyPreview.of("430202", 2022, graded, HETANG, DistrictResults.form(HETANG), BY_GRADE, "430202:v0");
    }

    private static Line line(Preview p, String projectId) {
        return p.lines().stream().filter(l -> l.projectId().equals(projectId)).findFirst().orElseThrow();
    }

    @Test
    void eachGradeIsCutAsEachPolicySaysToTheFenAndTheTotalsAreTheSumsOfTheLines() {
        Preview p = preview(List.of(
                key("e1", Grade.EXCELLENT, "p1", "u1", 100_000_00L),
                key("e2", Grade.GOOD, "p2", "u1", 123_456_75L),   // 10 % = 1,234,567.5 fen → HALF_UP 1,234,568
                key("e3", Grade.FAIR, "p3", "u2", 500_000_00L),
                key("e4", Grade.POOR, "p4", "u2", 80_000_01L)));
        assertThat(line(p, "p1").candidate().changeFen()).isZero();
        assertThat(line(p, "p2").candidate().measure()).isEqualTo(ResultMeasure.REDUCE);
        assertThat(line(p, "p2").candidate().changeFen()).isEqualTo(-1_234_568L);
        assertThat(line(p, "p2").inForce().measure()).isEqualTo(ResultMeasure.PRIORITY_GUARANTEE);
        assertThat(line(p, "p2").inForce().changeFen()).isZero();
        assertThat(line(p, "p3").candidate().changeFen()).isEqualTo(-5_000_000L);
        assertThat(line(p, "p3").differenceFen()).isZero();
        assertThat(line(p, "p4").candidate().changeFen()).isEqualTo(-800_000L);
        assertThat(line(p, "p4").inForce().changeFen()).isEqualTo(-8_000_001L);
        assertThat(line(p, "p4").differenceFen()).isEqualTo(7_200_001L);

        assertThat(p.district().candidateFen()).isEqualTo(-1_234_568L - 5_000_000L - 800_000L);
        assertThat(p.district().inForceFen()).isEqualTo(-5_000_000L - 8_000_001L);
        assertThat(p.district().differenceFen()).isEqualTo(p.district().candidateFen() - p.district().inForceFen());
        assertThat(p.units()).extracting(PolicyPreview.Totals::unitId).containsExactly("u1", "u2");
        assertThat(p.units().stream().mapToLong(PolicyPreview.Totals::candidateFen).sum())
                .isEqualTo(p.district().candidateFen());
        assertThat(p.plan().stream().mapToLong(PolicyPreview.Planned::changeFen).sum())
                .isEqualTo(p.district().candidateFen());
        assertThat(p.targetFiscalYear()).isEqualTo(2023);
    }

    @Test
    void appliedReturnedAndUnknownBudgetsAreShownButNotPlanned() {
        Graded applied = new Graded("e1", EvaluationKind.KEY, Grade.FAIR, GradeBasis.KEY_EVALUATION, null,
                List.of(new Subject("p1", "u1", 100_000_00L)),
                List.of(new Applied("p1", ResultMeasure.REDUCE, -1_000_000L, "430202:v0")));
        Graded returned = new Graded("e2", EvaluationKind.SELF, Grade.GOOD, GradeBasis.SUBMITTED, Status.RETURNED,
                List.of(new Subject("p2", "u1", 100_000_00L)), List.of());
        Graded unknown = key("e3", Grade.POOR, "p3", "u1", null);
        Graded guaranteed = key("e4", Grade.EXCELLENT, "p4", "u1", null);  // no cut: needs no budget
        Preview p = preview(List.of(applied, returned, unknown, guaranteed));

        assertThat(line(p, "p1").candidate().excludedBy()).isEqualTo(PolicyPreview.ALREADY_APPLIED);
        assertThat(line(p, "p1").applied().changeFen()).isEqualTo(-1_000_000L);
        assertThat(line(p, "p2").candidate().excludedBy()).isEqualTo(PolicyPreview.RETURNED);
        assertThat(line(p, "p3").candidate().excludedBy()).isEqualTo(PolicyPreview.BUDGET_NOT_YET_KNOWN);
        assertThat(line(p, "p3").candidate().changeFen()).isNull();
        assertThat(line(p, "p4").candidate().included()).isTrue();
        assertThat(p.plan()).extracting(PolicyPreview.Planned::evaluationId).containsExactly("e4");
        assertThat(p.district().candidateFen()).isZero();
        assertThat(p.district().alreadyAppliedFen()).isEqualTo(-1_000_000L);
        assertThat(p.district().included()).isEqualTo(1);
    }

    @Test
    void acceptedOnlyKeepsUnreviewedSelfEvaluationsOut() {
        ResultApplicationRules acceptedOnly = new ResultApplicationRules(HETANG.policy(), HETANG.measures(),
                HETANG.cutRatios(), HETANG.cutShare(), true);
        Graded submitted = new Graded("e1", EvaluationKind.SELF, Grade.GOOD, GradeBasis.SUBMITTED, Status.SUBMITTED,
                List.of(new Subject("p1", "u1", 100_000_00L)), List.of());
        Preview p = PolicyPreview.of("430202", 2022, List.of(submitted), acceptedOnly,
                DistrictResults.form(acceptedOnly), HETANG, "430202:v1");
        assertThat(line(p, "p1").candidate().excludedBy()).isEqualTo(PolicyPreview.NOT_ACCEPTED);
        assertThat(line(p, "p1").inForce().included()).isTrue();
        assertThat(line(p, "p1").differenceFen()).isEqualTo(1_000_000L);
    }

    @Test
    void theFingerprintChangesWithAnyFigureAndNotWithTheSpellingOfADecimal() {
        List<Graded> graded = List.of(key("e1", Grade.GOOD, "p1", "u1", 100_000_00L));
        String fingerprint = preview(graded).fingerprint();
        assertThat(preview(List.of(key("e1", Grade.GOOD, "p1", "u1", 100_000_01L))).fingerprint())
                .isNotEqualTo(fingerprint);
        ResultApplicationRules twenty = new ResultApplicationRules(ResultPolicy.CUT_GOOD_AND_BELOW, BY_GRADE.measures(),
                BY_GRADE.cutRatios(), new BigDecimal("0.2"), false);
        assertThat(PolicyPreview.of("430202", 2022, graded, twenty, DistrictResults.form(twenty), BY_GRADE,
                "430202:v0").fingerprint()).isNotEqualTo(fingerprint);
        ResultApplicationRules spelled = new ResultApplicationRules(ResultPolicy.CUT_GOOD_AND_BELOW,
                BY_GRADE.measures(), Map.copyOf(BY_GRADE.cutRatios()), new BigDecimal("0.1"), false);
        assertThat(PolicyPreview.of("430202", 2022, graded, spelled, DistrictResults.form(spelled), BY_GRADE,
                "430202:v0").fingerprint()).isEqualTo(fingerprint);
        assertThat(PolicyPreview.of("430202", 2022, graded, HETANG, DistrictResults.form(HETANG), BY_GRADE,
                "430202:v1").fingerprint()).isNotEqualTo(fingerprint);
    }
}
