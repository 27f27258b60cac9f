package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jixiao.disclosure.document.readback.DemoFigures;
import io.jixiao.disclosure.document.readback.DocumentReaders;
import io.jixiao.disclosure.document.readback.FigureChecks;
import io.jixiao.disclosure.report.DistrictReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four demo district-years as .docx, .xlsx and PDF, read back with POI and PDFBox: every {@code expect} figure
 * of the fixture that the report shows is in its table, in its row and column (for the PDF: on the row's printed
 * line, after the table's caption). The same figures and checks run through the gateway in local-stack's
 * DocumentsIT ({@link DemoFigures}, {@link FigureChecks}).
 */
class DemoDocumentsTest {
    static final Path FONT = CjkFont.locate(null).orElseThrow(() -> new AssertionError(new CjkFont.Missing().getMessage()));
    /** The report's JSON as the service writes it (dates as ISO strings). */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static List<String> demos() {
        return DemoFigures.FIXTURES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void everyExpectedFigureIsInItsTableAndRowOfEachDocument(String fixture) {
        Demo demo = switch (fixture) {
            case "hetang-2022" -> Demo.hetang();
            case "beita-2022" -> Demo.beita();
            case "lusong-2023" -> Demo.lusong();
            default -> Demo.lukou();
        };
        DistrictReport r = demo.report();
        JsonNode json = JSON.valueToTree(r);
        byte[] docx = DocxWriter.write(r);
        byte[] xlsx = XlsxWriter.write(r);
        byte[] pdf = PdfWriter.write(r, FONT);
        int tables = ReportOutline.of(r).tables().size();
        assertThat(DocumentReaders.docxTables(docx)).hasSize(tables);
        assertThat(DocumentReaders.xlsxTables(xlsx)).hasSize(tables);
        assertThat(DocumentReaders.pdfLines(pdf)).anyMatch(l -> l.contains(r.districtName() + r.year() + "年度预算执行和绩效管理情况"));
        FigureChecks.assertEveryFigure(r.districtName(), DemoFigures.of(fixture, demo.events().root(), json), docx, xlsx, pdf);
    }
}
