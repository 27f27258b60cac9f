package io.jixiao.disclosure.document.readback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds figures in documents read back by {@link DocumentReaders}: in a .docx or .xlsx table by table title, row
 * label and column header; in the PDF on the row's printed line (its label first, the figure among its cells) after
 * the table's caption and before the next one.
 */
public final class FigureChecks {
    private FigureChecks() {
    }

    /** Every figure in its table, row and column of the .docx and the .xlsx, and on its row's line of the PDF. */
    public static void assertEveryFigure(String document, List<Figure> figures, byte[] docx, byte[] xlsx, byte[] pdf) {
        assertThat(figures).as("figures of %s", document).isNotEmpty();
        Map<String, List<List<String>>> docxTables = DocumentReaders.docxTables(docx);
        Map<String, List<List<String>>> xlsxTables = DocumentReaders.xlsxTables(xlsx);
        List<String> pdfLines = DocumentReaders.pdfLines(pdf);
        for (Figure f : figures) {
            assertThat(cell(docxTables, f)).as("docx %s %s", document, f).isEqualTo(f.value());
            assertThat(cell(xlsxTables, f)).as("xlsx %s %s (a number stored as a number)", document, f)
                    .isEqualTo(f.numeric() ? "#" + f.value() : f.value());
            assertThat(pdfRow(pdfLines, f)).as("pdf %s %s", document, f).isNotNull();
            System.out.printf("%s %s | %s | %s = %s: docx ✓ xlsx ✓ pdf ✓%n", document, f.table(), f.row(),
                    f.column(), f.value());
        }
        System.out.printf("%s: %d figures; docx %d B, xlsx %d B, pdf %d B%n", document, figures.size(), docx.length,
                xlsx.length, pdf.length);
    }

    /** The cell of the figure's row and column (a header may add "（万元）"); fails without table, column or row. */
    public static String cell(Map<String, List<List<String>>> tables, Figure f) {
        List<List<String>> rows = tables.get(f.table());
        assertThat(rows).as("table %s", f.table()).isNotNull();
        List<String> header = rows.get(0);
        int column = -1;
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).equals(f.column()) || header.get(c).equals(f.column() + "（万元）")) {
                column = c;
            }
        }
        assertThat(column).as("column %s of %s in %s", f.column(), f.table(), header).isNotNegative();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(0).equals(f.row())) {
                return row.get(column);
            }
        }
        throw new AssertionError("no row " + f.row() + " in " + f.table());
    }

    /** The printed line of the figure's row within its table, or null. */
    public static String pdfRow(List<String> lines, Figure f) {
        Pattern caption = Pattern.compile("表\\d+ " + Pattern.quote(f.table()) + "(（单位：万元）)?");
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (caption.matcher(lines.get(i).trim()).matches()) {
                start = i;
            }
        }
        assertThat(start).as("caption of %s in the PDF", f.table()).isNotNegative();
        for (int i = start + 1; i < lines.size() && !lines.get(i).trim().matches("表\\d+ .*"); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith(f.row()) && Arrays.asList(line.split("\\s+")).contains(f.value())) {
                return line;
            }
        }
        return null;
    }
}
