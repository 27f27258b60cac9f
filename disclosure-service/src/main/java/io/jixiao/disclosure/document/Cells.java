package io.jixiao.disclosure.document;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** What a report cell holds, for writers that keep numbers as numbers: an amount, a count, a percentage or text. */
final class Cells {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+\\.\\d+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,15}");
    private static final Pattern PERCENT = Pattern.compile("[+-]?\\d+(\\.\\d+)?%");

    enum Kind { DECIMAL, INTEGER, PERCENT, TEXT }

    private Cells() {
    }

    static Kind kind(String cell) {
        if (cell == null) {
            return Kind.TEXT;
        }
        if (DECIMAL.matcher(cell).matches()) {
            return Kind.DECIMAL;
        }
        if (INTEGER.matcher(cell).matches()) {
            return Kind.INTEGER;
        }
        if (PERCENT.matcher(cell).matches()) {
            return Kind.PERCENT;
        }
        return Kind.TEXT;
    }

    /** The number a numeric cell holds (a percentage as its fraction: "96.75%" → 0.9675). */
    static BigDecimal number(String cell) {
        String plain = cell.startsWith("+") ? cell.substring(1) : cell;
        if (plain.endsWith("%")) {
            return new BigDecimal(plain.substring(0, plain.length() - 1)).movePointLeft(2);
        }
        return new BigDecimal(plain);
    }
}
