package io.jixiao.disclosure.report;

import io.jixiao.disclosure.report.DistrictReport.Bond;
import io.jixiao.disclosure.report.DistrictReport.CategoryLine;
import io.jixiao.disclosure.report.DistrictReport.CheckpointLine;
import io.jixiao.disclosure.report.DistrictReport.DebtLine;
import io.jixiao.disclosure.report.DistrictReport.KeyEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.MonitoringLine;
import io.jixiao.disclosure.report.DistrictReport.Performance;
import io.jixiao.disclosure.report.DistrictReport.ProjectLine;
import io.jixiao.disclosure.report.DistrictReport.RectificationLine;
import io.jixiao.disclosure.report.DistrictReport.ResultApplicationLine;
import io.jixiao.disclosure.report.DistrictReport.ReversalLine;
import io.jixiao.disclosure.report.DistrictReport.SelfEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.SpotCheckLine;
import io.jixiao.disclosure.report.DistrictReport.Subject;
import io.jixiao.disclosure.report.DistrictReport.ThreePublicLine;
import io.jixiao.disclosure.report.DistrictReport.TransferLine;
import io.jixiao.disclosure.report.DistrictReport.TypeCount;
import io.jixiao.disclosure.report.DistrictReport.UnitLine;
import io.jixiao.events.BureauTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report's tables, built from the {@link DistrictReport}'s own strings (never recomputed), so HTML, CSV and
 * JSON carry the same numbers. An absent figure is shown as "—".
 */
public final class ReportTables {
    public static final String NONE = "—";
    /** The table ids, in the order of the report (also the {@code table} values the CSV format accepts). */
    public static final List<String> IDS = List.of("three-public", "transfers", "debt", "bonds", "performance",
            "key-evaluation-types", "key-evaluations", "self-evaluations", "self-evaluation-review", "spot-checks",
            "result-applications", "monitoring", "checkpoint", "rectification-counts", "rectifications", "units",
            "project-categories", "projects", "reversals");

    private ReportTables() {
    }

    public static List<ReportTable> of(DistrictReport r) {
        return List.of(threePublic(r), transfers(r), debt(r), bonds(r), performance(r), keyEvaluationTypes(r),
                keyEvaluations(r), selfEvaluations(r), selfEvaluationReview(r), spotChecks(r), resultApplications(r),
                monitoring(r), checkpoint(r), rectificationCounts(r), rectifications(r), units(r), projectCategories(r),
                projects(r), reversals(r));
    }

