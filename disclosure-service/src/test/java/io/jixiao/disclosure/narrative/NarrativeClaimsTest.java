package io.jixiao.disclosure.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.narrative.NarrativeResult.Claim;
import io.jixiao.disclosure.narrative.NarrativeSeeds.Seed;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The claim forms of the reports, each on a short sentence against 荷塘区's records (三公 budget 154 spent 122,
 * 一般性转移支付 72179 万元, debt 344158 = 64197 + 279961 万元): the precision rule, comparisons, breakdowns and the
 * number forms that are reported UNVERIFIABLE.
 */
class NarrativeClaimsTest {
    private static final NarrativeRecords HETANG = Seed.HETANG.records();

    private static NarrativeResult check(String text) {
        return NarrativeChecker.check(text, HETANG);
    }

    private static Claim claim(NarrativeResult r, String text) {
        return r.claims().stream().filter(c -> c.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no claim «" + text + "» in " + r.claims()));
    }

    @Test
    void aFigureMatchesAtThePrecisionTheSentenceWritesIt() {
        assertThat(claim(check("2022年一般性转移支付7.22亿元。"), "7.22亿元").verdict()).isEqualTo(Verdict.CONSISTENT);
        assertThat(claim(check("2022年一般性转移支付7.2179亿元。"), "7.2179亿元").verdict()).isEqualTo(Verdict.CONSISTENT);
        Claim off = claim(check("2022年一般性转移支付7.23亿元。"), "7.23亿元");
        assertThat(off.verdict()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(off.reason()).contains("7.22亿元", "相差0.01亿元");
        assertThat(off.expected().field()).isEqualTo("transfers.lines[一般性].amountWan");
        assertThat(off.expected().events()).allMatch(e -> e.startsWith("TransferReceived:"));
        assertThat(claim(check("2022年一般性转移支付721,790,000元。"), "721,790,000元").verdict())
                .isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void fullWidthDigitsAreReadAndTheSpanStaysOnTheTextAsSent() {
        String text = "“三公”经费支出合计１２２万元，比全年预算数１５４万元节约３２万元。";
        NarrativeResult r = check(text);
        Claim total = claim(r, "１２２万元");
        assertThat(total.verdict()).isEqualTo(Verdict.CONSISTENT);
        assertThat(new BigDecimal(total.stated())).isEqualByComparingTo("122");
        assertThat(text.substring(total.start(), total.end())).isEqualTo("１２２万元");
        assertThat(claim(r, "节约３２万元").verdict()).isEqualTo(Verdict.CONSISTENT);
    }

    @Test
    void aSavingThatIsNotBudgetMinusSpendingContradictsItself() {
        Claim saving = claim(check("“三公”经费支出合计122万元，比全年预算数153万元节约30万元。"), "节约30万元");
        assertThat(saving.kind()).isEqualTo("CHANGE");
        assertThat(saving.verdict()).isEqualTo(Verdict.INCONSISTENT);
        assertThat(saving.reason()).contains("节约额应为预算数减支出数", "31万元", "30万元");
    }

    @Test
    void aDirectionWordAgainstTheSignContradictsItself() {
        Claim word = claim(check("“三公”经费支出合计122万元，比全年预算数154万元超支32万元。"), "超支32万元");
        assertThat(word.verdict()).isEqualTo(Verdict.INCONSISTENT);
        assertThat(word.reason()).contains("方向词“超支”与数字矛盾", "应为“节约”");
    }

    @Test
    void aPercentageWithTheWrongWordAndTheWrongBaseContradictsItself() {
        // 比上年减少5.46亿元，上升19.82%: the word of the percentage contradicts the amount's
        NarrativeResult r = check("2022年一般性转移支付7.22亿元，比上年减少5.46亿元，上升19.82%。");
        Claim pct = claim(r, "19.82%");
        assertThat(pct.verdict()).isEqualTo(Verdict.INCONSISTENT);
        assertThat(pct.reason()).contains("方向词自相矛盾", "减少", "上升", "43.06%");
        // the percentage taken on this year's figure instead of last year's
        Claim base = claim(check("2022年一般性转移支付32.01亿元，比上年减少5.46亿元，下降17.06%。"), "17.06%");
        assertThat(base.verdict()).isEqualTo(Verdict.INCONSISTENT);
        assertThat(base.reason()).contains("基数用错", "14.57%");
        Claim right = claim(check("2022年一般性转移支付32.01亿元，比上年减少5.46亿元，下降14.57%。"), "14.57%");
        assertThat(right.verdict()).isNotEqualTo(Verdict.INCONSISTENT);
    }

    @Test
    void partsThatDoNotAddUpToTheTotalContradictItself() {
        NarrativeResult r = check("我区政府债务总规模为344158万元，其中：一般债务64197万元，专项债务279861万元。");
        Claim total = claim(r, "344158万元");
        assertThat(total.kind()).isEqualTo("TOTAL");
        assertThat(total.parts()).containsExactly("64197万元", "279861万元");
        assertThat(total.verdict()).isEqualTo(Verdict.INCONSISTENT);
        assertThat(total.reason()).contains("各分项之和与合计不符", "344058", "相差100");
        assertThat(claim(r, "279861万元").verdict()).isEqualTo(Verdict.CONTRADICTED);
    }

    @Test
    void formsNoRecordCanMatchAreUnverifiableAndSaySo() {
        NarrativeResult r = check("一般性转移支付同比增长约5%，较上年提高2.5个百分点，专项转移支付3-4亿元，"
                + "全区100多人参加培训。");
        assertThat(claim(r, "2.5个百分点").verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(claim(r, "2.5个百分点").reason()).contains("百分点");
        assertThat(claim(r, "4亿元").verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(claim(r, "4亿元").reason()).contains("区间");
        assertThat(claim(r, "100多人").verdict()).isEqualTo(Verdict.UNVERIFIABLE);
        assertThat(claim(r, "100多人").reason()).contains("约数");
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void yearsDocumentNumbersAndMonthsAreNotClaims() {
        NarrativeResult r = check("根据渌财通【2023】20号文件，对2023年1-8月、3个月内的第十四条事项，荷塘区2022年度。");
        assertThat(r.claims()).isEmpty();
    }

    @Test
    void theSameFigureStatedTwiceDifferentlyIsMarkedWhereItDisagreesWithTheRecords() {
        NarrativeResult r = check("一般性转移支付72179万元。……一般性转移支付72197万元。");
        assertThat(r.claims()).extracting(Claim::verdict).containsExactly(Verdict.CONSISTENT, Verdict.INCONSISTENT);
        assertThat(r.claims().get(1).reason()).contains("同一数字前后不一", "72179万元");
    }
}
