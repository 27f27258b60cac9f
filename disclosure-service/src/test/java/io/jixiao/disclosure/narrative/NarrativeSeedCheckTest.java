package io.jixiao.disclosure.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.narrative.NarrativeSeeds.Seed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each seed's own text checked against its fixture, without Spring: every CONTRADICTED and INCONSISTENT claim is
 * listed here with the reason a reader would give, and there are no others. The counts per verdict are printed.
 */
class NarrativeSeedCheckTest {

    private record Finding(Verdict verdict, String claim, String row, String column, String reason) {
    }

    private static List<Finding> findings(NarrativeResult result) {
        return result.findings().stream().map(c -> new Finding(c.verdict(), c.text(), c.row(), c.column(), c.reason()))
                .toList();
    }

    private static NarrativeResult check(Seed seed) {
        NarrativeResult result = NarrativeChecker.check(seed.text(), seed.records());
        System.out.println("narrative check of seed " + seed + ": " + result.counts() + " (" + result.claims().size()
                + " claims)");
        return result;
    }

    @Test
    void hetangStatesEveryFigureAsTheRecordsDo() {
        NarrativeResult result = check(Seed.HETANG);
        assertThat(findings(result)).isEmpty();
        assertThat(result.counts()).isEqualTo(Map.of(Verdict.CONSISTENT, 24, Verdict.CONTRADICTED, 0,
                Verdict.INCONSISTENT, 0, Verdict.UNVERIFIABLE, 1));
        // the one figure no record covers: the number of the district's own budget units
        assertThat(result.claims()).filteredOn(c -> c.verdict() == Verdict.UNVERIFIABLE).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("70 个"));
        // the 三公 saving is budget minus spending, and so are its parts
        assertThat(result.claims()).filteredOn(c -> "CHANGE".equals(c.kind())).extracting(NarrativeResult.Claim::text)
                .containsExactly("节约32万元", "节约24万元", "节约8万元");
        assertThat(result.claims()).filteredOn(c -> "TOTAL".equals(c.kind())).extracting(NarrativeResult.Claim::text)
                .containsExactly("344158万元", "122万元");
    }

    @Test
    void lusongHasTheStaffingMismatchTheControlRateBuiltOnItAndA2022ColumnThatDoesNotAddUp() {
        NarrativeResult result = check(Seed.LUSONG);
        assertThat(findings(result)).containsExactly(
                new Finding(Verdict.INCONSISTENT, "36", "财政供养人员情况（人）", "编制数",
                        "自相矛盾：同一数字前后不一：正文“株洲市芦淞区财政局是区政府工作部门，为正科级单位…”为37人，此处为36；"
                                + "记录中株洲市芦淞区财政局编制数为37人；另，与记录不符：文中为36人，记录中株洲市芦淞区财政局编制数为37人，相差1人"),
                new Finding(Verdict.CONTRADICTED, "100%", "财政供养人员情况（人）", "控制率",
                        "与记录不符：文中为100%，记录中株洲市芦淞区财政局编制控制率（实有人数 ÷ 编制数）为97%（记录值97.3%），相差3%"),
                new Finding(Verdict.INCONSISTENT, "324.12", "项目支出：", "2022年决算数",
                        "自相矛盾：各分项之和与合计不符（2022年决算数列）：46.05+146.34+7.77+0+0+0+0=200.16万元，"
                                + "文中合计为324.12，相差123.96万元"));
        assertThat(result.counts()).isEqualTo(Map.of(Verdict.CONSISTENT, 95, Verdict.CONTRADICTED, 1,
                Verdict.INCONSISTENT, 2, Verdict.UNVERIFIABLE, 28));
    }

    @Test
    void beitaStatesItsKeyEvaluationsAsRecorded() {
        NarrativeResult result = check(Seed.BEITA);
        assertThat(findings(result)).isEmpty();
        assertThat(result.counts()).isEqualTo(Map.of(Verdict.CONSISTENT, 16, Verdict.CONTRADICTED, 0,
                Verdict.INCONSISTENT, 0, Verdict.UNVERIFIABLE, 30));
        assertThat(result.claims()).filteredOn(c -> c.text().equals("208个")).singleElement().satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Verdict.CONSISTENT);
            assertThat(c.expected().field()).isEqualTo("performance.keyEvaluations.projectsCovered");
            assertThat(c.expected().events()).isNotEmpty();
        });
        // 每增加1年缴费，基础养老金每月增加1元: a rule of the pension scheme, not a record of the district
        assertThat(result.claims()).filteredOn(c -> c.text().equals("1元")).singleElement()
                .satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.UNVERIFIABLE));
    }

    @Test
    void lukouHasNoFigureTheRecordsCover() {
        NarrativeResult result = check(Seed.LUKOU);
        assertThat(findings(result)).isEmpty();
        assertThat(result.counts()).isEqualTo(Map.of(Verdict.CONSISTENT, 0, Verdict.CONTRADICTED, 0,
                Verdict.INCONSISTENT, 0, Verdict.UNVERIFIABLE, 4));
        assertThat(result.claims()).filteredOn(c -> c.text().equals("100多人")).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("约数"));
    }
}
