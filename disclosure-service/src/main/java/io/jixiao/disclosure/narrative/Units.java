package io.jixiao.disclosure.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The units a draft writes money and counts in, and the conversions between them (exact, no floating point). */
final class Units {
    static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    static final BigDecimal YI = BigDecimal.valueOf(100_000_000);

    private Units() {
    }

    static BigDecimal yuanPer(String unit) {
        return switch (unit) {
            case "亿元" -> YI;
            case "万元" -> WAN;
            default -> BigDecimal.ONE;
        };
    }

    /** A yuan amount expressed in {@code unit} at {@code scale} decimals, HALF_UP: the draft's precision. */
    static BigDecimal inUnit(BigDecimal yuan, String unit, int scale) {
        return yuan.divide(yuanPer(unit), scale + 8, RoundingMode.HALF_UP).setScale(scale, RoundingMode.HALF_UP);
    }

    static boolean isMoney(String unit) {
        return unit.equals("元") || unit.equals("万元") || unit.equals("亿元");
    }

    /** Plain text of a decimal without trailing zeros ("721.5", "0"). */
    static String plain(BigDecimal v) {
        if (v.signum() == 0) {
            return "0";
        }
        return v.stripTrailingZeros().toPlainString();
    }
}
