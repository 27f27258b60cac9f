package io.jixiao.disclosure.narrative;

import java.math.BigDecimal;

/**
 * One figure found in a draft: a number with its unit, where it stands, and the words around it that say what it
 * is. {@code value} is in {@code unit} as written (5.46 for "5.46亿元"); {@code scale} is the number of decimals the
 * draft wrote, which is the precision it is checked at.
 *
 * @param sentence    index of the sentence (or table cell) in {@link Draft#sentences()}
 * @param start       first character in the draft (inclusive)
 * @param end         last character in the draft (exclusive)
 * @param context     the words before the number in its sentence or cell (normalised), used to find what it states
 * @param after       the word right after the unit (e.g. 股室 in "4个股室"), may be empty
 * @param comparator  ≥, ≤, >, < when the draft states a bound (a target), else null
 * @param approximate the draft says 约/近/多/余/以上/左右: not checked against an exact figure
 * @param range       the figure is one end of a range ("5-10万元")
 * @param column      for a table cell: the column's header; else null
 * @param row         for a table cell: the row's label; else null
 */
public record Figure(int id, int sentence, int start, int end, String text, Kind kind, BigDecimal value, int scale,
                     String unit, String context, String after, String comparator, boolean approximate,
                     boolean range, String column, String row) {

    /** What kind of quantity a figure is. */
    public enum Kind {
        /** 元, 万元, 亿元. */
        MONEY,
        /** %. */
        PERCENT,
        /** 百分点, 个百分点: a difference of percentages. */
        POINTS,
        /** 个, 家, 项, 人, 次. */
        COUNT
    }

    public boolean inTable() {
        return column != null;
    }

    /** The value in yuan (money only). */
    public BigDecimal yuan() {
        return value.multiply(Units.yuanPer(unit));
    }

    /** Half a unit of the last decimal written, in yuan (money) or in the figure's own unit. */
    public BigDecimal halfUlp() {
        if (kind == Kind.COUNT && scale == 0) {
            return BigDecimal.ZERO;   // a count written as an integer is exact
        }
        BigDecimal half = BigDecimal.ONE.movePointLeft(scale).divide(BigDecimal.valueOf(2));
        return kind == Kind.MONEY ? half.multiply(Units.yuanPer(unit)) : half;
    }
}
