package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jixiao.fixtures.GatewayClient;
import io.jixiao.fixtures.LoadFixtures;
import io.jixiao.fixtures.LocalTokens;
import io.jixiao.gateway.security.TokenSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four demo district-years loaded through the gateway, then their report downloaded as .docx, .xlsx and PDF
 * by an auditor through the gateway and read back with POI and PDFBox: the fixtures' key figures in their table,
 * row and column (every figure of every fixture is checked the same way, without the stack, by
 * disclosure-service's DemoDocumentsTest); file names, content types, and the data package.
 */
class DocumentsIT {
    private static final Pattern CAPTION = Pattern.compile("表\\d+ (.+?)(（单位：万元）)?");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static RunningStack stack;
    private static String auditor;

    record Figure(String district, int year, String table, String row, String column, String value) {
    }

    private static final List<Figure> FIGURES = List.of(
            new Figure("430202", 2022, "“三公”经费", "合计", "支出数（万元）", "122.00"),
            new Figure("430202", 2022, "“三公”经费", "公务接待", "节约额（万元）", "8.00"),
            new Figure("430202", 2022, "税收返还和转移支付", "一般性", "本年（万元）", "72179.00"),
            new Figure("430202", 2022, "地方政府债务", "合计", "年末余额（万元）", "344158.00"),
            new Figure("430202", 2022, "地方政府债务", "专项债务", "付息支出（万元）", "9186.16"),
            new Figure("430511", 2022, "重点绩效评价类型", "合计", "评价个数", "10"),
            new Figure("430511", 2022, "重点绩效评价类型", "合计", "涉及项目", "208"),
            new Figure("430511", 2022, "重点绩效评价类型", "合计", "涉及资金（万元）", "20794.54"),
            new Figure("430511", 2022, "重点绩效评价类型", "专项资金", "评价个数", "5"),
            new Figure("430203", 2023, "部门预算执行", "株洲市芦淞区财政局", "全年预算数", "959.93"),
            new Figure("430203", 2023, "部门预算执行", "株洲市芦淞区财政局", "基本支出", "721.50"),
            new Figure("430203", 2023, "部门预算执行", "株洲市芦淞区财政局", "年初预算数", "739.03"),
            new Figure("430203", 2023, "部门预算执行", "株洲市芦淞区财政局", "执行率", "100.00%"),
            new Figure("430212", 2023, "监控时点（2023-08-31）执行进度", "gaj-pacs", "执行率", "35.00%"),
            new Figure("430212", 2023, "监控时点（2023-08-31）执行进度", "mzj-ylbt", "财政重点监控候选", "是"),
            new Figure("430212", 2023, "监控时点（2023-08-31）执行进度", "hwzx-ljcz", "执行率", "68.75%"));

    @BeforeAll
    static void start() throws Exception {
        stack = RunningStack.startOnOwnBroker("documents");
        assertThat(LoadFixtures.loadAll(new GatewayClient(stack.processes.gatewayUrl(), LocalTokens.loader(stack.home)),
                List.of("hetang-2022", "beita-2022", "lusong-2023", "lukou-2023"), false)).isTrue();
        auditor = stack.token(TokenSpec.of("auditor", List.of("AUDITOR"), List.of("*")));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<byte[]> get(String bearer, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.processes.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + bearer).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String report(Figure f, String format) {
        return "/api/reports/districts/" + f.district() + "/years/" + f.year() + "?format=" + format;
    }

    @Test
    void eachDemoReportDownloadsAsWordExcelAndPdfWithItsFiguresInPlace() throws Exception {
        for (Figure f : FIGURES) {
            // the projections fill from Kafka: wait until the report shows the figure, then take each format
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(cell(docxTables(download(f, "docx")), f)).isEqualTo(f.value()));
            assertThat(cell(xlsxTables(download(f, "xlsx")), f)).as("xlsx %s", f).isEqualTo(f.value());
            assertThat(pdfRow(pdfLines(download(f, "pdf")), f)).as("pdf %s", f).isNotNull();
            System.out.printf("%s %s | %s | %s = %s: docx ✓ xlsx ✓ pdf ✓ (through the gateway)%n", f.district(),
                    f.table(), f.row(), f.column(), f.value());
        }
    }

    private static byte[] download(Figure f, String format) throws Exception {
        HttpResponse<byte[]> response = get(auditor, report(f, format));
        assertThat(response.statusCode()).as("%s %s", format, f.district()).isEqualTo(200);
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        Matcher name = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(disposition);
        assertThat(name.find()).as(disposition).isTrue();
        assertThat(URLDecoder.decode(name.group(1), StandardCharsets.UTF_8)).endsWith("年度预算执行和绩效管理情况." + format);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(switch (format) {
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            default -> "application/pdf";
        });
        return response.body();
    }

    @Test
    void theDataPackageIsAZipForTheDashboardButAProjectHistoryWorkbookIsNot() throws Exception {
        String dashboard = stack.token(TokenSpec.of("screen", List.of("DASHBOARD"), List.of("430202")));
        HttpResponse<byte[]> zip = get(dashboard, "/api/reports/districts/430202/years/2022/datapackage.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
        assertThat(new String(zip.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        HttpResponse<byte[]> history = get(dashboard, "/api/budget/districts/430202/projects/p-1/history.xlsx");
        assertThat(history.statusCode()).isEqualTo(403);
        assertThat(history.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        String other = stack.token(TokenSpec.of("other", List.of("AUDITOR"), List.of("430511")));
        assertThat(get(other, "/api/reports/districts/430202/years/2022?format=pdf").statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------ readers

    private static String cell(Map<String, List<List<String>>> tables, Figure f) {
        List<List<String>> rows = tables.get(f.table());
        assertThat(rows).as("table %s", f.table()).isNotNull();
        List<String> header = rows.get(0);
        int column = -1;
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).equals(f.column()) || header.get(c).equals(f.column() + "（万元）")) {
                column = c;
            }
        }
        assertThat(column).as("column %s in %s", f.column(), header).isNotNegative();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(0).equals(f.row())) {
                return row.get(column);
            }
        }
        return null;
    }

    private static Map<String, List<List<String>>> docxTables(byte[] docx) throws IOException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            String caption = null;
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    Matcher m = CAPTION.matcher(p.getText());
                    caption = m.matches() ? m.group(1) : caption;
                } else if (e instanceof XWPFTable t && caption != null) {
                    List<List<String>> rows = new ArrayList<>();
                    for (XWPFTableRow row : t.getRows()) {
                        rows.add(row.getTableCells().stream().map(c -> c.getText()).toList());
                    }
                    tables.put(caption, rows);
                    caption = null;
                }
            }
        }
        return tables;
    }

    private static Map<String, List<List<String>>> xlsxTables(byte[] xlsx) throws IOException {
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                Matcher m = CAPTION.matcher(sheet.getRow(0).getCell(0).getStringCellValue());
                if (!m.matches()) {
                    continue;
                }
                List<List<String>> rows = new ArrayList<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell.getCellType() == CellType.NUMERIC) {
                            String format = cell.getCellStyle().getDataFormatString();
                            BigDecimal v = BigDecimal.valueOf(cell.getNumericCellValue());
                            cells.add(format.endsWith("%") ? v.movePointRight(2).setScale(2, RoundingMode.HALF_UP) + "%"
                                    : format.equals("0") ? v.setScale(0, RoundingMode.HALF_UP).toPlainString()
                                    : v.setScale(2, RoundingMode.HALF_UP).toPlainString());
                        } else {
                            cells.add(cell.getStringCellValue());
                        }
                    }
                    rows.add(cells);
                }
                tables.put(m.group(1), rows);
            }
        }
        return tables;
    }

    private static List<String> pdfLines(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return List.of(stripper.getText(doc).split("\\R"));
        }
    }

    private static String pdfRow(List<String> lines, Figure f) {
        Pattern caption = Pattern.compile("表\\d+ " + Pattern.quote(f.table()) + "(（单位：万元）)?");
        boolean inTable = false;
        for (String line : lines) {
            String l = line.trim();
            if (caption.matcher(l).matches()) {
                inTable = true;
            } else if (inTable && l.matches("表\\d+ .*")) {
                return null;
            } else if (inTable && l.startsWith(f.row()) && List.of(l.split("\\s+")).contains(f.value())) {
                return l;
            }
        }
        return null;
    }
}
