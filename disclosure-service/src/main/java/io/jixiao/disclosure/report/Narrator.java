package io.jixiao.disclosure.report;

import io.jixiao.disclosure.report.DistrictReport.Debt;
import io.jixiao.disclosure.report.DistrictReport.DebtLine;
import io.jixiao.disclosure.report.DistrictReport.GradeCount;
import io.jixiao.disclosure.report.DistrictReport.Narrative;
import io.jixiao.disclosure.report.DistrictReport.Performance;
import io.jixiao.disclosure.report.DistrictReport.ThreePublic;
import io.jixiao.disclosure.report.DistrictReport.ThreePublicLine;
import io.jixiao.disclosure.report.DistrictReport.TransferLine;
import io.jixiao.disclosure.report.DistrictReport.Transfers;
import io.jixiao.disclosure.report.DistrictReport.UnitLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Short sentences in the manner of the published district reports (e.g. 荷塘区 2022: “三公”经费支出合计122万元，比全年预算数154万元节约32万元),
 * written from the report's own figures so that a sentence can never say another number than its table.
 */
final class Narrator {
    private static final Map<String, String> THREE_PUBLIC_NAMES = Map.of("overseas", "因公出国（境）费",
            "vehicles", "公务用车购置及运行维护费", "reception", "公务接待费");
    private static final Map<String, String> TRANSFER_NAMES = Map.of("返还性", "税收返还", "一般性", "一般性转移支付",
            "专项", "专项转移支付");

    private Narrator() {
    }

    static Narrative narrate(int year, ThreePublic threePublic, Transfers transfers, Debt debt, List<UnitLine> units,
                             Performance performance) {
        return new Narrative(threePublic(year, threePublic), transfers(year, transfers), debt(year, debt),
                performance(year, performance), execution(year, units));
    }

