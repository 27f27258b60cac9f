package io.jixiao.disclosure.report;

import static io.jixiao.disclosure.fixture.Expectations.assertWan;
import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.fixture.Expectations;
import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.report.DistrictReport.DebtLine;
import io.jixiao.disclosure.report.DistrictReport.ThreePublicLine;
import io.jixiao.disclosure.report.DistrictReport.TransferLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 荷塘区 2022 (hetang-2022.json): every figure of its {@code expect}, from the events alone. */
class HetangReportFoldTest {
    private static final FixtureEvents FIXTURE = FixtureEvents.load("hetang-2022");
    private static final Instant AS_OF = Instant.parse("2024-01-01T00:00:00Z");
    private static final DistrictReport REPORT = DistrictReportFold.report(
            DistrictReportFold.foldUpTo(FIXTURE.events(), AS_OF), 2022, DistrictSettings.unpublished("430202"), AS_OF);

    private static ThreePublicLine line(String id) {
        return REPORT.threePublic().lines().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static TransferLine transfer(String kind) {
        return REPORT.transfers().lines().stream().filter(l -> l.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static DebtLine debt(String type) {
        return REPORT.debt().byType().stream().filter(l -> l.type().equals(type)).findFirst().orElseThrow();
    }

    private static void assertSpentBudgetSaved(ThreePublicLine line, List<String> figures) {
        assertWan(line.spentWan(), figures.get(0));
        assertWan(line.budgetWan(), figures.get(1));
        assertWan(line.savedWan(), figures.get(2));
    }

    @Test
    void everyFigureOfTheFixtureIsInTheReport() {
        Expectations expect = new Expectations(FIXTURE.root().path("expect"));
        assertSpentBudgetSaved(REPORT.threePublic().total(), expect.figures("三公 total spent / budget / saved (万元)"));
        assertSpentBudgetSaved(line("vehicles"), expect.figures("公务用车 spent / budget / saved (万元)"));
        assertSpentBudgetSaved(line("reception"), expect.figures("公务接待 spent / budget / saved (万元)"));

        List<String> transfers = expect.figures("transfers general / special (万元)");
        assertWan(transfer("一般性").amountWan(), transfers.get(0));
        assertWan(transfer("专项").amountWan(), transfers.get(1));

        List<String> balance = expect.figures("debt balance total / general / special (万元)");
        assertWan(REPORT.debt().total().balanceWan(), balance.get(0));
        assertWan(debt("GENERAL").balanceWan(), balance.get(1));
        assertWan(debt("SPECIAL").balanceWan(), balance.get(2));
        List<String> newBonds = expect.figures("new bonds general / special (万元)");
        assertWan(debt("GENERAL").newBondsWan(), newBonds.get(0));
        assertWan(debt("SPECIAL").newBondsWan(), newBonds.get(1));
        assertWan(REPORT.debt().total().refinancingWan(), expect.text("refinancing bonds (万元)"));
        List<String> interest = expect.figures("interest general / special (万元)");
        assertWan(debt("GENERAL").interestWan(), interest.get(0));
        assertWan(debt("SPECIAL").interestWan(), interest.get(1));

        assertWan(REPORT.summary().unsupportedSpendingWan(), expect.text("支出不实金额 (万元)"));
        expect.allChecked();
    }

    @Test
    void threePublicLinesCarryTheChangeAgainstTheBudgetWithItsWordAndBase() {
        ThreePublicLine total = REPORT.threePublic().total();
        assertThat(total.vsBudget().amountWord()).isEqualTo("节约");
        assertThat(total.vsBudget().amountWan()).isEqualTo("32.00");
        assertThat(total.vsBudget().signedPercent()).isEqualTo("-20.78%");  // (122 − 154) ÷ 154
        assertThat(total.vsBudget().percentWord()).isEqualTo("下降");
        assertThat(line("vehicles").vsBudget().percent()).isEqualTo("17.78%");  // 24 ÷ 135
        assertThat(line("reception").vsBudget().percent()).isEqualTo("42.11%");  // 8 ÷ 19
        assertThat(line("vehicleOperation").subLine()).isTrue();
        assertThat(line("vehicleOperation").spentWan()).isEqualTo("111.00");
        assertThat(line("overseas").spentWan()).isEqualTo("0.00");
        assertThat(REPORT.threePublic().lastYearRecorded()).isFalse();
        assertThat(total.vsLastYear()).isNull();
    }

    @Test
    void debtBalanceIsOpeningPlusNewPlusRefinancingLessPrincipalToTheFen() {
        for (DebtLine line : REPORT.debt().byType()) {
            BigDecimal computed = new BigDecimal(line.openingWan()).add(new BigDecimal(line.newBondsWan()))
                    .add(new BigDecimal(line.refinancingWan())).subtract(new BigDecimal(line.principalRepaidWan()));
            assertThat(new BigDecimal(line.balanceWan())).isEqualByComparingTo(computed);
        }
        assertThat(debt("SPECIAL").principalRepaidWan()).isEqualTo("9037.00");
        assertThat(REPORT.debt().bonds()).hasSize(5);
        assertThat(REPORT.debt().total().limitWan()).isNull();
    }

    @Test
    void sentencesSpeakInTheSeedsManner() {
        assertThat(REPORT.narrative().threePublic()).first()
                .isEqualTo("2022年“三公”经费支出122万元，比预算154万元节约32万元，下降20.78%。");
        assertThat(REPORT.narrative().threePublic().get(1)).isEqualTo("其中公务用车购置及运行维护费111万元，"
                + "比预算135万元节约24万元，下降17.78%；公务接待费11万元，比预算19万元节约8万元，下降42.11%；"
                + "因公出国（境）费0万元。");
        assertThat(REPORT.narrative().transfers()).containsExactly("2022年一般性转移支付72179万元；专项转移支付38220万元。");
        assertThat(REPORT.narrative().debt()).containsExactly(
                "截至2022年底，政府债务总规模为344158万元，其中：一般债务64197万元，专项债务279961万元。",
                "当年新增一般债券2100万元，新增专项债券63800万元，再融资债券9037万元。",
                "偿还债务本金9037万元。",
                "一般债券付息支出2251万元，专项债券付息支出9186.16万元。");
        assertThat(REPORT.narrative().performance()).contains(
                "2022年开展重点绩效评价5个，其中部门整体支出项目5个，共计5个项目，共涉及评价资金0万元。");
    }

    @Test
    void theReportNamesTheRulesThatProducedIt() {
        assertThat(REPORT.ruleVersion()).isEqualTo("disclosure-rules/1+430202:unpublished");
        assertThat(REPORT.districtName()).isEqualTo("荷塘区");
        assertThat(REPORT.provenance().eventsFolded()).isEqualTo(FIXTURE.events().size());
    }
}
