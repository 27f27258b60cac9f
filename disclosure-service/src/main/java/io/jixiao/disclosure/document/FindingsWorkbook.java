package io.jixiao.disclosure.document;

import io.jixiao.disclosure.finding.FindingRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A district-year's disclosure findings for auditors: one row per finding with its history (raised, resolved,
 * status) and what the rule expected and found, open findings first as the JSON answer lists them.
 */
public final class FindingsWorkbook {
    static final List<String> COLUMNS = List.of("状态", "发现时间（北京时间）", "解决时间（北京时间）", "规则", "问题",
            "类别", "严重程度", "单位", "单位名称", "对象", "应为", "实为", "差异", "整改措施", "说明", "规则版本");
    private static final ZoneId BEIJING = io.jixiao.events.BureauTime.ZONE;

    private FindingsWorkbook() {
    }

    public static byte[] write(String districtCode, int year, String ruleVersion, Instant evaluatedAt,
                               List<FindingRecord> findings) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            XSSFSheet sheet = wb.createSheet("信息公开问题");
            sheet.createRow(0).createCell(0).setCellValue("区划 " + districtCode + " " + year + " 年度信息公开检查发现的问题（"
                    + "评估时间 " + time(evaluatedAt) + "，规则版本 " + ruleVersion + "）");
            XSSFRow head = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                XSSFCell cell = head.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, 18 * 256);
            }
            int r = 2;
            for (FindingRecord f : findings) {
                XSSFRow row = sheet.createRow(r++);
                String[] cells = {f.resolvedAt() == null ? "未解决" : "已解决", time(f.raisedAt()), time(f.resolvedAt()),
                        f.ruleId(), f.title(), f.category(), f.severity(), f.unitId(), f.unitName(), f.subject(),
                        f.expected(), f.found(), f.difference(), f.measure(), f.message(), f.ruleVersion()};
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c] == null ? "" : cells[c]);
                }
            }
            sheet.createFreezePane(0, 2);
            var core = wb.getProperties().getCoreProperties();
            core.setTitle(districtCode + " " + year + " 信息公开问题");
            core.setKeywords("evaluatedAt=" + evaluatedAt + "; ruleVersion=" + ruleVersion);
            core.setCreated(Optional.of(Date.from(evaluatedAt)));
            wb.write(out);
            return DeterministicZip.restamp(out.toByteArray(), evaluatedAt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String time(Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at, BEIJING).withNano(0).toString();
    }
}
