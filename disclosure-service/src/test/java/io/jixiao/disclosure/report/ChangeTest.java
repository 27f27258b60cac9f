package io.jixiao.disclosure.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.report.Change.Basis;
import org.junit.jupiter.api.Test;

/** docs/rules.md: change = (this − base) ÷ base, the word follows the sign; 持平 when nothing changed. */
class ChangeTest {
    private static final long WAN = 1_000_000;

    @Test
    void anIncreaseOnLastYearIsMeasuredOnLastYear() {
        Change c = Change.of(150 * WAN, 120 * WAN, Basis.LAST_YEAR);
        assertThat(c.amountWord()).isEqualTo("增加");
        assertThat(c.percentWord()).isEqualTo("上升");
        assertThat(c.amountWan()).isEqualTo("30.00");
        assertThat(c.signedWan()).isEqualTo("30.00");
        assertThat(c.percent()).isEqualTo("25.00%");  // 30 ÷ 120, not 30 ÷ 150 = 20%
        assertThat(c.signedPercent()).isEqualTo("25.00%");
        assertThat(c.baseWan()).isEqualTo("120.00");
    }

    @Test
    void aDecreaseOnLastYearIsMeasuredOnLastYear() {
        Change c = Change.of(90 * WAN, 120 * WAN, Basis.LAST_YEAR);
        assertThat(c.amountWord()).isEqualTo("减少");
        assertThat(c.percentWord()).isEqualTo("下降");
        assertThat(c.amountWan()).isEqualTo("30.00");
        assertThat(c.signedWan()).isEqualTo("-30.00");
        assertThat(c.percent()).isEqualTo("25.00%");  // 30 ÷ 120, not 30 ÷ 90 = 33.33%
        assertThat(c.signedPercent()).isEqualTo("-25.00%");
    }

    @Test
    void noChangeIsFlatWithBothWords() {
        Change c = Change.of(120 * WAN, 120 * WAN, Basis.LAST_YEAR);
        assertThat(c.amountWord()).isEqualTo("持平");
        assertThat(c.percentWord()).isEqualTo("持平");
        assertThat(c.percent()).isEqualTo("0.00%");
        assertThat(c.signedWan()).isEqualTo("0.00");
        assertThat(c.flat()).isTrue();
    }

    @Test
    void spendingBelowTheBudgetSavesAndIsMeasuredOnTheBudget() {
        Change c = Change.of(122 * WAN, 154 * WAN, Basis.BUDGET);  // 荷塘区 2022 三公
        assertThat(c.amountWord()).isEqualTo("节约");
        assertThat(c.percentWord()).isEqualTo("下降");
        assertThat(c.amountWan()).isEqualTo("32.00");
        assertThat(c.percent()).isEqualTo("20.78%");  // 32 ÷ 154, not 32 ÷ 122 = 26.23%
    }

    @Test
    void spendingAboveTheBudgetOverspendsAndIsMeasuredOnTheBudget() {
        Change c = Change.of(160 * WAN, 154 * WAN, Basis.BUDGET);
        assertThat(c.amountWord()).isEqualTo("超支");
        assertThat(c.percentWord()).isEqualTo("上升");
        assertThat(c.amountWan()).isEqualTo("6.00");
        assertThat(c.percent()).isEqualTo("3.90%");  // 6 ÷ 154 = 3.896…, HALF_UP
    }

    @Test
    void spendingEqualToTheBudgetIsFlat() {
        Change c = Change.of(154 * WAN, 154 * WAN, Basis.BUDGET);
        assertThat(c.amountWord()).isEqualTo("持平");
        assertThat(c.percentWord()).isEqualTo("持平");
    }

    @Test
    void aZeroBaseHasADirectionButNoPercentage() {
        Change up = Change.of(5 * WAN, 0, Basis.LAST_YEAR);
        assertThat(up.amountWord()).isEqualTo("增加");
        assertThat(up.percent()).isNull();
        Change none = Change.of(0, 0, Basis.LAST_YEAR);
        assertThat(none.amountWord()).isEqualTo("持平");
        assertThat(none.percent()).isNull();
    }

    @Test
    void halfUpRoundsNegativeChangesAwayFromZeroLikePositiveOnes() {
        assertThat(Change.of(2, 3, Basis.LAST_YEAR).signedPercent()).isEqualTo("-33.33%");
        assertThat(Change.of(1, 3, Basis.LAST_YEAR).signedPercent()).isEqualTo("-66.67%");
        assertThat(Change.of(5, 3, Basis.LAST_YEAR).signedPercent()).isEqualTo("66.67%");
    }

    @Test
    void theSentenceOfAYearOnYearChangeUsesTheRightWordAndBase() {
        var up = new DistrictReport.ThreePublicLine("total", "合计", false, "100.00", "110.00", "-10.00",
                Change.of(110 * WAN, 100 * WAN, Basis.BUDGET), "88.00", Change.of(110 * WAN, 88 * WAN, Basis.LAST_YEAR));
        var tp = new DistrictReport.ThreePublic(true, java.util.List.of(
                new DistrictReport.ThreePublicLine("overseas", "因公出国(境)", false, "0.00", "0.00", "0.00",
                        Change.of(0, 0, Basis.BUDGET), "0.00", Change.of(0, 0, Basis.LAST_YEAR)),
                new DistrictReport.ThreePublicLine("vehicles", "公务用车购置及运行维护", false, "100.00", "110.00",
                        "-10.00", Change.of(110 * WAN, 100 * WAN, Basis.BUDGET), "88.00",
                        Change.of(110 * WAN, 88 * WAN, Basis.LAST_YEAR)),
                new DistrictReport.ThreePublicLine("reception", "公务接待", false, "0.00", "0.00", "0.00",
                        Change.of(0, 0, Basis.BUDGET), "0.00", Change.of(0, 0, Basis.LAST_YEAR))), up, true);
        assertThat(Narrator.threePublic(2023, tp)).containsExactly(
                "2023年“三公”经费支出110万元，比预算100万元超支10万元，上升10.00%。",
                "其中公务用车购置及运行维护费110万元，比预算100万元超支10万元，上升10.00%；公务接待费0万元；因公出国（境）费0万元。",
                "“三公”经费支出比上年88万元增加22万元，上升25.00%。");
    }
}
