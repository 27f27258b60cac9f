package io.jixiao.events;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money arithmetic of the published language. Amounts are integer fen (分) in events;
 * the API speaks yuan with at most two decimals; reports speak 万元 with two decimals, HALF_UP.
 * Nothing here touches floating point.
 */
public final class Money {
    /** The largest amount one command may carry: one trillion yuan (10^12 元), in fen. */
    public static final long MAX_FEN = 100_000_000_000_000L;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal FEN_PER_WAN = BigDecimal.valueOf(1_000_000);

    private Money() {
    }

    /** Yuan to fen, exactly. Throws {@link ArithmeticException} if the amount has more than two decimals. */
    public static long yuanToFen(BigDecimal yuan) {
        return yuan.multiply(HUNDRED).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** 万元 to fen, exactly (fixture files speak 万元). */
    public static long wanToFen(BigDecimal wan) {
        return wan.multiply(FEN_PER_WAN).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** Fen as a yuan string with two decimals: {@code 65000000 -> "650000.00"}. */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Fen as a 万元 string with two decimals, HALF_UP: {@code 959930000 -> "959.93"}. */
    public static String wan(long fen) {
        return BigDecimal.valueOf(fen).divide(FEN_PER_WAN, 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code part ÷ whole} as a percentage string with two decimals, HALF_UP ({@code "35.00%"}); "—" when whole is 0. */
    public static String percent(long part, long whole) {
        if (whole == 0) {
            return "—";
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
