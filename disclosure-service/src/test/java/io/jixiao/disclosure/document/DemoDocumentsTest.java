package io.jixiao.disclosure.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.disclosure.fixture.Expectations;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReport.DebtLine;
import io.jixiao.disclosure.report.DistrictReport.ThreePublicLine;
import io.jixiao.disclosure.report.DistrictReport.UnitLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four demo district-years as .docx, .xlsx and PDF, read back with POI and PDFBox: every {@code expect} figure
 * of the fixture that the report shows is in its table, in its row and column (for the PDF: on the row's printed
 * line, after the table's caption). Keys of a fixture's expect block that are findings or refusals, not report
 * figures, are named as such so that none goes unlooked-at.
 */
class DemoDocumentsTest {
    static final Path FONT = CjkFont.locate(null).orElseThrow(() -> new AssertionError(new CjkFont.Missing().getMessage()));

    /** A figure of the report: table title, row label (first cell), column header, the report's text. */
    record Figure(String table, String row, String column, String value) {
        boolean numeric() {
            return value.matches("[+-]?\\d+(\\.\\d+)?%?");
        }
    }

    static Stream<Arguments> demos() {
        return Stream.of(
                Arguments.of("hetang", (Function<Demo, List<Figure>>) DemoDocumentsTest::hetang),
                Arguments.of("beita", (Function<Demo, List<Figure>>) DemoDocumentsTest::beita),
                Arguments.of("lusong", (Function<Demo, List<Figure>>) DemoDocumentsTest::lusong),
                Arguments.of("lukou", (Function<Demo, List<Figure>>) DemoDocumentsTest::lukou));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demos")
    void everyExpectedFigureIsInItsTableAndRowOfEachDocument(String name, Function<Demo, List<Figure>> figures) {
        Demo demo = switch (name) {
            case "hetang" -> Demo.hetang();
            case "beita" -> Demo.beita();
            case "lusong" -> Demo.lusong();
            default -> Demo.lukou();
        };
        List<Figure> expected = figures.apply(demo);
        assertThat(expected).isNotEmpty();
        DistrictReport r = demo.report();
        byte[] docx = DocxWriter.write(r);
        byte[] xlsx = XlsxWriter.write(r);
        byte[] pdf = PdfWriter.write(r, FONT);
        Map<String, List<List<String>>> docxTables = DocumentReaders.docxTables(docx);
        Map<String, List<List<String>>> xlsxTables = DocumentReaders.xlsxTables(xlsx);
        List<String> pdfLines = DocumentReaders.pdfLines(pdf);
        assertThat(docxTables).hasSize(ReportOutline.of(r).tables().size());
        assertThat(xlsxTables).hasSize(ReportOutline.of(r).tables().size());
        assertThat(pdfLines).anyMatch(l -> l.contains(r.districtName() + r.year() + "年度预算执行和绩效管理情况"));
        for (Figure f : expected) {
            assertThat(cell(docxTables, f)).as("docx %s", f).isEqualTo(f.value());
            assertThat(cell(xlsxTables, f)).as("xlsx %s (a number stored as a number)", f)
                    .isEqualTo(f.numeric() ? "#" + f.value() : f.value());
            assertThat(pdfRow(pdfLines, f)).as("pdf %s", f).isNotNull();
            System.out.printf("%s %s | %s | %s = %s: docx ✓ xlsx ✓ pdf ✓%n", r.districtName(), f.table(), f.row(),
                    f.column(), f.value());
        }
        System.out.printf("%s: %d figures; docx %d B, xlsx %d B, pdf %d B%n", r.districtName(), expected.size(),
                docx.length, xlsx.length, pdf.length);
    }

    // ------------------------------------------------------------------ readers

    static String cell(Map<String, List<List<String>>> tables, Figure f) {
        List<List<String>> rows = tables.get(f.table());
        assertThat(rows).as("table %s", f.table()).isNotNull();
        List<String> header = rows.get(0);
        int column = -1;
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).equals(f.column()) || header.get(c).equals(f.column() + "（万元）")) {
                column = c;
            }
        }
        assertThat(column).as("column %s of %s in %s", f.column(), f.table(), header).isNotNegative();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.get(0).equals(f.row())) {
                return row.get(column);
            }
        }
        throw new AssertionError("no row " + f.row() + " in " + f.table());
    }

    /** The printed line of the row (its label first, the figure among its cells) after the table's caption. */
    static String pdfRow(List<String> lines, Figure f) {
        Pattern caption = Pattern.compile("表\\d+ " + Pattern.quote(f.table()) + "(（单位：万元）)?");
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (caption.matcher(lines.get(i).trim()).matches()) {
                start = i;
                break;
            }
        }
        assertThat(start).as("caption of %s in the PDF", f.table()).isNotNegative();
        for (int i = start + 1; i < lines.size() && !lines.get(i).trim().matches("表\\d+ .*"); i++) {
            List<String> cells = Arrays.asList(lines.get(i).trim().split("\\s+"));
            if (lines.get(i).trim().startsWith(f.row()) && cells.contains(f.value())) {
                return lines.get(i);
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ the fixtures' figures

    static String wan(String figure) {
        return new BigDecimal(figure).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static List<String> figures(Expectations expect, String key) {
        return Arrays.stream(expect.text(key).split("/")).map(String::trim).map(DemoDocumentsTest::wan).toList();
    }

    static String label(ThreePublicLine l) {
        return (l.subLine() ? "其中：" : "") + l.category();
    }

    static List<Figure> hetang(Demo demo) {
        DistrictReport r = demo.report();
        Expectations expect = new Expectations(demo.events().root().path("expect"));
        List<Figure> list = new ArrayList<>();
        String tp = "“三公”经费";
        ThreePublicLine total = r.threePublic().total();
        ThreePublicLine vehicles = r.threePublic().lines().stream().filter(l -> l.id().equals("vehicles")).findFirst().orElseThrow();
        ThreePublicLine reception = r.threePublic().lines().stream().filter(l -> l.id().equals("reception")).findFirst().orElseThrow();
        List<String> columns = List.of("支出数（万元）", "预算数（万元）", "节约额（万元）");
        addAll(list, tp, label(total), columns, figures(expect, "三公 total spent / budget / saved (万元)"));
        addAll(list, tp, label(vehicles), columns, figures(expect, "公务用车 spent / budget / saved (万元)"));
        addAll(list, tp, label(reception), columns, figures(expect, "公务接待 spent / budget / saved (万元)"));
        List<String> transfers = figures(expect, "transfers general / special (万元)");
        list.add(new Figure("税收返还和转移支付", "一般性", "本年（万元）", transfers.get(0)));
        list.add(new Figure("税收返还和转移支付", "专项", "本年（万元）", transfers.get(1)));
        String debt = "地方政府债务";
        String all = r.debt().total().label();
        String general = debtLabel(r, "GENERAL");
        String special = debtLabel(r, "SPECIAL");
        List<String> balance = figures(expect, "debt balance total / general / special (万元)");
        list.add(new Figure(debt, all, "年末余额（万元）", balance.get(0)));
        list.add(new Figure(debt, general, "年末余额（万元）", balance.get(1)));
        list.add(new Figure(debt, special, "年末余额（万元）", balance.get(2)));
        List<String> newBonds = figures(expect, "new bonds general / special (万元)");
        list.add(new Figure(debt, general, "新增债券（万元）", newBonds.get(0)));
        list.add(new Figure(debt, special, "新增债券（万元）", newBonds.get(1)));
        list.add(new Figure(debt, all, "再融资债券（万元）", figures(expect, "refinancing bonds (万元)").get(0)));
        List<String> interest = figures(expect, "interest general / special (万元)");
        list.add(new Figure(debt, general, "付息支出（万元）", interest.get(0)));
        list.add(new Figure(debt, special, "付息支出（万元）", interest.get(1)));
        list.add(new Figure("预算执行总体情况", "支出不实金额（万元）", "数值", figures(expect, "支出不实金额 (万元)").get(0)));
        expect.allChecked();
        return list;
    }

    private static String debtLabel(DistrictReport r, String type) {
        return r.debt().byType().stream().filter(l -> l.type().equals(type)).map(DebtLine::label).findFirst().orElseThrow();
    }

    private static void addAll(List<Figure> list, String table, String row, List<String> columns, List<String> values) {
        for (int i = 0; i < columns.size(); i++) {
            list.add(new Figure(table, row, columns.get(i), values.get(i)));
        }
    }

    static List<Figure> beita(Demo demo) {
        Expectations expect = new Expectations(demo.events().root().path("expect"));
        List<Figure> list = new ArrayList<>();
        String types = "重点绩效评价类型";
        list.add(new Figure(types, "合计", "评价个数", expect.text("district report 2022, key evaluations")));
        for (String t : expect.text("district report 2022, key evaluation types").split(",")) {
            String[] parts = t.trim().split(" ");
            list.add(new Figure(types, parts[0], "评价个数", parts[1]));
        }
        list.add(new Figure(types, "合计", "涉及项目", expect.text("district report 2022, projects covered")));
        list.add(new Figure(types, "合计", "涉及资金（万元）", wan(expect.text("district report 2022, amount covered (万元)"))));
        String rate = expect.text("jkzx-tqy execution rate");
        String evaluation = demo.report().performance().keyEvaluations().items().stream()
                .filter(k -> k.subjects().stream().anyMatch(s -> s.projectId().equals("jkzx-tqy")))
                .map(DistrictReport.KeyEvaluationLine::evaluationId).findFirst().orElseThrow();
        list.add(new Figure("重点评价项目预算执行", evaluation, "执行率", rate));
        expect.allChecked();
        // the row of jkzx-tqy: its evaluation id heads the row; the project column must name it
        list.add(new Figure("重点评价项目预算执行", evaluation, "项目", "jkzx-tqy"));
        return list;
    }

    static List<Figure> lusong(Demo demo) {
        Expectations expect = new Expectations(demo.events().root().path("expect"));
        UnitLine czj = demo.report().units().stream().filter(u -> u.unitId().equals("czj")).findFirst().orElseThrow();
        String units = "部门预算执行";
        List<Figure> list = new ArrayList<>();
        list.add(new Figure(units, czj.name(), "全年预算数", wan(expect.text("unit czj full-year budget (万元)"))));
        list.add(new Figure(units, czj.name(), "全年执行数", wan(expect.text("unit czj executed (万元)"))));
        list.add(new Figure(units, czj.name(), "项目支出", wan(expect.text("unit czj project spending (万元)"))));
        list.add(new Figure(units, czj.name(), "基本支出", wan(expect.text("unit czj basic spending (万元)"))));
        list.add(new Figure(units, czj.name(), "执行率", expect.text("unit czj budget execution rate")));
        list.add(new Figure(units, czj.name(), "项目年初预算", wan(expect.text("unit czj 2023 initial project budget (万元)"))));
        Matcher initial = Pattern.compile("([\\d.]+) = basic ([\\d.]+) \\+ project appropriations ([\\d.]+)")
                .matcher(expect.text("unit czj 2023 initial budget 年初预算数 (万元)"));
        assertThat(initial.matches()).isTrue();
        list.add(new Figure(units, czj.name(), "年初预算数", wan(initial.group(1))));
        list.add(new Figure(units, czj.name(), "基本支出年初预算", wan(initial.group(2))));
        // a disclosure finding (text against basic data table), not a figure of the report: LusongReportFoldTest
        assertThat(expect.text("consistency finding")).startsWith("staffing");
        expect.allChecked();
        return list;
    }

    static List<Figure> lukou(Demo demo) {
        Expectations expect = new Expectations(demo.events().root().path("expect"));
        var checkpoint = demo.report().performance().monitoring().checkpoint();
        String table = "监控时点（" + checkpoint.date() + "）执行进度";
        List<Figure> list = new ArrayList<>();
        for (String project : List.of("gaj-pacs", "wjj-jbgw", "hwzx-ljcz", "xfj-tghwh", "mzj-ylbt")) {
            list.add(new Figure(table, project, "执行率", expect.text("execution rate to 2023-08-31, " + project)));
        }
        String progress = expect.text("time progress at 2023-08-31");
        list.add(new Figure(table, "gaj-pacs", "时间进度", progress.substring(0, progress.indexOf(' '))));
        assertThat(expect.text("monitoring deviation")).startsWith("gaj-pacs");
        for (String project : List.of("gaj-pacs", "wjj-jbgw", "hwzx-ljcz", "xfj-tghwh", "mzj-ylbt")) {
            list.add(new Figure(table, project, "偏离", project.equals("gaj-pacs") ? "是" : "否"));
        }
        List<String> candidates = Arrays.stream(expect.text("key-monitoring candidates by the default rule (budget ≥ 200 "
                + "万元, execution < 60% at 2023-08-31)").split(",")).map(String::trim).toList();
        for (String project : List.of("gaj-pacs", "wjj-jbgw", "hwzx-ljcz", "xfj-tghwh", "mzj-ylbt")) {
            list.add(new Figure(table, project, "财政重点监控候选", candidates.contains(project) ? "是" : "否"));
        }
        // findings and a refused appropriation, not figures of the report: LukouFindingsTest
        assertThat(expect.lines("disclosure findings")).hasSize(6);
        assertThat(expect.text("refused")).startsWith("mzj-lsjz");
        expect.allChecked();
        return list;
    }
}
