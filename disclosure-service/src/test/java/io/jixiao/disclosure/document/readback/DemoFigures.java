package io.jixiao.disclosure.document.readback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.disclosure.fixture.Expectations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code expect} figures of the four demo fixtures as the documents show them: table, row, column, text. Row
 * labels that the fixture names by id (a debt type, a unit, a key evaluation) are looked up in the report's JSON, as
 * the service answers it or as the fold gives it. Keys of an expect block that are findings or refusals, not report
 * figures, are named as such, so that none goes unlooked-at ({@link Expectations#allChecked()}).
 */
public final class DemoFigures {
    /** The demo fixtures, each with the district code and year of its report. */
    public static final List<String> FIXTURES = List.of("hetang-2022", "beita-2022", "lusong-2023", "lukou-2023");
    private static final List<String> LUKOU_PROJECTS = List.of("gaj-pacs", "wjj-jbgw", "hwzx-ljcz", "xfj-tghwh", "mzj-ylbt");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoFigures() {
    }

    /**
     * The year of the district report a demo's figures belong to: the year its name ends with. It is not always the
     * file's {@code year} (北塔区's file holds the 2021 budget; its report is 2022's, which counts the key evaluations
     * carried out in 2022).
     */
    public static int reportYear(String fixture) {
        return Integer.parseInt(fixture.substring(fixture.lastIndexOf('-') + 1));
    }

    /** A fixture file from the class path ({@code /fixtures/<name>.json}). */
    public static JsonNode fixture(String name) {
        try (InputStream in = DemoFigures.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            assertThat(in).as("fixture %s on the class path", name).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every expect figure of the fixture that the report shows, located with the report's JSON. */
    public static List<Figure> of(String fixture, JsonNode root, JsonNode report) {
        Expectations expect = new Expectations(root.path("expect"));
        List<Figure> figures = switch (fixture) {
            case "hetang-2022" -> hetang(expect, report);
            case "beita-2022" -> beita(expect, report);
            case "lusong-2023" -> lusong(expect, report);
            case "lukou-2023" -> lukou(expect, report);
            default -> throw new IllegalArgumentException("not a demo fixture: " + fixture);
        };
        expect.allChecked();
        return figures;
    }

    static String wan(String figure) {
        return new BigDecimal(figure).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static List<String> wans(Expectations expect, String key) {
        return expect.figures(key).stream().map(DemoFigures::wan).toList();
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " = " + value + " in " + list);
    }

    private static String threePublicLabel(JsonNode line) {
        return (line.path("subLine").asBoolean() ? "其中：" : "") + line.path("category").asText();
    }

    private static void addAll(List<Figure> list, String table, String row, List<String> columns, List<String> values) {
        for (int i = 0; i < columns.size(); i++) {
            list.add(new Figure(table, row, columns.get(i), values.get(i)));
        }
    }

    private static List<Figure> hetang(Expectations expect, JsonNode report) {
        List<Figure> list = new ArrayList<>();
        JsonNode threePublic = report.path("threePublic");
        String tp = "“三公”经费";
        List<String> columns = List.of("支出数（万元）", "预算数（万元）", "节约额（万元）");
        addAll(list, tp, threePublicLabel(threePublic.path("total")), columns,
                wans(expect, "三公 total spent / budget / saved (万元)"));
        addAll(list, tp, threePublicLabel(find(threePublic.path("lines"), "id", "vehicles")), columns,
                wans(expect, "公务用车 spent / budget / saved (万元)"));
        addAll(list, tp, threePublicLabel(find(threePublic.path("lines"), "id", "reception")), columns,
                wans(expect, "公务接待 spent / budget / saved (万元)"));
        List<String> transfers = wans(expect, "transfers general / special (万元)");
        list.add(new Figure("税收返还和转移支付", "一般性", "本年（万元）", transfers.get(0)));
        list.add(new Figure("税收返还和转移支付", "专项", "本年（万元）", transfers.get(1)));
        String debt = "地方政府债务";
        String all = report.path("debt").path("total").path("label").asText();
        String general = find(report.path("debt").path("byType"), "type", "GENERAL").path("label").asText();
        String special = find(report.path("debt").path("byType"), "type", "SPECIAL").path("label").asText();
        List<String> balance = wans(expect, "debt balance total / general / special (万元)");
        list.add(new Figure(debt, all, "年末余额（万元）", balance.get(0)));
        list.add(new Figure(debt, general, "年末余额（万元）", balance.get(1)));
        list.add(new Figure(debt, special, "年末余额（万元）", balance.get(2)));
        List<String> newBonds = wans(expect, "new bonds general / special (万元)");
        list.add(new Figure(debt, general, "新增债券（万元）", newBonds.get(0)));
        list.add(new Figure(debt, special, "新增债券（万元）", newBonds.get(1)));
        list.add(new Figure(debt, all, "再融资债券（万元）", wans(expect, "refinancing bonds (万元)").get(0)));
        List<String> interest = wans(expect, "interest general / special (万元)");
        list.add(new Figure(debt, general, "付息支出（万元）", interest.get(0)));
        list.add(new Figure(debt, special, "付息支出（万元）", interest.get(1)));
        list.add(new Figure("预算执行总体情况", "支出不实金额（万元）", "数值", wans(expect, "支出不实金额 (万元)").get(0)));
        return list;
    }

    private static List<Figure> beita(Expectations expect, JsonNode report) {
        List<Figure> list = new ArrayList<>();
        String types = "重点绩效评价类型";
        list.add(new Figure(types, "合计", "评价个数", expect.text("district report 2022, key evaluations")));
        for (String t : expect.text("district report 2022, key evaluation types").split(",")) {
            String[] parts = t.trim().split(" ");
            list.add(new Figure(types, parts[0], "评价个数", parts[1]));
        }
        list.add(new Figure(types, "合计", "涉及项目", expect.text("district report 2022, projects covered")));
        list.add(new Figure(types, "合计", "涉及资金（万元）", wan(expect.text("district report 2022, amount covered (万元)"))));
        String evaluation = null;
        for (JsonNode k : report.path("performance").path("keyEvaluations").path("items")) {
            for (JsonNode s : k.path("subjects")) {
                if (s.path("projectId").asText().equals("jkzx-tqy")) {
                    evaluation = k.path("evaluationId").asText();
                }
            }
        }
        assertThat(evaluation).as("the key evaluation of jkzx-tqy among the key evaluations of %s %s (%s): %s",
                report.path("districtCode"), report.path("year"), report.path("provenance"),
                report.path("performance").path("keyEvaluations")).isNotNull();
        list.add(new Figure("重点评价项目预算执行", evaluation, "执行率", expect.text("jkzx-tqy execution rate")));
        // the row of jkzx-tqy: its evaluation id heads the row; the project column must name it
        list.add(new Figure("重点评价项目预算执行", evaluation, "项目", "jkzx-tqy"));
        return list;
    }

    private static List<Figure> lusong(Expectations expect, JsonNode report) {
        String czj = find(report.path("units"), "unitId", "czj").path("name").asText();
        String units = "部门预算执行";
        List<Figure> list = new ArrayList<>();
        list.add(new Figure(units, czj, "全年预算数", wan(expect.text("unit czj full-year budget (万元)"))));
        list.add(new Figure(units, czj, "全年执行数", wan(expect.text("unit czj executed (万元)"))));
        list.add(new Figure(units, czj, "项目支出", wan(expect.text("unit czj project spending (万元)"))));
        list.add(new Figure(units, czj, "基本支出", wan(expect.text("unit czj basic spending (万元)"))));
        list.add(new Figure(units, czj, "执行率", expect.text("unit czj budget execution rate")));
        list.add(new Figure(units, czj, "项目年初预算", wan(expect.text("unit czj 2023 initial project budget (万元)"))));
        Matcher initial = Pattern.compile("([\\d.]+) = basic ([\\d.]+) \\+ project appropriations ([\\d.]+)")
                .matcher(expect.text("unit czj 2023 initial budget 年初预算数 (万元)"));
        assertThat(initial.matches()).isTrue();
        list.add(new Figure(units, czj, "年初预算数", wan(initial.group(1))));
        list.add(new Figure(units, czj, "基本支出年初预算", wan(initial.group(2))));
        // a disclosure finding (text against basic data table), not a figure of the report: LusongReportFoldTest
        assertThat(expect.text("consistency finding")).startsWith("staffing");
        return list;
    }

    private static List<Figure> lukou(Expectations expect, JsonNode report) {
        String date = report.path("performance").path("monitoring").path("checkpoint").path("date").asText();
        String table = "监控时点（" + date + "）执行进度";
        List<Figure> list = new ArrayList<>();
        for (String project : LUKOU_PROJECTS) {
            list.add(new Figure(table, project, "执行率", expect.text("execution rate to 2023-08-31, " + project)));
        }
        String progress = expect.text("time progress at 2023-08-31");
        list.add(new Figure(table, "gaj-pacs", "时间进度", progress.substring(0, progress.indexOf(' '))));
        assertThat(expect.text("monitoring deviation")).startsWith("gaj-pacs");
        List<String> candidates = Arrays.stream(expect.text("key-monitoring candidates by the default rule (budget ≥ 200 "
                + "万元, execution < 60% at 2023-08-31)").split(",")).map(String::trim).toList();
        for (String project : LUKOU_PROJECTS) {
            list.add(new Figure(table, project, "偏离", project.equals("gaj-pacs") ? "是" : "否"));
            list.add(new Figure(table, project, "财政重点监控候选", candidates.contains(project) ? "是" : "否"));
        }
        // findings and a refused appropriation, not figures of the report: LukouFindingsTest
        assertThat(expect.lines("disclosure findings")).hasSize(6);
        assertThat(expect.text("refused")).startsWith("mzj-lsjz");
        return list;
    }
}
