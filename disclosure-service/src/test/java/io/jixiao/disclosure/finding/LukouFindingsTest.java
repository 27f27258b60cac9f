package io.jixiao.disclosure.finding;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.events.DisclosureKind;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.fixture.Expectations;
import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.fixture.PublishedRules;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictReport.ProjectLine;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReportFold;
import io.jixiao.disclosure.report.DistrictSettings;
import io.jixiao.disclosure.report.PublishedTables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 渌口区 2023 (lukou-2023.json): monitoring against time progress, and exactly the disclosure findings it lists. */
class LukouFindingsTest {
    private static final FixtureEvents FIXTURE = FixtureEvents.load("lukou-2023");
    private static final DistrictSettings SETTINGS = DistrictSettings.of(PublishedRules.LUKOU_V0);
    private static final Instant LATER = Instant.parse("2024-06-01T00:00:00Z");
    /** The end of 2023-08-31 in the bureau's day (what {@code asOf=2023-08-31} means). */
    private static final Instant END_OF_AUGUST = Instant.parse("2023-08-31T15:59:59.999999999Z");

    private static List<FindingRow> findingsAt(List<JournalEvent> events, Instant at) {
        DistrictLedger ledger = DistrictReportFold.foldUpTo(events, at);
        return RuleCatalogue.evaluate(new DisclosureFacts(ledger, 2023, SETTINGS, at));
    }

    private static String row(FindingRow f) {
        return f.ruleId() + " " + f.unitId() + " expected " + f.expected() + " found " + f.found();
    }

    @Test
    void yieldsExactlyTheFindingsTheFixtureLists() {
        Expectations expect = new Expectations(FIXTURE.root().path("expect"));
        List<String> listed = expect.lines("disclosure findings");
        List<FindingRow> findings = findingsAt(FIXTURE.events(), LATER);

        assertThat(findings).extracting(LukouFindingsTest::row).containsExactlyInAnyOrder(
                "DISC-004 wjj expected 2023-02-09 found 2023-03-30",
                "DISC-001 xfj expected 有数据或附空表说明 found 空表，无说明",
                "DISC-003 xfj expected 1 found 0",
                "DISC-002 mzj expected 350.00 found 400.00 / 260.00",
                "DISC-003 mzj expected 2 found 1");
        // each row says what the fixture's sentence says
        assertThat(listed.get(0)).contains("wjj", "2023-03-30", "2023-02-09", "2023-01-20 + 20 days");
        assertThat(listed.get(1)).startsWith("xfj: empty table without explanation").contains(PublishedTables.PROJECT_GOALS);
        assertThat(listed.get(2)).contains("xfj", "0 project goal tables", "1 budgeted project", "xfj-tghwh");
        assertThat(listed.get(3)).contains("mzj", "400 万元", "260 万元", "350 万元");
        assertThat(listed.get(4)).contains("mzj", "1 project goal table published for 2 budgeted projects", "mzj-lnb");
        assertThat(listed.get(5)).isEqualTo("gaj, hwzx: no findings");
        assertThat(findings).extracting(FindingRow::unitId).doesNotContain("gaj", "hwzx");

        FindingRow late = findings.stream().filter(f -> f.ruleId().equals("DISC-004")).findFirst().orElseThrow();
        assertThat(late.difference()).isEqualTo("49");
        assertThat(late.measure()).isEqualTo("天");
        assertThat(late.severity()).isEqualTo(Severity.FATAL);
        assertThat(late.message()).contains("预算批复2023-01-20后20日");
        FindingRow mzjCoverage = findings.stream().filter(f -> f.ruleId().equals("DISC-003") && f.unitId().equals("mzj"))
                .findFirst().orElseThrow();
        assertThat(mzjCoverage.message()).contains("mzj-lnb（已批复绩效目标g-mzj-lnb未公开）");
        FindingRow xfjCoverage = findings.stream().filter(f -> f.ruleId().equals("DISC-003") && f.unitId().equals("xfj"))
                .findFirst().orElseThrow();
        assertThat(xfjCoverage.message()).contains("xfj-tghwh");
        FindingRow mismatch = findings.stream().filter(f -> f.ruleId().equals("DISC-002")).findFirst().orElseThrow();
        assertThat(mismatch.difference()).isEqualTo("50.00 / -90.00");
        assertThat(mismatch.measure()).isEqualTo("万元");
        assertThat(findings).extracting(FindingRow::ruleVersion).containsOnly("disclosure-rules/1+430212:v0");

        monitoringAndExecution(expect);
        expect.allChecked();
    }

