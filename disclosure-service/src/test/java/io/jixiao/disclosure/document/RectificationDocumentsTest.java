package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.document.readback.DocumentReaders;
import io.jixiao.disclosure.document.readback.Figure;
import io.jixiao.disclosure.document.readback.FigureChecks;
import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.fixture.RectificationEvents;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReportFold;
import io.jixiao.disclosure.report.DistrictSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 芦淞区 2023 with two rectification items: one overdue, done late and signed off, one still overdue. The .docx, .xlsx
 * and PDF show the 整改统计 counts, the 整改情况 lines (status, overdue since, done late, actors) and the narrative
 * sentence, read back with the readers {@link DemoDocumentsTest} uses; the data package carries the items.
 */
class RectificationDocumentsTest {
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");
    private static final LocalDate DEADLINE = LocalDate.parse("2024-04-15");
    private static final Instant OVERDUE_AT = Instant.parse("2024-04-15T16:00:00Z");

    @Test
    void theDocumentsShowTheRectificationOfTheYear() {
        List<JournalEvent> events = new ArrayList<>(FixtureEvents.load("lusong-2023").events());
        events.addAll(RectificationEvents.in("430203")
                .opened("R1", 2023, "unit-a", "ke-1", 0, DEADLINE, Instant.parse("2024-03-31T02:00:00Z"))
                .opened("R2", 2023, "unit-b", "ke-1", 1, DEADLINE, Instant.parse("2024-03-31T02:00:00Z"))
                .overdue("R1", OVERDUE_AT).overdue("R2", OVERDUE_AT)
                .completed("R1", true, Instant.parse("2024-04-30T02:00:00Z"))
                .signedOff("R1", LocalDate.parse("2024-04-30"), true, Instant.parse("2024-05-20T02:00:00Z"))
                .events());
        DistrictReport r = DistrictReportFold.report(DistrictReportFold.foldUpTo(events, AS_OF), 2023,
                DistrictSettings.unpublished("430203"), AS_OF);

        List<Figure> figures = new ArrayList<>();
        Map.of("整改事项（个）", "2", "已完成（个）", "1", "已销号（个）", "1", "逾期（个）", "1", "逾期完成（个）", "1",
                "退回（次）", "0").forEach((row, value) -> figures.add(new Figure("整改统计", row, "数值", value)));
        figures.add(new Figure("整改情况", "R1", "状态", "已销号"));
        figures.add(new Figure("整改情况", "R1", "完成日期", "2024-04-30"));
        // the deadline day 2024-04-15 ends at midnight in Beijing (16:00 UTC): the first day overdue is the 16th
        figures.add(new Figure("整改情况", "R1", "逾期起始日", "2024-04-16"));
        figures.add(new Figure("整改情况", "R1", "逾期完成", "是"));
        figures.add(new Figure("整改情况", "R1", "销号人", RectificationEvents.FINANCE));
        figures.add(new Figure("整改情况", "R2", "状态", "逾期"));
        figures.add(new Figure("整改情况", "R2", "整改期限", "2024-04-15"));
        figures.add(new Figure("整改情况", "R2", "开立人", RectificationEvents.FINANCE));

        byte[] docx = DocxWriter.write(r);
        byte[] xlsx = XlsxWriter.write(r);
        byte[] pdf = PdfWriter.write(r, DemoDocumentsTest.FONT);
        FigureChecks.assertEveryFigure(r.districtName() + " 整改", figures, docx, xlsx, pdf);
        assertThat(DocumentReaders.pdfLines(pdf)).anyMatch(l -> l.contains("对评价和监控发现的2个问题开展整改"));

        Map<String, byte[]> data = DataPackageTest.unzip(DataPackageWriter.write(r,
                DistrictReportFold.foldUpTo(events, AS_OF)));
        assertThat(DataPackageTest.csv(data.get("rectifications.csv"))).anySatisfy(row -> assertThat(row)
                .startsWith("R1", "重点评价发现问题", "ke-1#0", "unit-a").contains("已销号", OVERDUE_AT.toString(),
                        "2024-04-30", "true", "2024-05-20", RectificationEvents.CLERK));
    }
}
