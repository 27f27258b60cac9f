package io.jixiao.disclosure.document;

import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReport.KeyEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.Subject;
import io.jixiao.disclosure.report.DistrictReport.Summary;
import io.jixiao.disclosure.report.ReportTable;
import io.jixiao.disclosure.report.ReportTables;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report laid out as the seeds lay it out: a title, sections numbered 一、二、三…, each with its sentences
 * and its tables numbered (一)(二)… and titled "表N …". Every document writer walks this one outline, so the
 * .docx, the .xlsx and the PDF show the same tables in the same order with the same cells.
 */
public record ReportOutline(String title, String meta, String footer, List<Section> sections) {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(io.jixiao.events.BureauTime.ZONE);
    private static final String[] SECTION_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String[] SUB_NUMBERS = {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）",
            "（八）", "（九）", "（十）", "（十一）", "（十二）",
            "（十三）", "（十四）"};

    /** A numbered section: its heading ("一、“三公”经费"), its sentences and its tables. */
    public record Section(String heading, List<String> sentences, List<NumberedTable> tables) {
    }

    /**
     * A table in its place: the sub-heading ("（一）“三公”经费"), the caption ("表1 “三公”经费") and whether its
     * money columns are in 万元 (the caption then says so).
     */
    public record NumberedTable(int number, String subHeading, String caption, ReportTable table) {
        public boolean inWan() {
            return table.columns().stream().anyMatch(c -> c.contains("万元"))
                    || table.id().equals("units") || table.id().equals("summary");
        }

        /** The caption with its unit: "表1 “三公”经费（单位：万元）". */
        public String captionWithUnit() {
            return inWan() ? caption + "（单位：万元）" : caption;
        }
    }

    private record Plan(String title, List<String> tableIds) {
    }

    private static final List<Plan> PLAN = List.of(
            new Plan("“三公”经费", List.of("three-public")),
            new Plan("税收返还和转移支付", List.of("transfers")),
            new Plan("地方政府债务", List.of("debt", "bonds")),
            new Plan("预算绩效管理", List.of("performance", "key-evaluation-types", "key-evaluations", "key-evaluation-subjects",
                    "self-evaluations", "self-evaluation-review", "spot-checks", "result-applications", "monitoring",
                    "checkpoint", "rectification-counts", "rectifications")),
            new Plan("部门预算执行", List.of("summary", "units")),
            new Plan("项目支出", List.of("project-categories", "projects")));

    public static ReportOutline of(DistrictReport r) {
        Map<String, ReportTable> tables = new LinkedHashMap<>();
        ReportTables.of(r).forEach(t -> tables.put(t.id(), t));
        tables.put("key-evaluation-subjects", keyEvaluationSubjects(r));
        tables.put("summary", summary(r));
        List<List<String>> sentences = List.of(r.narrative().threePublic(), r.narrative().transfers(),
                r.narrative().debt(), r.narrative().performance(), r.narrative().execution(), List.of());
        List<Section> sections = new ArrayList<>();
        int tableNumber = 0;
        for (int i = 0; i < PLAN.size(); i++) {
            Plan plan = PLAN.get(i);
            List<NumberedTable> numbered = new ArrayList<>();
            for (int j = 0; j < plan.tableIds().size(); j++) {
                ReportTable t = tables.get(plan.tableIds().get(j));
                tableNumber++;
                numbered.add(new NumberedTable(tableNumber, SUB_NUMBERS[j] + t.title(), "表" + tableNumber + " "
                        + t.title(), t));
            }
            sections.add(new Section(SECTION_NUMBERS[i] + "、" + plan.title(), sentences.get(i), numbered));
        }
        String title = r.districtName() + r.year() + "年度预算执行和绩效管理情况";
        String meta = "行政区划代码 " + r.districtCode() + " · 数据截至 " + TIME.format(r.asOf()) + "（北京时间） · 依据事件 "
                + r.provenance().eventsFolded() + " 条 · 规则版本 " + r.ruleVersion();
        String footer = "数据截至 " + TIME.format(r.asOf()) + " · 规则版本 " + r.ruleVersion();
        return new ReportOutline(title, meta, footer, sections);
    }

    /** The projects the year's key evaluations covered, with their budget execution (documents only). */
    static ReportTable keyEvaluationSubjects(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (KeyEvaluationLine k : r.performance().keyEvaluations().items()) {
            for (Subject s : k.subjects()) {
                rows.add(cells(k.evaluationId(), s.projectId(), s.name(), String.valueOf(s.fiscalYear()), s.budgetWan(),
                        s.spentWan(), s.executionRate()));
            }
        }
        return new ReportTable("key-evaluation-subjects", "重点评价项目预算执行", List.of("评价", "项目", "名称", "预算年度",
                "全年预算（万元）", "支出（万元）", "执行率"), rows);
    }

    /** The year's totals over units and projects, and 支出不实金额 (documents only). */
    static ReportTable summary(DistrictReport r) {
        Summary s = r.summary();
        return new ReportTable("summary", "预算执行总体情况", List.of("指标", "数值"), List.of(
                cells("全年预算数（万元）", s.budgetWan()), cells("全年执行数（万元）", s.spentWan()),
                cells("执行率", s.executionRate()), cells("支出不实金额（万元）", s.unsupportedSpendingWan())));
    }

    private static List<String> cells(String... values) {
        List<String> list = new ArrayList<>();
        for (String v : values) {
            list.add(v == null ? ReportTables.NONE : v);
        }
        return list;
    }

    /** Every table in order. */
    public List<NumberedTable> tables() {
        return sections.stream().flatMap(s -> s.tables().stream()).toList();
    }
}
