package io.jixiao.disclosure.report;

import io.jixiao.events.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the report writes money and shares: 万元 with two decimals HALF_UP; percentages with two decimals. */
public final class Wan {
    private static final BigDecimal FEN_PER_WAN = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Wan() {
    }

    /** Fen as 万元, two decimals: {@code 1_220_000_000 → "122.00"}. */
    public static String of(long fen) {
        return Money.wan(fen);
    }

    /** Fen as 万元 for a sentence, the way the published district reports write it: two decimals HALF_UP, trailing zeros dropped ("122", "9186.16", "721.5"). */
    public static String spoken(long fen) {
        BigDecimal wan = BigDecimal.valueOf(fen).divide(FEN_PER_WAN, 2, RoundingMode.HALF_UP);
        return wan.signum() == 0 ? "0" : wan.stripTrailingZeros().toPlainString();
    }

    /** {@code part ÷ whole} as a percentage, two decimals HALF_UP ("96.75%"); "—" when whole is 0. */
    public static String percent(long part, long whole) {
        return Money.percent(part, whole);
    }

    /** A ratio in percent (exact division, two decimals HALF_UP), or null when the base is 0. */
    public static BigDecimal percentValue(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** A decimal with two places ("96.00"), or null. */
    public static String decimal(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