    public static Optional<ReportTable> byId(DistrictReport r, String id) {
        return of(r).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private static String v(Object value) {
        return value == null ? NONE : value.toString();
    }

    /**
     * The day of an instant on the bureau's calendar (Asia/Shanghai). An item becomes overdue when its deadline day
     * ends there, so this is the first day it is overdue; the JSON and the data package keep the instant itself.
     */
    private static String bureauDay(Instant instant) {
        return instant == null ? NONE : instant.atZone(BureauTime.ZONE).toLocalDate().toString();
    }

    private static List<String> row(Object... cells) {
        return Arrays.stream(cells).map(ReportTables::v).toList();
    }

    private static String change(Change c, Function<Change, String> f) {
        return c == null ? NONE : v(f.apply(c));
    }

    // ------------------------------------------------------------------ money

    static ReportTable threePublic(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        List<ThreePublicLine> lines = new ArrayList<>(r.threePublic().lines());
        lines.add(r.threePublic().total());
        for (ThreePublicLine l : lines) {
            rows.add(row((l.subLine() ? "其中：" : "") + l.category(), l.budgetWan(), l.spentWan(), l.savedWan(),
                    l.vsBudget().amountWord(), change(l.vsBudget(), Change::signedPercent), l.lastYearWan(),
                    change(l.vsLastYear(), Change::signedWan), change(l.vsLastYear(), Change::signedPercent),
                    change(l.vsLastYear(), Change::amountWord)));
        }
        return new ReportTable("three-public", "“三公”经费", List.of("项目", "预算数（万元）", "支出数（万元）",
                "节约额（万元）", "较预算", "较预算增减率", "上年支出数（万元）", "较上年增减额（万元）", "较上年增减率", "较上年"),
                rows);
    }

    static ReportTable transfers(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        List<TransferLine> lines = new ArrayList<>(r.transfers().lines());
        lines.add(r.transfers().total());
        for (TransferLine l : lines) {
            rows.add(row(l.kind(), l.amountWan(), l.lastYearWan(), change(l.vsLastYear(), Change::signedWan),
                    change(l.vsLastYear(), Change::signedPercent), change(l.vsLastYear(), Change::amountWord)));
        }
        return new ReportTable("transfers", "税收返还和转移支付", List.of("类别", "本年（万元）", "上年（万元）",
                "增减额（万元）", "增减率", "较上年"), rows);
    }

    static ReportTable debt(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        List<DebtLine> lines = new ArrayList<>(r.debt().byType());
        lines.add(r.debt().total());
        for (DebtLine l : lines) {
            rows.add(row(l.label(), l.openingWan(), l.newBondsWan(), l.refinancingWan(), l.principalRepaidWan(),
                    l.interestWan(), l.balanceWan(), l.limitWan(), l.headroomWan()));
        }
        return new ReportTable("debt", "地方政府债务", List.of("类别", "年初余额（万元）", "新增债券（万元）",
                "再融资债券（万元）", "偿还本金（万元）", "付息支出（万元）", "年末余额（万元）", "债务限额（万元）",
                "限额空间（万元）"), rows);
    }

    static ReportTable bonds(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (Bond b : r.debt().bonds()) {
            rows.add(row(b.bondId(), "GENERAL".equals(b.type()) ? "一般债券" : "专项债券",
                    "REFINANCING".equals(b.kind()) ? "再融资" : "新增", b.amountWan(),
                    b.termYears().isEmpty() ? null : b.termYears().stream().map(String::valueOf)
                            .collect(Collectors.joining("、")), b.purpose()));
        }
        return new ReportTable("bonds", "债券发行", List.of("债券", "类型", "种类", "金额（万元）", "期限（年）", "用途"),
                rows);
    }

    // ------------------------------------------------------------------ performance

    static ReportTable performance(DistrictReport r) {
        Performance p = r.performance();
        var g = p.goals();
        var s = p.selfEvaluations();
        var k = p.keyEvaluations();
        var a = p.resultApplications();
        var m = p.monitoring();
        List<List<String>> rows = List.of(
                row("绩效目标", "申报", g.declared()),
                row("绩效目标", "审核通过", g.approved()),
                row("绩效目标", "退回", g.returned()),
                row("绩效目标", "公开", g.published()),
                row("同步", "预算项目", g.budgetedProjects()),
                row("同步", "已批复绩效目标的预算项目", g.budgetedWithApprovedGoal()),
                row("同步", "同步率", g.syncRate()),
                row("同步", "已公开绩效目标的预算项目", g.budgetedWithPublishedGoal()),
                row("同步", "公开率", g.publishedRate()),
                row("绩效自评", "已批复绩效目标", s.approvedGoals()),
                row("绩效自评", "完成自评", s.submitted()),
                row("绩效自评", "自评覆盖率", s.coverage()),
                row("重点评价", "评价个数", k.count()),
                row("重点评价", "涉及项目", k.projectsCovered()),
                row("重点评价", "涉及资金（万元）", k.amountWan()),
                row("重点评价", "已完成", k.completed()),
                row("结果应用", "应用项数", a.count()),
                row("结果应用", "预算调整（万元）", a.budgetChangeWan()),
                row("结果应用", "预算调减（万元）", a.reductionWan()),
                row("绩效监控", "监控项目", m.projectsMonitored()),
                row("绩效监控", "财政重点监控项目", m.financeKey()),
                row("绩效监控", "单位自行监控项目", m.self()),
                row("绩效监控", "发现偏离", m.deviationsRaised()),
                row("绩效监控", "已纠偏", m.deviationsCorrected()));
        List<List<String>> all = new ArrayList<>(rows);
        s.grades().forEach(x -> all.add(row("绩效自评", "等级" + x.grade(), x.count())));
        k.grades().forEach(x -> all.add(row("重点评价", "等级" + x.grade(), x.count())));
        a.measures().forEach(x -> all.add(row("结果应用", x.measure(), x.count())));
        m.decisions().kinds().forEach(x -> all.add(row("监控结果处理", x.kind(), x.count())));
        if (m.decisions().count() > 0) {
            all.add(row("监控结果处理", "预算调整（万元）", m.decisions().budgetChangeWan()));
        }
        return new ReportTable("performance", "预算绩效管理概况", List.of("方面", "指标", "数值"), all);
    }

    static ReportTable keyEvaluationTypes(DistrictReport r) {
        var k = r.performance().keyEvaluations();
        List<List<String>> rows = new ArrayList<>();
        for (TypeCount t : k.types()) {
            rows.add(row(t.type(), t.count(), t.projectCount(), t.amountWan()));
        }
        rows.add(row("合计", k.count(), k.projectsCovered(), k.amountWan()));
        return new ReportTable("key-evaluation-types", "重点绩效评价类型", List.of("类型", "评价个数", "涉及项目",
                "涉及资金（万元）"), rows);
    }

    static ReportTable keyEvaluations(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (KeyEvaluationLine k : r.performance().keyEvaluations().items()) {
            String subjects = k.subjects().isEmpty() ? k.subjectUnitId()
                    : k.subjects().stream().map(Subject::projectId).collect(Collectors.joining("、"));
            rows.add(row(k.evaluationId(), k.type(), subjects, k.subjectYear(), k.projectCount(), k.amountWan(),
                    k.score(), k.grade()));
        }
        return new ReportTable("key-evaluations", "重点绩效评价", List.of("评价", "类型", "评价对象", "评价年度", "项目数",
                "金额（万元）", "得分", "等级"), rows);
    }

    static ReportTable selfEvaluations(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (SelfEvaluationLine s : r.performance().selfEvaluations().items()) {
            rows.add(row(s.evaluationId(), s.goalId(), s.unitId(), s.projectId(), s.executionRate(), s.totalScore(),
                    s.grade(), s.reviewStatus(), s.acceptedScore(), s.acceptedGrade()));
        }
        return new ReportTable("self-evaluations", "绩效自评", List.of("自评", "绩效目标", "单位", "项目", "预算执行率",
                "得分", "等级", "审核状态", "采纳得分", "采纳等级"), rows);
    }

    /** FINANCE's review of the year's self-evaluations (自评审核), counted. */
    static ReportTable selfEvaluationReview(DistrictReport r) {
        var s = r.performance().selfEvaluations();
        return new ReportTable("self-evaluation-review", "自评审核", List.of("指标", "数值"), List.of(
                row("提交自评（份）", s.submitted()),
                row("重新提交（次）", s.resubmissions()),
                row("退回（份）", s.returned()),
                row("退回（次）", s.returns()),
                row("采纳（份）", s.accepted()),
                row("待审核（份）", s.awaitingReview()),
                row("抽查（份）", s.spotChecked()),
                row("抽查评分最大相差（分）", s.largestDifference()),
                row("抽查评分平均相差（分）", s.meanDifference())));
    }

    /** Each spot-check of the year: the unit's accepted score, FINANCE's score and the difference. */
    static ReportTable spotChecks(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (SpotCheckLine c : r.performance().selfEvaluations().spotChecks()) {
            rows.add(row(c.evaluationId(), c.unitId(), c.projectId(), c.unitScore(), c.financeScore(), c.difference()));
        }
        return new ReportTable("spot-checks", "自评抽查", List.of("自评", "单位", "项目", "单位自评分", "财政评分",
                "相差（分）"), rows);
    }

    static ReportTable resultApplications(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (ResultApplicationLine a : r.performance().resultApplications().items()) {
            rows.add(row(a.evaluationId(), a.projectId(), a.grade(), a.measure(), a.targetFiscalYear(),
                    a.budgetChangeWan(), a.adjustedWan()));
        }
        return new ReportTable("result-applications", "评价结果应用", List.of("评价", "项目", "等级", "措施", "预算年度",
                "预算调整（万元）", "已调整（万元）"), rows);
    }

    static ReportTable monitoring(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (MonitoringLine m : r.performance().monitoring().items()) {
            rows.add(row(m.observationId(), m.projectId(), "FINANCE_KEY".equals(m.mode()) ? "财政重点监控" : "单位自行监控",
                    m.periodFrom() + "至" + m.periodTo(), m.executionRate(), m.timeProgress(), m.deviation() ? "是" : "否",
                    m.corrected() ? "是" : "否"));
        }
        return new ReportTable("monitoring", "绩效运行监控", List.of("监控", "项目", "方式", "期间", "执行率", "时间进度",
                "偏离", "已纠偏"), rows);
    }

    static ReportTable checkpoint(DistrictReport r) {
        var cp = r.performance().monitoring().checkpoint();
        List<List<String>> rows = new ArrayList<>();
        for (CheckpointLine c : cp.projects()) {
            rows.add(row(c.projectId(), c.budgetWan(), c.spentToDateWan(), c.executionRate(), cp.timeProgress(),
                    c.trailingPoints(), c.behind() ? "是" : "否",
                    cp.keyMonitoringCandidates().contains(c.projectId()) ? "是" : "否"));
        }
        return new ReportTable("checkpoint", "监控时点（" + cp.date() + "）执行进度", List.of("项目", "全年预算（万元）",
                "截至时点支出（万元）", "执行率", "时间进度", "落后时间进度（百分点）", "偏离", "财政重点监控候选"), rows);
    }

    /** 整改 of the items listed in the year's report, counted as of the report's instant. */
    static ReportTable rectificationCounts(DistrictReport r) {
        var c = r.performance().rectifications();
        return new ReportTable("rectification-counts", "整改统计", List.of("指标", "数值"), List.of(
                row("整改事项（个）", c.opened()),
                row("待整改（个）", c.open()),
                row("整改中（个）", c.inProgress()),
                row("已完成（个）", c.done()),
                row("已销号（个）", c.signedOff()),
                row("逾期（个）", c.overdueNow()),
                row("逾期完成（个）", c.doneLate()),
                row("退回（个）", c.returned()),
                row("退回（次）", c.returns())));
    }

    /** Each rectification item of the year: source, owner unit, measures, deadline, status, dates and actors. */
    static ReportTable rectifications(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (RectificationLine l : r.performance().rectifications().items()) {
            rows.add(row(l.rectificationId(), l.sourceKind(), l.sourceReference(), l.ownerUnitId(), l.measures(),
                    l.deadline(), l.status(), bureauDay(l.overdueSince()), l.doneOn(), l.late() ? "是" : "否", l.signedOn(),
                    l.openedBy(), l.completedBy(), l.signedOffBy()));
        }
        return new ReportTable("rectifications", "整改情况", List.of("整改事项", "问题来源", "来源", "责任单位", "整改措施",
                "整改期限", "状态", "逾期起始日", "完成日期", "逾期完成", "销号日期", "开立人", "完成报告人", "销号人"), rows);
    }

    /** 红字冲销 of the year's projects: each reversal beside the entry it reverses, and who recorded it. */
    static ReportTable reversals(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (ReversalLine l : r.projects().reversals()) {
            rows.add(row(l.projectId(), l.unitId(), l.kind(), l.originalSequence(), l.amount(), l.date(), l.reason(),
                    l.reversedBy()));
        }
        return new ReportTable("reversals", "红字冲销", List.of("项目", "单位", "冲销事项", "原记录序号", "金额（元）",
                "冲销日期", "冲销原因", "冲销人"), rows);
    }

    // ------------------------------------------------------------------ execution

    static ReportTable units(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (UnitLine u : r.units()) {
            rows.add(row(u.name(), u.basicInitialWan(), u.basicAdjustedWan(), u.basicBudgetWan(), u.personnelSpentWan(),
                    u.publicSpentWan(), u.basicSpentWan(), u.projectInitialWan(), u.projectCarriedOverWan(),
                    u.projectAdjustedWan(), u.projectBudgetWan(), u.projectSpentWan(), u.initialBudgetWan(),
                    u.fullYearBudgetWan(), u.executedWan(), u.executionRate()));
        }
        return new ReportTable("units", "部门预算执行", List.of("单位", "基本支出年初预算", "基本支出调整",
                "基本支出全年预算", "人员经费", "公用经费", "基本支出", "项目年初预算", "项目结转", "项目调整",
                "项目全年预算", "项目支出", "年初预算数", "全年预算数", "全年执行数", "执行率"), rows);
    }

    static ReportTable projectCategories(DistrictReport r) {
        var p = r.projects();
        List<List<String>> rows = new ArrayList<>();
        for (CategoryLine c : p.byCategory()) {
            rows.add(row(c.category(), c.count(), c.projectCount(), c.budgetWan(), c.spentWan(), c.executionRate()));
        }
        rows.add(row("合计", p.count(), p.projectCount(), p.budgetWan(), p.spentWan(), p.executionRate()));
        return new ReportTable("project-categories", "项目支出（按类别）", List.of("类别", "记录数", "项目数",
                "全年预算（万元）", "支出（万元）", "执行率"), rows);
    }

    static ReportTable projects(DistrictReport r) {
        List<List<String>> rows = new ArrayList<>();
        for (ProjectLine p : r.projects().items()) {
            rows.add(row(p.projectId(), p.unitId(), p.name(), p.category(), p.projectCount(), p.initialWan(),
                    p.carriedOverWan(), p.adjustedWan(), p.budgetWan(), p.spentWan(), p.executionRate(), p.goalId(),
                    p.goalStatus()));
        }
        return new ReportTable("projects", "项目支出", List.of("项目", "单位", "名称", "类别", "项目数", "年初预算（万元）",
                "结转（万元）", "调整（万元）", "全年预算（万元）", "支出（万元）", "执行率", "绩效目标", "目标状态"), rows);
    }
}
