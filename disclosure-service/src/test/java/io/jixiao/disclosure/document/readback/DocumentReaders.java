package io.jixiao.disclosure.document.readback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads the documents back the way a person's tools would: the .docx and .xlsx tables by their captions (header row
 * first), the PDF as its text lines. Numbers of the workbook come back as numbers and are written here as the
 * report writes them ("959.93", "100.00%"), so every reader answers in the report's own notation.
 */
public final class DocumentReaders {
    private static final Pattern CAPTION = Pattern.compile("表\\d+ (.+?)(（单位：万元）)?");

    private DocumentReaders() {
    }

    /** Table title → rows (header first) of a Word document. */
    public static Map<String, List<List<String>>> docxTables(byte[] docx) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String caption = null;
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    Matcher m = CAPTION.matcher(p.getText());
                    if (m.matches()) {
                        caption = m.group(1);
                    }
                } else if (e instanceof XWPFTable t && caption != null) {
                    List<List<String>> rows = new ArrayList<>();
                    for (XWPFTableRow row : t.getRows()) {
                        rows.add(row.getTableCells().stream().map(c -> c.getText()).toList());
                    }
                    tables.put(caption, rows);
                    caption = null;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    /** Table title → rows (header first) of a workbook; numeric cells flagged by a leading "#". */
    public static Map<String, List<List<String>>> xlsxTables(byte[] xlsx) {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                Row first = sheet.getRow(0);
                if (first == null || first.getCell(0) == null) {
                    continue;
                }
                Matcher m = CAPTION.matcher(first.getCell(0).getStringCellValue());
                if (!m.matches()) {
                    continue;
                }
                List<List<String>> rows = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(xlsxCell(row.getCell(c)));
                    }
                    rows.add(cells);
                }
                tables.put(m.group(1), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static String xlsxCell(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            String format = cell.getCellStyle().getDataFormatString();
            BigDecimal v = BigDecimal.valueOf(cell.getNumericCellValue());
            if (format.endsWith("%")) {
                return "#" + v.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
            }
            if (format.equals("0")) {
                return "#" + v.setScale(0, RoundingMode.HALF_UP).toPlainString();
            }
            return "#" + v.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        return cell.getStringCellValue();
    }

    /** The PDF's text, one line per printed line. */
    public static List<String> pdfLines(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return List.of(stripper.getText(doc).split("\\R"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
