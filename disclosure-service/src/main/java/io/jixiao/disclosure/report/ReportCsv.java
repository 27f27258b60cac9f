package io.jixiao.disclosure.report;

import io.jixiao.support.web.CsvCells;
import java.util.List;

/**
 * The report's tables as CSV (RFC 4180, CRLF), UTF-8 with a byte-order mark so that Excel reads the Chinese.
 * One table, or all of them one after another, each under a {@code # id title} line. Cells go through
 * {@link CsvCells}: a name that reads as a formula is written as text.
 */
public final class ReportCsv {
    public static final String BOM = "\uFEFF";

    private ReportCsv() {
    }

    public static String table(ReportTable table) {
        StringBuilder out = new StringBuilder(BOM);
        write(out, table);
        return out.toString();
    }

    public static String all(List<ReportTable> tables) {
        StringBuilder out = new StringBuilder(BOM);
        boolean first = true;
        for (ReportTable table : tables) {
            if (!first) {
                out.append("\r\n");
            }
            first = false;
            out.append(cell("# " + table.id() + " " + table.title())).append("\r\n");
            write(out, table);
        }
        return out.toString();
    }

    private static void write(StringBuilder out, ReportTable table) {
        line(out, table.columns());
        for (List<String> row : table.rows()) {
            line(out, row);
        }
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One cell, through the CSV rules every service shares (formula text neutralised, quoting). */
    static String cell(String value) {
        return CsvCells.cell(value);
    }
}
