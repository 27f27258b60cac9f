package io.jixiao.support.web;

import java.util.regex.Pattern;

/**
 * The one way every CSV the services write turns a value into a cell (RFC 4180), safe to open in a spreadsheet.
 * A text a spreadsheet would take for a formula (OWASP "CSV injection": a cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return, or the full-width {@code ＝＋－＠} some spreadsheets also read as
 * formula signs) gets a leading single quote, so it is shown as text and never evaluated. A plain number stays
 * as it is, so a negative amount ({@code -1234.56}) or share ({@code -20.78%}) is still a number.
 */
public final class CsvCells {
    /** A plain decimal number, optionally signed, optionally a percentage: never a formula. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?%?");
    private static final String FORMULA_STARTS = "=+-@\t\r＝＋－＠";

    private CsvCells() {
    }

    /** The value with a leading {@code '} if a spreadsheet could read it as a formula; null stays null. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }

    /** One cell: neutralised, then quoted when it holds a comma, a quote or a line break; null is empty. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = neutralise(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
