package io.jixiao.disclosure.report;

import static io.jixiao.disclosure.fixture.Expectations.assertWan;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.finding.DisclosureFacts;
import io.jixiao.disclosure.finding.FindingRow;
import io.jixiao.disclosure.finding.RuleCatalogue;
import io.jixiao.disclosure.fixture.Expectations;
import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.report.DistrictReport.SelfEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.UnitLine;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** 芦淞区财政局 2023 (lusong-2023.json): the unit's budget execution and its self-evaluation. */
class LusongReportFoldTest {
    private static final FixtureEvents FIXTURE = FixtureEvents.load("lusong-2023");
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
    private static final DistrictSettings SETTINGS = DistrictSettings.unpublished("430203");
    private static final DistrictLedger LEDGER = DistrictReportFold.foldUpTo(FIXTURE.events(), AS_OF);
    private static final DistrictReport REPORT = DistrictReportFold.report(LEDGER, 2023, SETTINGS, AS_OF);

    private static UnitLine czj() {
        return REPORT.units().stream().filter(u -> u.unitId().equals("czj")).findFirst().orElseThrow();
    }

    @Test
    void everyFigureOfTheFixtureIsInTheReport() {
        Expectations expect = new Expectations(FIXTURE.root().path("expect"));
        UnitLine czj = czj();
        assertWan(czj.fullYearBudgetWan(), expect.text("unit czj full-year budget (万元)"));
        assertWan(czj.executedWan(), expect.text("unit czj executed (万元)"));
        assertWan(czj.projectSpentWan(), expect.text("unit czj project spending (万元)"));
        assertWan(czj.basicSpentWan(), expect.text("unit czj basic spending (万元)"));
        assertThat(czj.executionRate()).isEqualTo(expect.text("unit czj budget execution rate"));
        assertWan(czj.projectInitialWan(), expect.text("unit czj 2023 initial project budget (万元)"));

        Matcher initial = Pattern.compile("([\\d.]+) = basic ([\\d.]+) \\+ project appropriations ([\\d.]+)")
                .matcher(expect.text("unit czj 2023 initial budget 年初预算数 (万元)"));
        assertThat(initial.matches()).isTrue();
        assertWan(czj.initialBudgetWan(), initial.group(1));
        assertWan(czj.basicInitialWan(), initial.group(2));
        assertWan(czj.projectInitialWan(), initial.group(3));

        Matcher staffing = Pattern.compile(".*编制 (\\d+), basic data table says (\\d+)")
                .matcher(expect.text("consistency finding"));
        assertThat(staffing.matches()).isTrue();
        List<FindingRow> findings = RuleCatalogue.evaluate(new DisclosureFacts(LEDGER, 2023, SETTINGS, AS_OF));
        assertThat(findings).filteredOn(f -> f.ruleId().equals("DISC-007")).singleElement().satisfies(f -> {
            assertThat(f.unitId()).isEqualTo("czj");
            assertThat(f.subject()).endsWith("编制数");
            assertThat(f.expected()).isEqualTo(staffing.group(1));
            assertThat(f.found()).isEqualTo(staffing.group(2));
        });
        expect.allChecked();
    }

    @Test
    void theSelfEvaluationScoresAsTheSeedSays() {
        Expectations expect = new Expectations(FIXTURE.root().path("selfEvaluations").get(0).path("expect"));
        SelfEvaluationLine line = REPORT.performance().selfEvaluations().items().get(0);
        assertWan(line.totalScore(), expect.text("totalScore"));
        assertThat(line.grade()).isEqualTo(expect.text("grade"));
        assertThat(line.executionRate()).isEqualTo("100.00%");
        assertThat(REPORT.performance().selfEvaluations().coverage()).isEqualTo("100.00%");
        expect.allChecked();
    }

    @Test
    void fullYearBudgetIsBasicPlusProjectsWithCarryOverAndAdjustments() {
        UnitLine czj = czj();
        assertThat(czj.basicBudgetWan()).isEqualTo("721.50");   // 614.03 + 107.47
        assertThat(czj.projectBudgetWan()).isEqualTo("238.43"); // 125 + 18.47 carried + 94.96 adjusted
        assertThat(czj.projectCarriedOverWan()).isEqualTo("18.47");
        assertThat(czj.projectAdjustedWan()).isEqualTo("94.96");
        assertThat(czj.personnelSpentWan()).isEqualTo("620.03");
        assertThat(czj.publicSpentWan()).isEqualTo("101.47");
        assertThat(czj.projects()).isEqualTo(7);
        assertThat(REPORT.narrative().execution()).containsExactly("株洲市芦淞区财政局2023年年初预算739.03万元，"
                + "全年预算959.93万元，全年执行959.93万元，执行率100.00%。其中：项目支出238.43万元，基本支出721.5万元"
                + "（人员经费620.03万元，公用经费101.47万元）。");
    }

    @Test
    void threePublicAgainstAKnownZeroLastYearIsFlat() {
        var total = REPORT.threePublic().total();
        assertThat(REPORT.threePublic().lastYearRecorded()).isTrue();
        assertThat(total.vsLastYear().amountWord()).isEqualTo("持平");
        assertThat(total.vsLastYear().percent()).isNull();
        assertThat(total.vsBudget().amountWord()).isEqualTo("持平");
    }
}
