package io.jixiao.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void yuanConvertsToFenExactly() {
        assertThat(Money.yuanToFen(new BigDecimal("550000.00"))).isEqualTo(55_000_000L);
        assertThat(Money.yuanToFen(new BigDecimal("-100100.01"))).isEqualTo(-10_010_001L);
        assertThat(Money.yuanToFen(new BigDecimal("0.1"))).isEqualTo(10L);
    }

    @Test
    void moreThanTwoDecimalsIsRefused() {
        assertThatThrownBy(() -> Money.yuanToFen(new BigDecimal("1.001"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void wanConvertsToFenExactly() {
        assertThat(Money.wanToFen(new BigDecimal("959.93"))).isEqualTo(959_930_000L);
        assertThat(Money.wanToFen(new BigDecimal("9186.16"))).isEqualTo(9_186_160_000L);
    }

    @Test
    void formatsYuanWanAndPercent() {
        assertThat(Money.yuan(44_990_000L)).isEqualTo("449900.00");
        assertThat(Money.yuan(-5L)).isEqualTo("-0.05");
        assertThat(Money.wan(959_930_000L)).isEqualTo("959.93");
        assertThat(Money.wan(5_000L)).isEqualTo("0.01");   // 0.005 万元 rounds HALF_UP
        assertThat(Money.wan(4_999L)).isEqualTo("0.00");
        assertThat(Money.percent(210, 600)).isEqualTo("35.00%");
        assertThat(Money.percent(95, 120)).isEqualTo("79.17%");
        assertThat(Money.percent(1, 0)).isEqualTo("—");
    }

    @Test
    void labelledEnumsAcceptChineseTermOrCode() {
        assertThat(Labelled.parse(io.jixiao.events.budget.FundSource.class, "上级转移支付"))
                .isEqualTo(io.jixiao.events.budget.FundSource.HIGHER_LEVEL_TRANSFER);
        assertThat(Labelled.parse(io.jixiao.events.budget.AdjustmentBasis.class, "mid_year"))
                .isEqualTo(io.jixiao.events.budget.AdjustmentBasis.MID_YEAR);
        assertThatThrownBy(() -> Labelled.parse(io.jixiao.events.budget.ProjectCategory.class, "不存在"))
                .hasMessageContaining("专项资金");
    }
}
