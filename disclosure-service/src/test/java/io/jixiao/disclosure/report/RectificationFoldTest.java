package io.jixiao.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.fixture.RectificationEvents;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.report.DistrictReport.RectificationLine;
import io.jixiao.disclosure.report.DistrictReport.Rectifications;
import io.jixiao.events.evaluation.RectificationStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RectificationFoldTest {
    private static final String DISTRICT = "430203";
    private static final DistrictSettings SETTINGS = DistrictSettings.unpublished(DISTRICT);
    private static final LocalDate APRIL_15 = LocalDate.parse("2024-04-15");
    private static final Instant T1 = Instant.parse("2024-03-31T02:00:00Z");
    private static final Instant T2 = Instant.parse("2024-04-10T02:00:00Z");
    /** The first instant after 15 April ends in Asia/Shanghai. */
    private static final Instant OVERDUE_AT = Instant.parse("2024-04-15T16:00:00Z");
    private static final Instant T3 = Instant.parse("2024-04-20T02:00:00Z");
    private static final Instant T4 = Instant.parse("2024-04-30T02:00:00Z");
    private static final Instant T5 = Instant.parse("2024-05-20T02:00:00Z");
    private static final Instant END = Instant.parse("2025-01-01T00:00:00Z");
    private static final String SENTENCE = "对评价和监控发现的";

    /**
     * R1: progressed, overdue, done late, signed off; R2: done, returned, done again; R3: overdue and left so;
     * R4: an item of 2022's report.
     */
    private static final List<JournalEvent> EVENTS = RectificationEvents.in(DISTRICT)
            .opened("R1", 2023, "unit-a", "ke-1", 0, APRIL_15, T1)
            .opened("R2", 2023, "unit-b", "ke-1", 1, LocalDate.parse("2024-06-30"), T1)
            .opened("R3", 2023, "unit-c", "ke-2", 0, APRIL_15, T1)
            .opened("R4", 2022, "unit-a", "ke-0", 0, APRIL_15, T1)
            .progressed("R1", T2).completed("R2", false, T2)
            .overdue("R1", OVERDUE_AT).overdue("R3", OVERDUE_AT).overdue("R4", OVERDUE_AT)
            .returned("R2", RectificationStatus.IN_PROGRESS, T3)
            .completed("R1", true, T4).completed("R2", false, T4)
            .signedOff("R1", LocalDate.parse("2024-04-30"), true, T5)
            .events();

    private static DistrictReport report(Instant asOf) {
        return DistrictReportFold.report(DistrictReportFold.foldUpTo(EVENTS, asOf), 2023, SETTINGS, asOf);
    }

    private static List<Integer> counts(Rectifications r) {
        return List.of(r.opened(), r.open(), r.inProgress(), r.done(), r.signedOff(), r.overdueNow(), r.doneLate(),
                r.returned(), r.returns());
    }

    private static RectificationLine line(Rectifications r, String id) {
        return r.items().stream().filter(l -> l.rectificationId().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> statuses(Rectifications r) {
        return r.items().stream().map(RectificationLine::status).toList();
    }

    private static List<String> sentence(DistrictReport r) {
        return r.narrative().performance().stream().filter(s -> s.startsWith(SENTENCE)).toList();
    }

    @Test
    void everyActOfTheYearsItemsIsCountedWithItsActor() {
        DistrictReport report = report(END);
        Rectifications r = report.performance().rectifications();
        assertThat(counts(r)).containsExactly(3, 0, 0, 2, 1, 1, 1, 1, 1);
        assertThat(statuses(r)).containsExactly("已销号", "已完成", "逾期");
        assertThat(line(r, "R1")).isEqualTo(new RectificationLine("R1", "重点评价发现问题", "ke-1#0", "问题0", "unit-a",
                "整改措施R1", APRIL_15, "已销号", OVERDUE_AT, LocalDate.parse("2024-04-30"), true,
                LocalDate.parse("2024-05-20"), 0, RectificationEvents.FINANCE, RectificationEvents.CLERK,
                RectificationEvents.FINANCE));
        RectificationLine r2 = line(r, "R2");
        assertThat(List.of(r2.returns(), r2.late(), r2.overdueSince() == null, r2.signedOffBy() == null))
                .containsExactly(1, false, true, true);
        assertThat(line(r, "R3").overdueSince()).isEqualTo(OVERDUE_AT);
        assertThat(line(r, "R3").completedBy()).isNull();
        assertThat(sentence(report)).containsExactly("对评价和监控发现的3个问题开展整改，已完成2个、已销号1个，逾期1个。");
        System.out.println("2023 rectifications as of " + END + ": " + counts(r) + " " + sentence(report));
    }

    @Test
    void asOfBetweenTheActsGivesTheCountsAndStatusesOfThatTime() {
        assertThat(report(T1.minusSeconds(1)).performance().rectifications().items()).isEmpty();
        assertThat(sentence(report(T1.minusSeconds(1)))).isEmpty();

        Rectifications opened = report(T1).performance().rectifications();
        assertThat(counts(opened)).containsExactly(3, 3, 0, 0, 0, 0, 0, 0, 0);
        assertThat(statuses(opened)).containsExactly("待整改", "待整改", "待整改");

        Rectifications second = report(T2).performance().rectifications();
        assertThat(counts(second)).containsExactly(3, 1, 1, 1, 0, 0, 0, 0, 0);
        assertThat(statuses(second)).containsExactly("整改中", "已完成", "待整改");
        assertThat(sentence(report(T2))).containsExactly("对评价和监控发现的3个问题开展整改，已完成1个、已销号0个，逾期0个。");

        Rectifications overdue = report(OVERDUE_AT).performance().rectifications();
        assertThat(counts(overdue)).containsExactly(3, 0, 0, 1, 0, 2, 0, 0, 0);
        assertThat(line(overdue, "R1").overdueSince()).isEqualTo(OVERDUE_AT);

        Rectifications returned = report(T3).performance().rectifications();
        assertThat(counts(returned)).containsExactly(3, 0, 1, 0, 0, 2, 0, 1, 1);
        assertThat(statuses(returned)).containsExactly("逾期", "整改中", "逾期");
        assertThat(line(returned, "R2").doneOn()).isNull();

        Rectifications late = report(T4).performance().rectifications();
        assertThat(counts(late)).containsExactly(3, 0, 0, 2, 0, 1, 1, 1, 1);
        assertThat(line(late, "R1").signedOn()).isNull();
        assertThat(line(late, "R1").signedOffBy()).isNull();
        assertThat(line(late, "R1").late()).isTrue();
    }

    @Test
    void withoutActorsKeepsEveryFigureAndDropsOnlyWhoActed() {
        Rectifications full = report(END).performance().rectifications();
        Rectifications wall = report(END).withoutActors().performance().rectifications();
        assertThat(counts(wall)).isEqualTo(counts(full));
        assertThat(statuses(wall)).isEqualTo(statuses(full));
        assertThat(wall.items()).allSatisfy(l -> assertThat(List.of(String.valueOf(l.openedBy()),
                String.valueOf(l.completedBy()), String.valueOf(l.signedOffBy()))).containsOnly("null"));
        assertThat(line(wall, "R1").overdueSince()).isEqualTo(OVERDUE_AT);
    }

    @Test
    void anItemIsListedInTheReportOfItsOwnYearOnly() {
        Rectifications of2022 = DistrictReportFold.report(DistrictReportFold.foldUpTo(EVENTS, END), 2022, SETTINGS,
                END).performance().rectifications();
        assertThat(of2022.items()).extracting(RectificationLine::rectificationId).containsExactly("R4");
        assertThat(counts(of2022)).containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0);
    }
}
