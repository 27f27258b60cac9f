package io.jixiao.disclosure.document.readback;

/** A figure of the report as a document shows it: table title, row label (first cell), column header, the text. */
public record Figure(String table, String row, String column, String value) {
    /** A number the workbook stores as a number ("959.93", "10", "35.00%"); anything else stays text. */
    public boolean numeric() {
        return value.matches("[+-]?\\d+(\\.\\d+)?%?");
    }
}
