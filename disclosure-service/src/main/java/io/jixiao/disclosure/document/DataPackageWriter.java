package io.jixiao.disclosure.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jixiao.disclosure.report.DistrictLedger;
import io.jixiao.disclosure.report.DistrictLedger.Project;
import io.jixiao.disclosure.report.DistrictLedger.UnitYear;
import io.jixiao.disclosure.report.DistrictReport;
import io.jixiao.disclosure.report.DistrictReport.DebtLine;
import io.jixiao.disclosure.report.DistrictReport.GradeCount;
import io.jixiao.disclosure.report.DistrictReport.KeyEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.RectificationLine;
import io.jixiao.disclosure.report.DistrictReport.SelfEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.SpotCheckLine;
import io.jixiao.disclosure.report.DistrictReport.Subject;
import io.jixiao.disclosure.report.DistrictReport.ThreePublicLine;
import io.jixiao.disclosure.report.DistrictReport.TransferLine;
import io.jixiao.disclosure.report.ReportTables;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A district-year as open data: a Fiscal Data Package, i.e. a Frictionless Tabular Data Package
 * ({@code datapackage.json} with a Table Schema per resource) plus CSV resources, zipped with fixed entry times.
 * Budget lines carry their three phases (年初预算 initial → approved, 全年预算 adjusted, 执行 executed) in 元 to
 * the fen, straight from the ledger; the other resources carry the report's own 万元 figures.
 */
