package io.jixiao.budget.project;

import io.jixiao.budget.project.ProjectResponses.History;
import io.jixiao.budget.project.ProjectResponses.HistoryEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A project's history for an auditor as a workbook: one row per event (recorded time, business date, type, amount,
 * the figures right after it, actor and the actor's name as the history shows it, cause, correlation), amounts in 元
 * as numbers, and the state as of then.
 * Made from the same {@link History} the JSON answer is; the same asOf gives the same bytes.
 */
public final class ProjectHistoryWorkbook {
    static final List<String> COLUMNS = List.of("序号", "记录时间（北京时间）", "业务日期", "事件", "金额（元）",
            "年初预算（元）", "结转（元）", "调整（元）", "全年预算（元）", "支出（元）", "可用（元）", "操作人", "操作人姓名",
            "依据", "原因", "文号", "起因事件", "关联号");
    private static final ZoneId BEIJING = io.jixiao.events.BureauTime.ZONE;

    private ProjectHistoryWorkbook() {
    }

    public static byte[] write(History h) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
            XSSFSheet sheet = wb.createSheet("项目历史");
            sheet.createRow(0).createCell(0).setCellValue("项目 " + h.projectId() + " 的全部记录（区划 " + h.districtCode()
                    + "，数据截至 " + h.asOf() + (h.on() == null ? "" : "，业务日期至 " + h.on()) + "，金额单位：元）");
            XSSFRow head = sheet.createRow(1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                XSSFCell cell = head.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(header);
            }
            int r = 2;
            for (HistoryEntry e : h.events()) {
                XSSFRow row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(e.sequence());
                row.createCell(c++).setCellValue(LocalDateTime.ofInstant(e.occurredAt(), BEIJING).toString());
                row.createCell(c++).setCellValue(e.date() == null ? "" : e.date().toString());
                row.createCell(c++).setCellValue(e.type());
                c = money(row, c, e.amount(), money);
                var f = e.figuresAfter();
                for (String v : new String[] {f.appropriated(), f.carriedOver(), f.adjusted(), f.budget(), f.spent(),
                        f.available()}) {
                    c = money(row, c, v, money);
                }
                for (String v : new String[] {e.actor(), e.actorName(), e.basis(), e.reason(), e.docNo(),
                        e.causeEventId(), e.correlationId()}) {
                    row.createCell(c++).setCellValue(v == null ? "" : v);
                }
            }
            sheet.createFreezePane(0, 2);
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            var core = wb.getProperties().getCoreProperties();
            core.setTitle("项目 " + h.projectId() + " 历史");
            core.setKeywords("asOf=" + h.asOf());
            core.setCreated(Optional.of(Date.from(h.asOf())));
            core.setModified(Optional.of(Date.from(h.asOf())));
            wb.write(out);
            return restamp(out.toByteArray(), LocalDateTime.ofInstant(h.asOf(), ZoneOffset.UTC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int money(XSSFRow row, int c, String yuan, CellStyle style) {
        XSSFCell cell = row.createCell(c);
        if (yuan != null) {
            cell.setCellValue(new BigDecimal(yuan).doubleValue());
            cell.setCellStyle(style);
        }
        return c + 1;
    }

    /** Every zip entry stamped with the asOf, so the bytes depend on the content alone. */
    private static byte[] restamp(byte[] archive, LocalDateTime time) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(time);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
