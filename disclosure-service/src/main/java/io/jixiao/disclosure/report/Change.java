package io.jixiao.disclosure.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A change of a figure against a base (last year's figure, or the budget), in 万元 and in percent of the base,
 * with the word that goes with its sign. docs/rules.md: change = (this − base) ÷ base; the word follows the sign.
 *
 * @param baseWan       the base
 * @param amountWan     the size of the change (no sign), 万元
 * @param signedWan     the change with its sign, 万元
 * @param percent       the size of the change in percent of the base, or null when the base is 0
 * @param signedPercent the same with its sign
 * @param amountWord    增加/减少 (against last year) or 超支/节约 (against the budget); 持平 when equal
 * @param percentWord   上升/下降; 持平 when equal
 */
public record Change(String baseWan, String amountWan, String signedWan, String percent, String signedPercent,
                     String amountWord, String percentWord) {
    public static final String FLAT = "持平";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Which words a change speaks with. */
    public enum Basis {
        /** This year against last year: 增加 / 减少. */
        LAST_YEAR("增加", "减少"),
        /** Spending against its budget: 超支 / 节约. */
        BUDGET("超支", "节约");

        private final String more;
        private final String less;

        Basis(String more, String less) {
            this.more = more;
            this.less = less;
        }
    }

    /** {@code current} against {@code base} (fen). */
    public static Change of(long current, long base, Basis basis) {
        long diff = current - base;
        int sign = Long.signum(diff);
        BigDecimal signedPercent = base == 0 ? null : BigDecimal.valueOf(diff).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
        return new Change(Wan.of(base), Wan.of(Math.abs(diff)), Wan.of(diff),
                signedPercent == null ? null : signedPercent.abs().toPlainString() + "%",
                signedPercent == null ? null : signedPercent.toPlainString() + "%",
                sign > 0 ? basis.more : sign < 0 ? basis.less : FLAT,
                sign > 0 ? "上升" : sign < 0 ? "下降" : FLAT);
    }

    public boolean flat() {
        return FLAT.equals(amountWord);
    }
}