    /** "122.00" → "122", "9186.16" → "9186.16", "721.50" → "721.5" (the published reports' way; scores too). */
    static String spoken(String wan) {
        BigDecimal value = new BigDecimal(wan);
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    // ------------------------------------------------------------------ 三公经费

    static List<String> threePublic(int year, ThreePublic tp) {
        if (!tp.recorded()) {
            return List.of(year + "年未记录“三公”经费预算和支出。");
        }
        List<String> sentences = new ArrayList<>();
        ThreePublicLine total = tp.total();
        sentences.add(year + "年“三公”经费支出" + spoken(total.spentWan()) + "万元，" + againstBudget(total) + "。");
        List<String> parts = new ArrayList<>();
        for (String id : List.of("vehicles", "reception", "overseas")) {  // the published reports' order
            ThreePublicLine line = tp.lines().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
            String name = THREE_PUBLIC_NAMES.get(id);
            boolean nothing = new BigDecimal(line.spentWan()).signum() == 0
                    && new BigDecimal(line.budgetWan()).signum() == 0;
            parts.add(name + spoken(line.spentWan()) + "万元" + (nothing ? "" : "，" + againstBudget(line)));
        }
        sentences.add("其中" + String.join("；", parts) + "。");
        if (total.vsLastYear() != null) {
            sentences.add("“三公”经费支出" + againstLastYear(total.lastYearWan(), total.vsLastYear()) + "。");
        }
        return sentences;
    }

    private static String againstBudget(ThreePublicLine line) {
        Change c = line.vsBudget();
        String budget = spoken(line.budgetWan());
        if (c.flat()) {
            return "与预算" + budget + "万元持平";
        }
        return "比预算" + budget + "万元" + c.amountWord() + spoken(c.amountWan()) + "万元"
                + (c.percent() == null ? "" : "，" + c.percentWord() + c.percent());
    }

    private static String againstLastYear(String lastWan, Change c) {
        if (c.flat()) {
            return "与上年" + spoken(lastWan) + "万元持平";
        }
        return "比上年" + spoken(lastWan) + "万元" + c.amountWord() + spoken(c.amountWan()) + "万元"
                + (c.percent() == null ? "" : "，" + c.percentWord() + c.percent());
    }

    // ------------------------------------------------------------------ 转移支付

    static List<String> transfers(int year, Transfers transfers) {
        List<String> parts = new ArrayList<>();
        for (TransferLine line : transfers.lines()) {
            boolean none = new BigDecimal(line.amountWan()).signum() == 0;
            boolean lastNone = line.lastYearWan() == null || new BigDecimal(line.lastYearWan()).signum() == 0;
            if (none && lastNone) {
                continue;
            }
            String name = TRANSFER_NAMES.getOrDefault(line.kind(), line.kind());
            parts.add(name + spoken(line.amountWan()) + "万元"
                    + (line.vsLastYear() == null ? "" : "，" + againstLastYear(line.lastYearWan(), line.vsLastYear())));
        }
        if (!transfers.recorded() || parts.isEmpty()) {
            return List.of(year + "年未记录税收返还和转移支付。");
        }
        return List.of(year + "年" + String.join("；", parts) + "。");
    }

    // ------------------------------------------------------------------ 债务

    static List<String> debt(int year, Debt debt) {
        if (!debt.recorded()) {
            return List.of(year + "年未记录政府债务。");
        }
        DebtLine general = debt.byType().get(0);
        DebtLine special = debt.byType().get(1);
        DebtLine total = debt.total();
        List<String> sentences = new ArrayList<>();
        sentences.add("截至" + year + "年底，政府债务总规模为" + spoken(total.balanceWan()) + "万元，其中：一般债务"
                + spoken(general.balanceWan()) + "万元，专项债务" + spoken(special.balanceWan()) + "万元。");
        List<String> issued = new ArrayList<>();
        if (new BigDecimal(general.newBondsWan()).signum() != 0) {
            issued.add("新增一般债券" + spoken(general.newBondsWan()) + "万元");
        }
        if (new BigDecimal(special.newBondsWan()).signum() != 0) {
            issued.add("新增专项债券" + spoken(special.newBondsWan()) + "万元");
        }
        if (new BigDecimal(total.refinancingWan()).signum() != 0) {
            issued.add("再融资债券" + spoken(total.refinancingWan()) + "万元");
        }
        if (!issued.isEmpty()) {
            sentences.add("当年" + String.join("，", issued) + "。");
        }
        if (new BigDecimal(total.principalRepaidWan()).signum() != 0) {
            sentences.add("偿还债务本金" + spoken(total.principalRepaidWan()) + "万元。");
        }
        List<String> interest = new ArrayList<>();
        if (new BigDecimal(general.interestWan()).signum() != 0) {
            interest.add("一般债券付息支出" + spoken(general.interestWan()) + "万元");
        }
        if (new BigDecimal(special.interestWan()).signum() != 0) {
            interest.add("专项债券付息支出" + spoken(special.interestWan()) + "万元");
        }
        if (!interest.isEmpty()) {
            sentences.add(String.join("，", interest) + "。");
        }
        if (total.limitWan() != null) {
            BigDecimal headroom = new BigDecimal(total.headroomWan());
            sentences.add("政府债务限额" + spoken(total.limitWan()) + "万元，" + (headroom.signum() >= 0
                    ? "债务余额在限额以内。" : "债务余额超出限额" + spoken(headroom.negate().toPlainString()) + "万元。"));
        }
        return sentences;
    }

    // ------------------------------------------------------------------ 预算绩效管理

    static List<String> performance(int year, Performance p) {
        List<String> sentences = new ArrayList<>();
        var goals = p.goals();
        if (goals.declared() > 0 || goals.approved() > 0) {
            sentences.add(year + "年共申报绩效目标" + goals.declared() + "个，审核通过" + goals.approved() + "个，公开"
                    + goals.published() + "个。");
        }
        if (goals.budgetedProjects() > 0) {
            sentences.add("安排预算的项目" + goals.budgetedProjects() + "个，其中已批复绩效目标" + goals.budgetedWithApprovedGoal()
                    + "个，绩效目标与预算同步率" + goals.syncRate() + "。");
        }
        var self = p.selfEvaluations();
        if (self.submitted() > 0) {
            sentences.add(self.submitted() + "个绩效目标完成绩效自评，自评覆盖率" + self.coverage() + grades(self.grades())
                    + "。");
        }
        if (self.reviewed()) {
            sentences.add("财政部门审核单位自评" + self.submitted() + "份，退回" + self.returned() + "份，采纳" + self.accepted()
                    + "份，抽查" + self.spotChecked() + "份" + (self.largestDifference() == null ? ""
                    : "，抽查评分与单位自评分最大相差" + spoken(self.largestDifference()) + "分") + "。");
        }
        var key = p.keyEvaluations();
        if (key.count() > 0) {
            String types = key.types().stream()
                    .map(t -> t.type() + (t.type().endsWith("项目") ? "" : "项目") + t.count() + "个")
                    .collect(Collectors.joining("，"));
            sentences.add(year + "年开展重点绩效评价" + key.count() + "个，其中" + types + "，共计" + key.projectsCovered()
                    + "个项目，共涉及评价资金" + spoken(key.amountWan()) + "万元。");
            if (key.completed() > 0) {
                sentences.add("已完成评价" + key.completed() + "个" + grades(key.grades()) + "。");
            }
        }
        var results = p.resultApplications();
        if (results.count() > 0) {
            String measures = results.measures().stream().filter(m -> m.count() > 0)
                    .map(m -> m.measure() + m.count() + "个").collect(Collectors.joining("，"));
            sentences.add("评价结果应用" + results.count() + "项（" + measures + "），相应调减预算"
                    + spoken(results.reductionWan()) + "万元。");
        }
        var monitoring = p.monitoring();
        if (monitoring.observations() > 0) {
            sentences.add("对" + monitoring.projectsMonitored() + "个项目开展绩效运行监控（财政重点监控" + monitoring.financeKey()
                    + "个，单位自行监控" + monitoring.self() + "个），发现偏离绩效目标" + monitoring.deviationsRaised()
                    + "个，已纠偏" + monitoring.deviationsCorrected() + "个。");
            var cp = monitoring.checkpoint();
            if (!cp.behind().isEmpty()) {
                sentences.add("截至" + cp.date() + "，时间进度" + cp.timeProgress() + "，预算执行率落后时间进度超过"
                        + spoken(cp.tolerancePoints()) + "个百分点的项目：" + String.join("、", cp.behind()) + "。");
            }
        }
        var rectifications = p.rectifications();
        if (rectifications.opened() > 0) {
            sentences.add("对评价和监控发现的" + rectifications.opened() + "个问题开展整改，已完成" + rectifications.done()
                    + "个、已销号" + rectifications.signedOff() + "个，逾期" + rectifications.overdueNow() + "个。");
        }
        if (sentences.isEmpty()) {
            sentences.add(year + "年暂无预算绩效管理记录。");
        }
        return sentences;
    }

    private static String grades(List<GradeCount> grades) {
        String text = grades.stream().filter(g -> g.count() > 0).map(g -> g.grade() + g.count() + "个")
                .collect(Collectors.joining("，"));
        return text.isEmpty() ? "" : "，评价等级" + text;
    }

    // ------------------------------------------------------------------ 单位预算执行

    static List<String> execution(int year, List<UnitLine> units) {
        List<String> sentences = new ArrayList<>();
        for (UnitLine u : units) {
            sentences.add(u.name() + year + "年年初预算" + spoken(u.initialBudgetWan()) + "万元，全年预算"
                    + spoken(u.fullYearBudgetWan()) + "万元，全年执行" + spoken(u.executedWan()) + "万元，执行率"
                    + u.executionRate() + "。其中：项目支出" + spoken(u.projectSpentWan()) + "万元"
                    + (new BigDecimal(u.basicBudgetWan()).signum() == 0 && new BigDecimal(u.basicSpentWan()).signum() == 0
                    ? "。" : "，基本支出" + spoken(u.basicSpentWan()) + "万元（人员经费" + spoken(u.personnelSpentWan())
                    + "万元，公用经费" + spoken(u.publicSpentWan()) + "万元）。"));
        }
        return sentences;
    }
}
