package io.jixiao.disclosure.report;

import static io.jixiao.disclosure.fixture.Expectations.assertWan;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.fixture.Expectations;
import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.report.DistrictReport.KeyEvaluations;
import io.jixiao.disclosure.report.DistrictReport.ProjectLine;
import io.jixiao.disclosure.report.DistrictReport.Subject;
import io.jixiao.disclosure.report.DistrictReport.TypeCount;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 北塔区 (beita-2022.json): its projects are 2021 spending, its ten key evaluations were carried out in 2022 and
 * count in the 2022 report.
 */
class BeitaReportFoldTest {
    private static final FixtureEvents FIXTURE = FixtureEvents.load("beita-2022");
    private static final Instant AS_OF = Instant.parse("2024-01-01T00:00:00Z");
    private static final DistrictLedger LEDGER = DistrictReportFold.foldUpTo(FIXTURE.events(), AS_OF);
    private static final DistrictSettings SETTINGS = DistrictSettings.unpublished("430511");
    private static final DistrictReport REPORT_2022 = DistrictReportFold.report(LEDGER, 2022, SETTINGS, AS_OF);
    private static final DistrictReport REPORT_2021 = DistrictReportFold.report(LEDGER, 2021, SETTINGS, AS_OF);

    @Test
    void everyFigureOfTheFixtureIsInTheReport() {
        Expectations expect = new Expectations(FIXTURE.root().path("expect"));
        KeyEvaluations key = REPORT_2022.performance().keyEvaluations();
        assertThat(key.count()).isEqualTo(Integer.parseInt(expect.text("district report 2022, key evaluations")));
        List<String> types = Arrays.stream(expect.text("district report 2022, key evaluation types").split(","))
                .map(String::trim).toList();
        assertThat(key.types()).extracting(t -> t.type() + " " + t.count()).containsExactlyElementsOf(types);
        assertThat(key.projectsCovered())
                .isEqualTo(Integer.parseInt(expect.text("district report 2022, projects covered")));
        assertWan(key.amountWan(), expect.text("district report 2022, amount covered (万元)"));

        String rate = expect.text("jkzx-tqy execution rate");
        ProjectLine tqy = REPORT_2021.projects().items().stream().filter(p -> p.projectId().equals("jkzx-tqy"))
                .findFirst().orElseThrow();
        assertThat(tqy.executionRate()).isEqualTo(rate);
        Subject evaluated = key.items().stream().flatMap(k -> k.subjects().stream())
                .filter(s -> s.projectId().equals("jkzx-tqy")).findFirst().orElseThrow();
        assertThat(evaluated.executionRate()).isEqualTo(rate);
        expect.allChecked();
    }

    @Test
    void keyEvaluationsCountInTheYearTheyWereCarriedOutNotTheYearTheyEvaluate() {
        assertThat(REPORT_2021.performance().keyEvaluations().count()).isZero();
        KeyEvaluations key = REPORT_2022.performance().keyEvaluations();
        assertThat(key.items()).extracting(DistrictReport.KeyEvaluationLine::subjectYear).containsOnly(2021);
        assertThat(key.types()).extracting(TypeCount::amountWan).contains("13588.65", "2624.74");
        TypeCount special = key.types().stream().filter(t -> t.type().equals("专项资金")).findFirst().orElseThrow();
        assertThat(special.projectCount()).isEqualTo(203);  // 1 + 1 + 1 + 102 + 98
        assertThat(REPORT_2022.narrative().performance()).contains("2022年开展重点绩效评价10个，其中事前评估项目1个，"
                + "财政政策项目1个，政府采购项目1个，部门整体支出项目1个，政府债务项目1个，专项资金项目5个，共计208个项目，"
                + "共涉及评价资金20794.54万元。");
    }

    @Test
    void sectionsWithoutRecordsSaySoInsteadOfPrintingZeros() {
        assertThat(REPORT_2022.threePublic().recorded()).isFalse();
        assertThat(REPORT_2022.narrative().threePublic()).containsExactly("2022年未记录“三公”经费预算和支出。");
        assertThat(REPORT_2022.narrative().transfers()).containsExactly("2022年未记录税收返还和转移支付。");
        assertThat(REPORT_2022.narrative().debt()).containsExactly("2022年未记录政府债务。");
        assertThat(REPORT_2022.narrative().execution()).containsExactly(
                "区商务局2022年年初预算82.49万元，全年预算82.49万元，全年执行82.49万元，执行率100.00%。其中：项目支出82.49万元。");
    }

    @Test
    void groupedProjectsCountTheirProjects() {
        DistrictReport.Projects projects = REPORT_2021.projects();
        assertThat(projects.count()).isEqualTo(16);
        assertThat(projects.byCategory()).anySatisfy(c -> {
            assertThat(c.category()).isEqualTo("扶贫");
            assertThat(c.count()).isEqualTo(5);
            assertThat(c.projectCount()).isEqualTo(102);
            assertThat(c.budgetWan()).isEqualTo("2031.84");
        });
    }
}
