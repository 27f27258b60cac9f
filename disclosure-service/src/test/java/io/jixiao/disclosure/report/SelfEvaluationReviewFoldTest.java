package io.jixiao.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.fixture.ReviewEvents;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.report.DistrictReport.GradeCount;
import io.jixiao.disclosure.report.DistrictReport.SelfEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.SelfEvaluations;
import io.jixiao.disclosure.report.DistrictReport.SpotCheckLine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FINANCE's review of self-evaluations (自评审核) in the report: submitted, returned, resubmitted, accepted and
 * spot-checked, counted for the report's year, each as of the instant asked; the grades count the accepted grade.
 */
class SelfEvaluationReviewFoldTest {
    private static final String DISTRICT = "430203";
    private static final DistrictSettings SETTINGS = DistrictSettings.unpublished(DISTRICT);
    private static final Instant T1 = Instant.parse("2024-03-31T02:00:00Z");
    private static final Instant T2 = Instant.parse("2024-04-10T02:00:00Z");
    private static final Instant T3 = Instant.parse("2024-04-20T02:00:00Z");
    private static final Instant T4 = Instant.parse("2024-04-30T02:00:00Z");
    private static final Instant T5 = Instant.parse("2024-05-20T02:00:00Z");
    private static final Instant END = Instant.parse("2025-01-01T00:00:00Z");
    private static final String REVIEW = "财政部门审核单位自评";

    /** A: returned, resubmitted, accepted, spot-checked lower; B: accepted, spot-checked higher; C: returned; D: new. */
    private static final List<JournalEvent> EVENTS = ReviewEvents.in(DISTRICT)
            .submitted("A", 2023, "85.00", T1).submitted("B", 2023, "92.00", T1).submitted("C", 2023, "70.00", T1)
            .submitted("E", 2022, "75.00", T1)
            .returned("A", T2).accepted("B", T2).accepted("E", T2)
            .resubmitted("A", "88.00", T3).returned("C", T3)
            .accepted("A", T4).submitted("D", 2023, "65.00", T4)
            .spotChecked("A", "80.50", T5).spotChecked("B", "93.00", T5).spotChecked("E", "60.00", T5)
            .events();

    private static DistrictReport report(Instant asOf) {
        return DistrictReportFold.report(DistrictReportFold.foldUpTo(EVENTS, asOf), 2023, SETTINGS, asOf);
    }

