package io.jixiao.disclosure.document;

import io.jixiao.disclosure.document.ReportOutline.NumberedTable;
import io.jixiao.disclosure.report.DistrictReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The report's tables as a workbook: one sheet per table ("表N …"), its caption with the 万元 unit in the first
 * row, the column headers (each money column says 万元) in the second, then the rows with amounts, counts and
 * percentages stored as numbers (formats 0.00, 0, 0.00%) and text as text. A last sheet 说明 carries the asOf
 * and rule version. The same asOf gives the same bytes: fixed document dates and fixed zip entry times.
 */
public final class XlsxWriter {
    private XlsxWriter() {
    }

    public static byte[] write(DistrictReport report) {
        ReportOutline outline = ReportOutline.of(report);
        // streamed: rows go to the sheet's XML as they are made, not through XMLBeans (seconds for 600 projects)
        try (SXSSFWorkbook wb = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.setZip64Mode(Zip64Mode.Never);  // plain entry sizes, which java.util.zip reads back
            Styles styles = new Styles(wb);
            for (NumberedTable t : outline.tables()) {
                sheet(wb, styles, t);
            }
            SXSSFSheet about = wb.createSheet("说明");
            String[][] lines = {{"报告", outline.title()}, {"行政区划代码", report.districtCode()},
                    {"年度", String.valueOf(report.year())}, {"数据截至", report.asOf().toString()},
                    {"规则版本", report.ruleVersion()}, {"依据事件（条）", String.valueOf(report.provenance().eventsFolded())},
                    {"金额单位", "万元，保留两位小数"}};
            for (int i = 0; i < lines.length; i++) {
                SXSSFRow row = about.createRow(i);
                row.createCell(0).setCellValue(lines[i][0]);
                row.createCell(1).setCellValue(lines[i][1]);
            }
            about.setColumnWidth(0, 16 * 256);
            about.setColumnWidth(1, 60 * 256);
            properties(wb, report, outline.title());
            wb.write(out);
            return DeterministicZip.restamp(out.toByteArray(), report.asOf());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet name Excel accepts: "表1 “三公”经费", at most 31 characters. */
    static String sheetName(NumberedTable t) {
        String name = WorkbookUtil.createSafeSheetName("表" + t.number() + " " + t.table().title(), '_');
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private static void sheet(SXSSFWorkbook wb, Styles styles, NumberedTable t) {
        SXSSFSheet sheet = wb.createSheet(sheetName(t));
        SXSSFCell caption = sheet.createRow(0).createCell(0);
        caption.setCellValue(t.captionWithUnit());
        caption.setCellStyle(styles.caption);
        List<String> columns = t.table().columns();
        SXSSFRow header = sheet.createRow(1);
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c);
            boolean money = t.table().id().equals("units") && c > 0 && c < columns.size() - 1;
            SXSSFCell cell = header.createCell(c);
            cell.setCellValue(money ? name + "（万元）" : name);
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, Math.min(40, Math.max(10, name.length() * 2 + 2)) * 256);
        }
        List<List<String>> rows = t.table().rows();
        for (int r = 0; r < rows.size(); r++) {
            SXSSFRow row = sheet.createRow(r + 2);
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                String text = cells.get(c);
                SXSSFCell cell = row.createCell(c);
                switch (Cells.kind(text)) {
                    case DECIMAL -> {
                        cell.setCellValue(Cells.number(text).doubleValue());
                        cell.setCellStyle(styles.decimal);
                    }
                    case INTEGER -> {
                        cell.setCellValue(Cells.number(text).doubleValue());
                        cell.setCellStyle(styles.integer);
                    }
                    case PERCENT -> {
                        cell.setCellValue(Cells.number(text).doubleValue());
                        cell.setCellStyle(styles.percent);
                    }
                    case TEXT -> cell.setCellValue(text);
                }
            }
        }
        sheet.createFreezePane(1, 2);
    }

    private static void properties(SXSSFWorkbook wb, DistrictReport r, String title) {
        POIXMLProperties props = wb.getXSSFWorkbook().getProperties();
        POIXMLProperties.CoreProperties core = props.getCoreProperties();
        core.setTitle(title);
        core.setCreator("Jixiao");
        core.setSubjectProperty("数据截至 " + r.asOf() + "；规则版本 " + r.ruleVersion());
        core.setKeywords("asOf=" + r.asOf() + "; ruleVersion=" + r.ruleVersion());
        stamp(core, r.asOf());
        props.getCustomProperties().addProperty("asOf", r.asOf().toString());
        props.getCustomProperties().addProperty("ruleVersion", r.ruleVersion());
    }

    static void stamp(POIXMLProperties.CoreProperties core, Instant at) {
        core.setCreated(Optional.of(Date.from(at)));
        core.setModified(Optional.of(Date.from(at)));
    }

    private static final class Styles {
        final CellStyle caption;
        final CellStyle header;
        final CellStyle decimal;
        final CellStyle integer;
        final CellStyle percent;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName("宋体");
            caption = wb.createCellStyle();
            caption.setFont(bold);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setWrapText(true);
            decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
        }
    }
}
