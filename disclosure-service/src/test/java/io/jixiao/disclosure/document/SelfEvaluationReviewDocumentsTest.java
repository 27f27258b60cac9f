package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.document.readback.DocumentReaders;
import io.jixiao.disclosure.document.readback.Figure;
import io.jixiao.disclosure.document.readback.FigureChecks;
import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.fixture.ReviewEvents;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReportFold;
import io.jixiao.disclosure.report.DistrictSettings;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 芦淞区 2023 with FINANCE's review of its self-evaluation (returned, resubmitted, accepted, spot-checked 3.25 points
 * lower): the .docx, .xlsx and PDF show the review's counts, the spot-check and the evaluation's status, read back
 * with the readers {@link DemoDocumentsTest} uses; the data package carries them too.
 */
class SelfEvaluationReviewDocumentsTest {
    private static final Instant AS_OF = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void theDocumentsShowTheReviewOfTheSelfEvaluations() {
        FixtureEvents lusong = FixtureEvents.load("lusong-2023");
        JournalEvent submission = lusong.events().stream().filter(e -> e.payload() instanceof SelfEvaluationSubmitted)
                .findFirst().orElseThrow();
        SelfEvaluationSubmitted submitted = (SelfEvaluationSubmitted) submission.payload();
        String id = submitted.evaluationId();
        String score = submitted.totalScore().setScale(2, RoundingMode.HALF_UP).toPlainString();
        String financeScore = submitted.totalScore().subtract(new BigDecimal("3.25")).setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
        Instant at = submission.occurredAt();
        List<JournalEvent> events = new ArrayList<>(lusong.events());
        events.addAll(ReviewEvents.in("430203").after(submission)
                .returned(id, at.plusSeconds(86_400)).resubmitted(id, score, at.plusSeconds(2 * 86_400))
                .accepted(id, at.plusSeconds(3 * 86_400)).spotChecked(id, financeScore, at.plusSeconds(4 * 86_400))
                .events());
        DistrictReport r = DistrictReportFold.report(DistrictReportFold.foldUpTo(events, AS_OF), 2023,
                DistrictSettings.unpublished("430203"), AS_OF);

        String review = "自评审核";
        List<Figure> figures = new ArrayList<>();
        Map.of("提交自评（份）", "1", "重新提交（次）", "1", "退回（份）", "1", "退回（次）", "1", "采纳（份）", "1",
                "待审核（份）", "0", "抽查（份）", "1", "抽查评分最大相差（分）", "3.25", "抽查评分平均相差（分）", "3.25")
                .forEach((row, value) -> figures.add(new Figure(review, row, "数值", value)));
        figures.add(new Figure("自评抽查", id, "单位自评分", score));
        figures.add(new Figure("自评抽查", id, "财政评分", financeScore));
        figures.add(new Figure("自评抽查", id, "相差（分）", "-3.25"));
        figures.add(new Figure("绩效自评", id, "审核状态", "已抽查"));
        figures.add(new Figure("绩效自评", id, "采纳得分", score));

        byte[] docx = DocxWriter.write(r);
        byte[] xlsx = XlsxWriter.write(r);
        byte[] pdf = PdfWriter.write(r, DemoDocumentsTest.FONT);
        FigureChecks.assertEveryFigure(r.districtName() + " 自评审核", figures, docx, xlsx, pdf);
        assertThat(DocumentReaders.pdfLines(pdf)).anyMatch(l -> l.contains("财政部门审核单位自评1份，退回1份，采纳1份"));

        Map<String, byte[]> data = DataPackageTest.unzip(DataPackageWriter.write(r,
                DistrictReportFold.foldUpTo(events, AS_OF)));
        assertThat(DataPackageTest.csv(data.get("self-evaluation-review.csv"))).contains(List.of("抽查（份）", "1"),
                List.of("抽查评分最大相差（分）", "3.25"));
        assertThat(DataPackageTest.csv(data.get("evaluations.csv"))).anySatisfy(row -> assertThat(row)
                .startsWith(id, "自评").endsWith("已抽查", score, submitted.grade().label(), financeScore, "-3.25"));
    }
}