    private static SelfEvaluationLine line(SelfEvaluations s, String id) {
        return s.items().stream().filter(l -> l.evaluationId().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> review(DistrictReport r) {
        return r.narrative().performance().stream().filter(s -> s.startsWith(REVIEW)).toList();
    }

    @Test
    void everyActOfTheReviewIsCountedForTheReportsYear() {
        DistrictReport r = report(END);
        SelfEvaluations s = r.performance().selfEvaluations();
        assertThat(List.of(s.submitted(), s.resubmissions(), s.returned(), s.returns(), s.accepted(),
                s.awaitingReview(), s.spotChecked())).containsExactly(4, 1, 2, 2, 2, 1, 2);
        assertThat(s.spotChecks()).containsExactly(new SpotCheckLine("A", "unit-A", null, "88.00", "80.50", "-7.50"),
                new SpotCheckLine("B", "unit-B", null, "92.00", "93.00", "1.00"));
        assertThat(s.largestDifference()).isEqualTo("7.50");
        assertThat(s.meanDifference()).isEqualTo("4.25");   // (7.50 + 1.00) ÷ 2
        assertThat(List.of(line(s, "A").reviewStatus(), line(s, "B").reviewStatus(), line(s, "C").reviewStatus(),
                line(s, "D").reviewStatus())).containsExactly("已抽查", "已抽查", "已退回", "待审核");
        assertThat(line(s, "A").totalScore()).isEqualTo("88.00");
        assertThat(List.of(line(s, "A").acceptedScore(), line(s, "A").acceptedGrade())).containsExactly("88.00", "良");
        assertThat(line(s, "C").acceptedScore()).isNull();
        assertThat(s.grades()).containsExactly(new GradeCount("优", 1), new GradeCount("良", 1), new GradeCount("中", 2),
                new GradeCount("差", 0));
        assertThat(review(r)).containsExactly("财政部门审核单位自评4份，退回2份，采纳2份，抽查2份，抽查评分与单位自评分最大相差7.5分。");
    }

    @Test
    void asOfBetweenTheActsGivesTheCountsOfThatTime() {
        SelfEvaluations first = report(T1).performance().selfEvaluations();
        assertThat(List.of(first.submitted(), first.returned(), first.accepted(), first.awaitingReview(),
                first.spotChecked())).containsExactly(3, 0, 0, 3, 0);
        assertThat(first.reviewed()).isFalse();
        assertThat(review(report(T1))).isEmpty();

        SelfEvaluations second = report(T2).performance().selfEvaluations();
        assertThat(List.of(second.submitted(), second.resubmissions(), second.returned(), second.returns(),
                second.accepted(), second.awaitingReview(), second.spotChecked())).containsExactly(3, 0, 1, 1, 1, 1, 0);
        assertThat(line(second, "A").reviewStatus()).isEqualTo("已退回");
        assertThat(second.largestDifference()).isNull();
        assertThat(review(report(T2))).containsExactly("财政部门审核单位自评3份，退回1份，采纳1份，抽查0份。");

        SelfEvaluations third = report(T3).performance().selfEvaluations();
        assertThat(List.of(third.submitted(), third.resubmissions(), third.returned(), third.returns(),
                third.accepted(), third.awaitingReview())).containsExactly(3, 1, 2, 2, 1, 1);
        assertThat(line(third, "A").reviewStatus()).isEqualTo("待审核");
        assertThat(line(third, "A").totalScore()).isEqualTo("88.00");

        SelfEvaluations fourth = report(T4).performance().selfEvaluations();
        assertThat(List.of(fourth.submitted(), fourth.accepted(), fourth.awaitingReview(), fourth.spotChecked()))
                .containsExactly(4, 2, 1, 0);
        assertThat(line(fourth, "A").reviewStatus()).isEqualTo("已采纳");
    }

    @Test
    void theTablesShowTheCountsAndTheSpotChecks() {
        DistrictReport r = report(END);
        assertThat(ReportTables.byId(r, "self-evaluation-review").orElseThrow().rows()).containsExactly(
                List.of("提交自评（份）", "4"), List.of("重新提交（次）", "1"), List.of("退回（份）", "2"),
                List.of("退回（次）", "2"), List.of("采纳（份）", "2"), List.of("待审核（份）", "1"),
                List.of("抽查（份）", "2"), List.of("抽查评分最大相差（分）", "7.50"), List.of("抽查评分平均相差（分）", "4.25"));
        assertThat(ReportTables.byId(r, "spot-checks").orElseThrow().rows()).containsExactly(
                List.of("A", "unit-A", "—", "88.00", "80.50", "-7.50"), List.of("B", "unit-B", "—", "92.00", "93.00", "1.00"));
        assertThat(ReportTables.byId(r, "self-evaluations").orElseThrow().rows()).contains(
                List.of("C", "goal-C", "unit-C", "—", "—", "70.00", "中", "已退回", "—", "—"));
    }

    @Test
    void aDistrictWithoutReviewEventsKeepsItsNarrativeAndItsSubmissionWaits() {
        FixtureEvents lusong = FixtureEvents.load("lusong-2023");
        DistrictReport r = DistrictReportFold.report(DistrictReportFold.foldUpTo(lusong.events(), END), 2023, SETTINGS,
                END);
        SelfEvaluations s = r.performance().selfEvaluations();
        assertThat(List.of(s.submitted(), s.returned(), s.accepted(), s.awaitingReview(), s.spotChecked()))
                .containsExactly(1, 0, 0, 1, 0);
        assertThat(s.items()).singleElement().satisfies(l -> assertThat(l.reviewStatus()).isEqualTo("待审核"));
        assertThat(review(r)).isEmpty();
    }
}
