package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.finding.FindingRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A district's findings with their history as a workbook: one row per finding, raised and resolved times. */
class FindingsWorkbookTest {
    @Test
    void oneRowPerFindingWithWhenItWasRaisedAndResolved() throws IOException {
        Instant now = Instant.parse("2024-06-01T00:00:00Z");
        List<FindingRecord> findings = List.of(
                new FindingRecord(1L, "DISC-004", "公开不及时", "TIMELINESS", "SERIOUS", "wjj", "区卫健局", "GOALS",
                        "2023-02-09", "2023-03-30", "49天", "按期公开", "预算批复后20日内未公开", "disclosure-rules/1",
                        Instant.parse("2023-04-01T02:00:00Z"), null, "OPEN"),
                new FindingRecord(2L, "DISC-003", "公开不完整", "COMPLETENESS", "SERIOUS", "xfj", "区消防救援大队",
                        "项目支出绩效目标表", "1", "0", "1", "补充公开", "预算项目未公开绩效目标表", "disclosure-rules/1",
                        Instant.parse("2023-04-01T02:00:00Z"), Instant.parse("2023-05-02T02:00:00Z"), "RESOLVED"));
        byte[] xlsx = FindingsWorkbook.write("430212", 2023, "disclosure-rules/1+430212:v0", now, findings);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet("信息公开问题");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("430212").contains("2023");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("发现时间（北京时间）");
            var open = sheet.getRow(2);
            assertThat(open.getCell(0).getStringCellValue()).isEqualTo("未解决");
            assertThat(open.getCell(1).getStringCellValue()).isEqualTo("2023-04-01T10:00");
            assertThat(open.getCell(2).getStringCellValue()).isEmpty();
            assertThat(open.getCell(3).getStringCellValue()).isEqualTo("DISC-004");
            assertThat(open.getCell(11).getStringCellValue()).isEqualTo("2023-03-30");
            var resolved = sheet.getRow(3);
            assertThat(resolved.getCell(0).getStringCellValue()).isEqualTo("已解决");
            assertThat(resolved.getCell(2).getStringCellValue()).isEqualTo("2023-05-02T10:00");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }
}
