package io.jixiao.budget.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.budget.project.ProjectResponses.Figures;
import io.jixiao.budget.project.ProjectResponses.History;
import io.jixiao.budget.project.ProjectResponses.HistoryEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The auditor's workbook of a project's history: a row per event, money as numbers, the same bytes per asOf. */
class ProjectHistoryWorkbookTest {
    private static final Instant AS_OF = Instant.parse("2023-12-31T15:59:59Z");
    private static final History HISTORY = new History("430203", "czj-xxh", AS_OF, null, 2,
            new Figures("300000.00", "0.00", "-100100.00", "199900.00", "199900.00", "0.00"), 3L, List.of(
            new HistoryEntry(1, "BudgetAppropriated", Instant.parse("2023-01-20T02:00:00Z"), LocalDate.of(2023, 1, 20),
                    "alice", null, "corr-1", null, "req-1", "300000.00", null, null, "株芦财预〔2023〕1号", null, null,
                    new Figures("300000.00", "0.00", "0.00", "300000.00", "0.00", "300000.00"), null, null),
            new HistoryEntry(2, "BudgetAdjusted", Instant.parse("2023-07-01T02:00:00Z"), LocalDate.of(2023, 7, 1),
                    "bob", "张三", "corr-2", "ev-9", "req-2", "-100100.00", "MID_YEAR", "结余指标用于政采云", null, "ev-9",
                    null, new Figures("300000.00", "0.00", "-100100.00", "199900.00", "0.00", "199900.00"), null, null)));

    @Test
    void oneRowPerEventWithItsFiguresAfterAndWhoAndWhy() throws IOException {
        byte[] xlsx = ProjectHistoryWorkbook.write(HISTORY);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet("项目历史");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("czj-xxh").contains(AS_OF.toString());
            Row header = sheet.getRow(1);
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("金额（元）");
            Row adjusted = sheet.getRow(3);
            assertThat(adjusted.getCell(1).getStringCellValue()).isEqualTo("2023-07-01T10:00");
            assertThat(adjusted.getCell(2).getStringCellValue()).isEqualTo("2023-07-01");
            assertThat(adjusted.getCell(3).getStringCellValue()).isEqualTo("BudgetAdjusted");
            assertThat(adjusted.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(adjusted.getCell(4).getNumericCellValue()).isEqualTo(-100100.00);
            assertThat(adjusted.getCell(8).getNumericCellValue()).isEqualTo(199900.00);
            assertThat(adjusted.getCell(11).getStringCellValue()).isEqualTo("bob");
            assertThat(header.getCell(12).getStringCellValue()).isEqualTo("操作人姓名");
            assertThat(adjusted.getCell(12).getStringCellValue()).isEqualTo("张三");
            assertThat(sheet.getRow(2).getCell(12).getStringCellValue()).isEmpty();
            assertThat(adjusted.getCell(14).getStringCellValue()).isEqualTo("结余指标用于政采云");
            assertThat(adjusted.getCell(16).getStringCellValue()).isEqualTo("ev-9");
            assertThat(adjusted.getCell(17).getStringCellValue()).isEqualTo("corr-2");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
        assertThat(ProjectHistoryWorkbook.write(HISTORY)).isEqualTo(xlsx);
    }
}
