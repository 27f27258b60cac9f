package io.jixiao.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.events.budget.EntryReversed;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.MoneyEntryKind;
import io.jixiao.events.budget.ProjectRegistered;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 红字冲销 in the report: a mistaken payment and its reversal leave every figure as it was without both. */
class ReversalFoldTest {
    private static final FixtureEvents FIXTURE = FixtureEvents.load("lusong-2023");
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
    private static final DistrictSettings SETTINGS = DistrictSettings.unpublished("430203");

    @Test
    void aReversedPaymentLeavesTheReportAsItWasAndAnUnreversedOneDoesNot() {
        List<JournalEvent> events = FIXTURE.events();
        ProjectRegistered project = czjProject(events);
        long mistakenFen = 12_345_600L;   // 12.3456 万元, not part of the seed
        JournalEvent mistaken = new JournalEvent("mistaken", "ExpenditureRecorded", aggregate(project), 900,
                Instant.parse("2023-06-30T02:00:00Z"), new ExpenditureRecorded("430203", project.projectId(),
                mistakenFen, LocalDate.of(2023, 6, 30)));
        JournalEvent reversal = reversalOf900(project, mistakenFen);

        DistrictReport seed = report(events);
        DistrictReport withMistake = report(plus(events, mistaken));
        DistrictReport corrected = report(plus(events, mistaken, reversal));

        assertThat(withMistake.units()).isNotEqualTo(seed.units());
        assertThat(corrected.units()).isEqualTo(seed.units());
        assertThat(corrected.performance()).isEqualTo(seed.performance());
        assertThat(corrected.projects().items()).isEqualTo(seed.projects().items());
    }

    @Test
    void theReportListsTheReversalBesideTheEntryItReversesWithWhoRecordedItButNotToADashboard() {
        List<JournalEvent> events = FIXTURE.events();
        ProjectRegistered project = czjProject(events);
        JournalEvent reversal = reversalOf900(project, 1_234_567L);
        assertThat(report(events).projects().reversals()).isEmpty();

        DistrictReport corrected = report(plus(events, reversal));
        assertThat(corrected.projects().reversals()).containsExactly(new DistrictReport.ReversalLine(
                project.projectId(), "czj", 900, "mistaken", "支出", "12345.67", LocalDate.of(2023, 7, 1), "重复录入",
                "reversal", "finance-lusong"));
        assertThat(corrected.withoutActors().projects().reversals()).extracting(DistrictReport.ReversalLine::reversedBy)
                .containsExactly((String) null);
        ReportTable table = ReportTables.byId(corrected, "reversals").orElseThrow();
        assertThat(table.rows()).containsExactly(List.of(project.projectId(), "czj", "支出", "900", "12345.67",
                "2023-07-01", "重复录入", "finance-lusong"));
        assertThat(ReportHtml.render(corrected)).contains("红字冲销", "12345.67", "finance-lusong");
        // the year before has no reversal of this year's project
        assertThat(DistrictReportFold.report(DistrictReportFold.foldUpTo(plus(events, reversal), AS_OF), 2022,
                SETTINGS, AS_OF).projects().reversals()).isEmpty();
    }

    /** The first project of 芦淞区财政局 (czj) in the seed. */
    private static ProjectRegistered czjProject(List<JournalEvent> events) {
        return events.stream().map(JournalEvent::payload).filter(ProjectRegistered.class::isInstance)
                .map(ProjectRegistered.class::cast).filter(p -> p.unitId().equals("czj")).findFirst().orElseThrow();
    }

    private static String aggregate(ProjectRegistered project) {
        return "project:430203:" + project.projectId();
    }

    /** The reversal, by finance-lusong on 2023-07-01, of the expenditure of {@code fen} at sequence 900. */
    private static JournalEvent reversalOf900(ProjectRegistered project, long fen) {
        return new JournalEvent("reversal", "EntryReversed", aggregate(project), 901,
                Instant.parse("2023-07-01T02:00:00Z"), new EntryReversed("430203", project.projectId(), 900,
                "mistaken", MoneyEntryKind.EXPENDITURE, fen, "重复录入", LocalDate.of(2023, 7, 1)), "finance-lusong");
    }

    private static DistrictReport report(List<JournalEvent> events) {
        return DistrictReportFold.report(DistrictReportFold.foldUpTo(events, AS_OF), 2023, SETTINGS, AS_OF);
    }

    private static List<JournalEvent> plus(List<JournalEvent> events, JournalEvent... more) {
        List<JournalEvent> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }
}