    private void monitoringAndExecution(Expectations expect) {
        DistrictReport august = DistrictReportFold.report(DistrictReportFold.foldUpTo(FIXTURE.events(), END_OF_AUGUST),
                2023, SETTINGS, END_OF_AUGUST);
        // the checkpoint of 1–8月, as reported once the monitoring was recorded (September)
        DistrictReport later = DistrictReportFold.report(DistrictReportFold.foldUpTo(FIXTURE.events(), LATER), 2023,
                SETTINGS, LATER);
        for (String project : List.of("gaj-pacs", "wjj-jbgw", "hwzx-ljcz", "xfj-tghwh", "mzj-ylbt")) {
            String rate = expect.text("execution rate to 2023-08-31, " + project);
            ProjectLine line = august.projects().items().stream().filter(p -> p.projectId().equals(project))
                    .findFirst().orElseThrow();
            assertThat(line.executionRate()).as(project).isEqualTo(rate);
            assertThat(later.performance().monitoring().checkpoint().projects())
                    .filteredOn(c -> c.projectId().equals(project)).singleElement()
                    .satisfies(c -> assertThat(c.executionRate()).isEqualTo(rate));
        }
        assertThat(august.performance().monitoring().observations()).isZero();
        DistrictReport.Checkpoint checkpoint = later.performance().monitoring().checkpoint();
        assertThat(expect.text("time progress at 2023-08-31")).startsWith(checkpoint.timeProgress() + " (8 of 12");
        assertThat(checkpoint.date()).isEqualTo(LocalDate.of(2023, 8, 31));

        assertThat(expect.text("monitoring deviation")).startsWith("gaj-pacs").endsWith("no other project is");
        assertThat(checkpoint.behind()).containsExactly("gaj-pacs");
        DistrictReport.Monitoring monitoring = later.performance().monitoring();
        assertThat(monitoring.deviationsRaised()).isEqualTo(1);
        assertThat(monitoring.items()).filteredOn(DistrictReport.MonitoringLine::deviation)
                .extracting(DistrictReport.MonitoringLine::projectId).containsExactly("gaj-pacs");
        assertThat(monitoring.projectsMonitored()).isEqualTo(5);
        assertThat(monitoring.financeKey()).isEqualTo(4);

        List<String> candidates = Arrays.stream(expect.text(
                "key-monitoring candidates by the default rule (budget ≥ 200 万元, execution < 60% at 2023-08-31)")
                .split(",")).map(String::trim).toList();
        assertThat(checkpoint.keyMonitoringCandidates()).containsExactlyElementsOf(candidates);

        assertThat(expect.text("refused")).startsWith("mzj-lsjz");
        ProjectLine refused = august.projects().items().stream().filter(p -> p.projectId().equals("mzj-lsjz"))
                .findFirst().orElseThrow();
        assertThat(refused.initialWan()).isEqualTo("0.00");
        assertThat(august.performance().goals().budgetedProjects()).isEqualTo(6);
        assertThat(august.performance().goals().syncRate()).isEqualTo("100.00%");
    }

    @Test
    void findingsAsOfAnEarlierInstantAreThoseOfThatInstant() {
        Instant tenthOfFebruary = Instant.parse("2023-02-10T12:00:00Z");
        List<FindingRow> findings = findingsAt(FIXTURE.events(), tenthOfFebruary);
        // wjj had not published yet and its deadline had passed: a warning, not the fatal late publication
        assertThat(findings).extracting(LukouFindingsTest::row).contains(
                "DISC-006 wjj expected 2023-02-09 found 未公开");
        assertThat(findings).extracting(FindingRow::ruleId).doesNotContain("DISC-004");
        assertThat(findings).filteredOn(f -> f.unitId().equals("wjj")).extracting(FindingRow::severity)
                .containsOnly(Severity.WARNING);
    }

    @Test
    void aRetractedPackageNoLongerCounts() {
        List<JournalEvent> events = new ArrayList<>(FIXTURE.events());
        String packageId = FixtureEvents.packageId("wjj", DisclosureKind.GOALS);
        events.add(new JournalEvent("retract-wjj", "DisclosureRetracted", "DisclosurePackage:430212:" + packageId, 1,
                Instant.parse("2023-04-01T02:00:00Z"), new DisclosureRetracted("430212", 2023, "wjj", packageId,
                "逾期公开，撤回", LocalDate.of(2023, 4, 1))));
        List<FindingRow> findings = findingsAt(events, LATER);
        assertThat(findings).filteredOn(f -> f.unitId().equals("wjj")).extracting(LukouFindingsTest::row)
                .containsExactly("DISC-006 wjj expected 2023-02-09 found 未公开");
    }

    @Test
    void fatalRulesAreTheOnesThatBlockPublishing() {
        assertThat(RuleCatalogue.fatalRuleIds()).containsExactly("DISC-001", "DISC-002", "DISC-004");
        assertThat(RuleCatalogue.rules()).extracting(Rule::id)
                .containsExactly("DISC-001", "DISC-002", "DISC-003", "DISC-004", "DISC-005", "DISC-006", "DISC-007");
    }

    @Test
    void anEmptyTableWithAnExplanationIsFineUnlessTheRecordsHoldDataForIt() {
        List<JournalEvent> events = new ArrayList<>(FIXTURE.events());
        events.removeIf(e -> e.payload() instanceof io.jixiao.disclosure.events.DisclosurePublished p
                && p.unitId().equals("xfj"));
        events.add(new JournalEvent("xfj-explained", "DisclosurePublished", "DisclosurePackage:430212:pkg-xfj-2", 0,
                Instant.parse("2023-02-01T02:00:00Z"), new io.jixiao.disclosure.events.DisclosurePublished(
                "430212", 2023, "xfj", "pkg-xfj-2", DisclosureKind.GOALS, LocalDate.of(2023, 2, 1),
                java.util.Map.of(PublishedTables.PROJECT_GOALS, List.of(), "部门收支总表", List.of()),
                java.util.Map.of(PublishedTables.PROJECT_GOALS, "本单位无项目支出", "部门收支总表", "本单位无收支"),
                java.util.Map.of())));
        List<FindingRow> findings = findingsAt(events, LATER);
        assertThat(findings).filteredOn(f -> f.ruleId().equals("DISC-001")).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("pkg-xfj-2 / 项目支出绩效目标表");
            assertThat(f.found()).isEqualTo("空表（已说明），但记录中有1项已批复绩效目标");
        });
    }
}