public final class DataPackageWriter {
    public static final String PROFILE = "tabular-data-package";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** A field of a Table Schema. */
    record Field(String name, String type, String title, String description) {
        Map<String, Object> descriptor() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("type", type);
            m.put("title", title);
            if (description != null) {
                m.put("description", description);
            }
            return m;
        }
    }

    /** A resource: its name, description, fields, primary key and rows (cells as their CSV text; "" is missing). */
    record Resource(String name, String title, List<Field> fields, List<String> primaryKey, List<List<String>> rows) {
    }

    private DataPackageWriter() {
    }

    /** The zip: datapackage.json first, then one CSV per resource. */
    public static byte[] write(DistrictReport report, DistrictLedger ledger) {
        List<Resource> resources = resources(report, ledger);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("datapackage.json", descriptor(report, resources).getBytes(StandardCharsets.UTF_8));
        for (Resource r : resources) {
            entries.put(r.name() + ".csv", csv(r).getBytes(StandardCharsets.UTF_8));
        }
        return DeterministicZip.write(entries, report.asOf());
    }

    static List<Resource> resources(DistrictReport r, DistrictLedger ledger) {
        return List.of(budgetLines(r, ledger), threePublic(r), transfers(r), debt(r), evaluations(r), grades(r),
                selfEvaluationReview(r), rectifications(r));
    }

    // ------------------------------------------------------------------ resources

    static Resource budgetLines(DistrictReport r, DistrictLedger ledger) {
        List<List<String>> rows = new ArrayList<>();
        List<UnitYear> unitYears = new ArrayList<>(ledger.unitYears(r.year()));
        unitYears.sort(Comparator.comparing(UnitYear::unitId));
        for (UnitYear uy : unitYears) {
            rows.add(List.of(uy.unitId() + "/basic", String.valueOf(r.year()), uy.unitId(), ledger.unitName(uy.unitId()),
                    "基本支出", "", "", "", yuan(uy.basicAppropriated()), yuan(uy.basicBudget()), yuan(uy.basicSpent())));
        }
        List<Project> projects = new ArrayList<>(ledger.projectsOf(r.year()));
        projects.sort(Comparator.comparing((Project p) -> p.unitId() == null ? "" : p.unitId())
                .thenComparing(Project::projectId));
        for (Project p : projects) {
            var reg = p.registration().orElseThrow();
            String unit = p.unitId() == null ? "" : p.unitId();
            rows.add(List.of(p.projectId(), String.valueOf(reg.fiscalYear()), unit,
                    p.unitId() == null ? "" : ledger.unitName(p.unitId()), "项目支出", p.projectId(), reg.name(),
                    reg.category() == null ? "未分类" : reg.category().label(), yuan(p.appropriated()),
                    yuan(p.budget()), yuan(p.spent())));
        }
        return new Resource("budget-lines", "预算执行（基本支出、项目支出）", List.of(
                new Field("line_id", "string", "预算行", "unit id + \"/basic\" for a unit's basic budget, or a project id"),
                new Field("fiscal_year", "integer", "预算年度", null),
                new Field("unit_id", "string", "单位代码", null),
                new Field("unit_name", "string", "单位名称", null),
                new Field("line_type", "string", "支出类型", "基本支出 or 项目支出"),
                new Field("project_id", "string", "项目代码", null),
                new Field("project_name", "string", "项目名称", null),
                new Field("category", "string", "项目类别", null),
                new Field("initial", "number", "年初预算数（元）", "phase approved: the budget as first appropriated, 元"),
                new Field("adjusted", "number", "全年预算数（元）", "phase adjusted: with adjustments and carry-over, 元"),
                new Field("executed", "number", "全年执行数（元）", "phase executed: spending recorded, 元")),
                List.of("line_id"), rows);
    }

    static Resource threePublic(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (ThreePublicLine l : r.threePublic().lines()) {
            rows.add(List.of(l.id(), l.category(), String.valueOf(l.subLine()), l.budgetWan(), l.spentWan(),
                    l.savedWan(), opt(l.lastYearWan())));
        }
        return new Resource("three-public", "“三公”经费", List.of(
                new Field("line_id", "string", "项目代码", "overseas, vehicles, vehiclePurchase, vehicleOperation, reception"),
                new Field("category", "string", "项目", null),
                new Field("sub_line", "boolean", "其中项", "true: part of vehicles, not added to the total again"),
                new Field("budget_wan", "number", "预算数（万元）", null),
                new Field("spent_wan", "number", "支出数（万元）", null),
                new Field("saved_wan", "number", "节约额（万元）", null),
                new Field("last_year_wan", "number", "上年支出数（万元）", null)), List.of("line_id"), rows);
    }

    static Resource transfers(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (TransferLine l : r.transfers().lines()) {
            rows.add(List.of(l.kind(), l.amountWan(), opt(l.lastYearWan())));
        }
        return new Resource("transfers", "税收返还和转移支付", List.of(
                new Field("kind", "string", "类别", null),
                new Field("amount_wan", "number", "本年（万元）", null),
                new Field("last_year_wan", "number", "上年（万元）", null)), List.of("kind"), rows);
    }

    static Resource debt(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (DebtLine l : r.debt().byType()) {
            rows.add(List.of(l.type(), l.label(), l.openingWan(), l.newBondsWan(), l.refinancingWan(),
                    l.principalRepaidWan(), l.interestWan(), l.balanceWan(), opt(l.limitWan())));
        }
        return new Resource("debt", "地方政府债务", List.of(
                new Field("debt_type", "string", "债务类型", "GENERAL or SPECIAL"),
                new Field("label", "string", "类别", null),
                new Field("opening_wan", "number", "年初余额（万元）", null),
                new Field("new_bonds_wan", "number", "新增债券（万元）", null),
                new Field("refinancing_wan", "number", "再融资债券（万元）", null),
                new Field("principal_repaid_wan", "number", "偿还本金（万元）", null),
                new Field("interest_wan", "number", "付息支出（万元）", null),
                new Field("balance_wan", "number", "年末余额（万元）", "opening + new + refinancing − principal"),
                new Field("limit_wan", "number", "债务限额（万元）", null)), List.of("debt_type"), rows);
    }

    static Resource evaluations(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, SpotCheckLine> spotChecks = new LinkedHashMap<>();
        r.performance().selfEvaluations().spotChecks().forEach(c -> spotChecks.put(c.evaluationId(), c));
        for (SelfEvaluationLine s : r.performance().selfEvaluations().items()) {
            SpotCheckLine check = spotChecks.get(s.evaluationId());
            rows.add(List.of(s.evaluationId(), "自评", "", opt(s.unitId()), opt(s.projectId()), "", opt(s.totalScore()),
                    opt(s.grade()), opt(s.ruleVersion()), opt(s.reviewStatus()), opt(s.acceptedScore()),
                    opt(s.acceptedGrade()), check == null ? "" : opt(check.financeScore()),
                    check == null ? "" : opt(check.difference())));
        }
        for (KeyEvaluationLine k : r.performance().keyEvaluations().items()) {
            String subjects = k.subjects().isEmpty() ? "" : k.subjects().stream().map(Subject::projectId)
                    .collect(Collectors.joining(" "));
            rows.add(List.of(k.evaluationId(), "重点评价", opt(k.type()), opt(k.subjectUnitId()), subjects,
                    opt(k.amountWan()), opt(k.score()), opt(k.grade()), opt(k.ruleVersion()), "", "", "", "", ""));
        }
        return new Resource("evaluations", "绩效评价（自评与重点评价）", List.of(
                new Field("evaluation_id", "string", "评价", null),
                new Field("kind", "string", "评价方式", "自评 or 重点评价"),
                new Field("evaluation_type", "string", "重点评价类型", null),
                new Field("unit_id", "string", "单位代码", null),
                new Field("project_ids", "string", "项目代码", "space-separated"),
                new Field("amount_wan", "number", "涉及资金（万元）", null),
                new Field("score", "number", "得分", null),
                new Field("grade", "string", "等级", null),
                new Field("rule_version", "string", "规则版本", null),
                new Field("review_status", "string", "审核状态", "自评: 待审核, 已退回, 已采纳 or 已抽查"),
                new Field("accepted_score", "number", "采纳得分", "自评 accepted by FINANCE: the score that grades it"),
                new Field("accepted_grade", "string", "采纳等级", null),
                new Field("finance_score", "number", "财政抽查评分", "自评 spot-checked by FINANCE"),
                new Field("score_difference", "number", "抽查相差（分）", "财政抽查评分 − the unit's accepted score")),
                List.of("evaluation_id"), rows);
    }

    /** The report's 自评审核 table: FINANCE's review of the year's self-evaluations, counted. */
    static Resource selfEvaluationReview(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : ReportTables.byId(r, "self-evaluation-review").orElseThrow().rows()) {
            rows.add(List.of(row.get(0), opt(row.get(1))));
        }
        return new Resource("self-evaluation-review", "自评审核", List.of(
                new Field("measure", "string", "指标", null),
                new Field("value", "number", "数值", "counts of self-evaluations (份) or returns and resubmissions (次); "
                        + "spot-check score differences (分), absolute")), List.of("measure"), rows);
    }

    /** The report's 整改情况 table: each rectification item of the year with its dates and actors. */
    static Resource rectifications(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (RectificationLine l : r.performance().rectifications().items()) {
            rows.add(List.of(l.rectificationId(), opt(l.sourceKind()), opt(l.sourceReference()), opt(l.ownerUnitId()),
                    opt(l.measures()), text(l.deadline()), opt(l.status()), text(l.overdueSince()), text(l.doneOn()),
                    String.valueOf(l.late()), text(l.signedOn()), String.valueOf(l.returns()), opt(l.openedBy()),
                    opt(l.completedBy()), opt(l.signedOffBy())));
        }
        return new Resource("rectifications", "整改情况", List.of(
                new Field("rectification_id", "string", "整改事项", null),
                new Field("source_kind", "string", "问题来源", "重点评价发现问题, 监控偏差 or 公开检查问题"),
                new Field("source_reference", "string", "来源", "key evaluation#finding index, goal#deviation, or the "
                        + "disclosure finding's id"),
                new Field("owner_unit_id", "string", "责任单位", null),
                new Field("measures", "string", "整改措施", null),
                new Field("deadline", "date", "整改期限", "a day of the bureau's calendar (Asia/Shanghai)"),
                new Field("status", "string", "状态", "待整改, 整改中, 逾期, 已完成 or 已销号, as of the package's instant"),
                new Field("overdue_since", "datetime", "逾期时间", "the instant the deadline passed, recorded by "
                        + "RectificationOverdue"),
                new Field("done_on", "date", "完成日期", "the day the owner unit reported it done"),
                new Field("late", "boolean", "逾期完成", "true: done after the deadline or after it was overdue"),
                new Field("signed_on", "date", "销号日期", null),
                new Field("returns", "integer", "退回（次）", null),
                new Field("opened_by", "string", "开立人", "subject id of who opened it"),
                new Field("completed_by", "string", "完成报告人", "subject id of who reported it done"),
                new Field("signed_off_by", "string", "销号人", "subject id of who signed it off")),
                List.of("rectification_id"), rows);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static Resource grades(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (GradeCount g : r.performance().selfEvaluations().grades()) {
            rows.add(List.of("自评", g.grade(), String.valueOf(g.count())));
        }
        for (GradeCount g : r.performance().keyEvaluations().grades()) {
            rows.add(List.of("重点评价", g.grade(), String.valueOf(g.count())));
        }
        return new Resource("grades", "评价等级分布", List.of(
                new Field("kind", "string", "评价方式", null),
                new Field("grade", "string", "等级", null),
                new Field("count", "integer", "个数", null)), List.of("kind", "grade"), rows);
    }

    // ------------------------------------------------------------------ descriptor and CSV

    static String descriptor(DistrictReport r, List<Resource> resources) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("profile", PROFILE);
        d.put("name", "jixiao-" + r.districtCode() + "-" + r.year());
        d.put("title", r.districtName() + r.year() + "年度预算执行和绩效管理数据");
        d.put("description", "Fiscal Data Package of a district-year, folded from the journal of events as of asOf "
                + "under ruleVersion. Budget lines in 元 (CNY, to the fen); other amounts in 万元 (factor 10000).");
        d.put("version", "1.0.0");
        d.put("created", r.asOf().toString());
        d.put("keywords", List.of("fiscal", "budget", "performance", r.districtCode(), String.valueOf(r.year())));
        d.put("asOf", r.asOf().toString());
        d.put("ruleVersion", r.ruleVersion());
        d.put("countryCode", "CN");
        d.put("model", model());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Resource res : resources) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", res.name());
            m.put("title", res.title());
            m.put("path", res.name() + ".csv");
            m.put("profile", "tabular-data-resource");
            m.put("format", "csv");
            m.put("mediatype", "text/csv");
            m.put("encoding", "utf-8");
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("fields", res.fields().stream().map(Field::descriptor).toList());
            schema.put("primaryKey", res.primaryKey());
            schema.put("missingValues", List.of(""));
            m.put("schema", schema);
            list.add(m);
        }
        d.put("resources", list);
        try {
            return JSON.writeValueAsString(d) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fiscal model of the budget lines: three measures by phase, dimensions by unit, project and year. */
    private static Map<String, Object> model() {
        Map<String, Object> measures = new LinkedHashMap<>();
        measures.put("initial", Map.of("source", "initial", "currency", "CNY", "factor", 1, "phase", "approved",
                "resource", "budget-lines"));
        measures.put("adjusted", Map.of("source", "adjusted", "currency", "CNY", "factor", 1, "phase", "adjusted",
                "resource", "budget-lines"));
        measures.put("executed", Map.of("source", "executed", "currency", "CNY", "factor", 1, "phase", "executed",
                "resource", "budget-lines"));
        Map<String, Object> dimensions = new LinkedHashMap<>();
        dimensions.put("unit", Map.of("attributes", Map.of("code", Map.of("source", "unit_id"),
                "label", Map.of("source", "unit_name")), "primaryKey", "code", "dimensionType", "administrative-classification"));
        dimensions.put("line", Map.of("attributes", Map.of("code", Map.of("source", "line_id"),
                "type", Map.of("source", "line_type"), "project", Map.of("source", "project_name"),
                "category", Map.of("source", "category")), "primaryKey", "code", "dimensionType", "activity"));
        dimensions.put("date", Map.of("attributes", Map.of("year", Map.of("source", "fiscal_year")),
                "primaryKey", "year", "dimensionType", "datetime"));
        return new LinkedHashMap<>(Map.of("measures", measures, "dimensions", dimensions));
    }

    static String csv(Resource r) {
        StringBuilder out = new StringBuilder();
        line(out, r.fields().stream().map(Field::name).toList());
        for (List<String> row : r.rows()) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = cells.get(i) == null ? "" : cells.get(i);
            boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
            out.append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        out.append("\r\n");
    }

    /** Fen as 元 with two decimals, exact. */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String opt(String value) {
        return value == null || value.equals("—") ? "" : value;
    }
}
