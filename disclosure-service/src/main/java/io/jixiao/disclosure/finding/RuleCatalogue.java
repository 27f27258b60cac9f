package io.jixiao.disclosure.finding;

import io.jixiao.disclosure.events.DisclosureKind;
import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.report.DistrictLedger.Goal;
import io.jixiao.disclosure.report.DistrictLedger.Project;
import io.jixiao.disclosure.report.DistrictLedger.Unit;
import io.jixiao.disclosure.report.PublishedTables;
import io.jixiao.disclosure.report.Wan;
import io.jixiao.events.evaluation.GoalScope;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The disclosure rules (docs/rules.md: findings are rules with ids), each a small pure function of
 * {@link DisclosureFacts}. Only standing (published, not retracted) packages are checked; a unit that has not
 * published is checked by DISC-005 and DISC-006 only.
 */
public final class RuleCatalogue {
    private static final ZoneId BUREAU_ZONE = io.jixiao.events.BureauTime.ZONE;

    public static final Rule EMPTY_TABLE = new Rule("DISC-001", "空表未说明", Category.EXISTENCE, Severity.FATAL,
            "A published table lists nothing and has no written explanation, or lists nothing while the records "
                    + "hold approved goals for it.", RuleCatalogue::emptyTables);
    public static final Rule OVERALL_MISMATCH = new Rule("DISC-002", "部门整体支出绩效目标表与项目绩效目标表、预算不一致",
            Category.CONSISTENCY, Severity.FATAL, "The project spending stated in the unit's published "
            + "部门整体支出绩效目标表 must equal the sum of its published 项目支出绩效目标表 and its budgeted project "
            + "appropriations (年初预算).", RuleCatalogue::overallMismatch);
    public static final Rule TOO_FEW_PROJECT_TABLES = new Rule("DISC-003", "公开的项目绩效目标表少于预算项目",
            Category.COMPLETENESS, Severity.WARNING, "Every budgeted project of a unit that published its goals must "
            + "have its 项目支出绩效目标表 published.", RuleCatalogue::tooFewProjectTables);
    public static final Rule LATE = new Rule("DISC-004", "绩效目标公开不及时", Category.TIMELINESS, Severity.FATAL,
            "Goals are published within the district's days (default 20) of the budget approval, taken as the unit's "
                    + "earliest appropriation of the year.", RuleCatalogue::late);
    public static final Rule NOT_IN_STEP = new Rule("DISC-005", "绩效目标未与预算同步批复", Category.COMPLETENESS,
            Severity.WARNING, "Every budgeted project has an approved performance goal (同步申报、同步批复).",
            RuleCatalogue::notInStep);
    public static final Rule NOT_PUBLISHED = new Rule("DISC-006", "绩效目标逾期未公开", Category.TIMELINESS,
            Severity.WARNING, "A unit with budgeted projects has published no goals and the deadline has passed.",
            RuleCatalogue::notPublished);
    public static final Rule STAFFING = new Rule("DISC-007", "公开数据与记录不符（人员编制）", Category.ACCURACY,
            Severity.WARNING, "Figures a package states (编制数, 实有人数) equal the unit's registered staffing.",
            RuleCatalogue::staffing);

    private static final List<Rule> RULES = List.of(EMPTY_TABLE, OVERALL_MISMATCH, TOO_FEW_PROJECT_TABLES, LATE,
            NOT_IN_STEP, NOT_PUBLISHED, STAFFING);

    private RuleCatalogue() {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /** Evaluates every rule: the offending rows with their rule, in catalogue order. */
    public static List<FindingRow> evaluate(DisclosureFacts facts) {
        List<FindingRow> rows = new ArrayList<>();
        for (Rule rule : RULES) {
            for (Offence o : rule.check().evaluate(facts)) {
                rows.add(new FindingRow(rule.id(), rule.title(), rule.category(), rule.severity(), o.unitId(),
                        facts.unitName(o.unitId()), o.subject(), o.expected(), o.found(), o.difference(), o.measure(),
                        o.message(), facts.settings().ruleVersion()));
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ DISC-001

    static List<Offence> emptyTables(DisclosureFacts facts) {
        List<Offence> offences = new ArrayList<>();
        for (String unit : facts.units()) {
            for (DisclosurePublished p : facts.standing(unit, null)) {
                for (Map.Entry<String, List<String>> table : p.tables().entrySet()) {
                    if (!table.getValue().isEmpty()) {
                        continue;
                    }
                    String explanation = p.explanations().get(table.getKey());
                    boolean explained = explanation != null && !explanation.isBlank();
                    int held = recordsFor(facts, unit, table.getKey());
                    if (explained && held == 0) {
                        continue;
                    }
                    String found = explained ? "空表（已说明），但记录中有" + held + "项已批复绩效目标" : "空表，无说明";
                    offences.add(new Offence(unit, p.packageId() + " / " + table.getKey(), "有数据或附空表说明", found,
                            held > 0 ? held + "项已批复绩效目标未列出" : null, null,
                            facts.unitName(unit) + "公开的" + table.getKey() + "为空表"
                                    + (explained ? "" : "且未说明原因")
                                    + (held > 0 ? "，而记录中有" + held + "项已批复的绩效目标" : "") + "。"));
                }
            }
        }
        return offences;
    }

    private static int recordsFor(DisclosureFacts facts, String unit, String table) {
        if (PublishedTables.PROJECT_GOALS.equals(table)) {
            return facts.approvedGoals(unit, GoalScope.PROJECT).size();
        }
        if (PublishedTables.UNIT_GOALS.equals(table)) {
            return facts.approvedGoals(unit, GoalScope.UNIT_OVERALL).size();
        }
        return 0;
    }

    // ------------------------------------------------------------------ DISC-002

    static List<Offence> overallMismatch(DisclosureFacts facts) {
        List<Offence> offences = new ArrayList<>();
        for (String unit : facts.units()) {
            List<DisclosurePublished> goals = facts.standing(unit, DisclosureKind.GOALS);
            Long overall = null;
            for (String goalId : PublishedTables.goalIds(facts.ledger(), goals, PublishedTables.UNIT_GOALS,
                    facts.year())) {
                Optional<Long> stated = facts.ledger().goals().get(goalId).declaredProjectSpendingFen();
                if (stated.isPresent()) {
                    overall = (overall == null ? 0 : overall) + stated.get();
                }
            }
            if (overall == null) {
                continue;  // no overall table with a stated project spending: nothing to compare
            }
            long tables = 0;
            for (String goalId : PublishedTables.goalIds(facts.ledger(), goals, PublishedTables.PROJECT_GOALS,
                    facts.year())) {
                Goal g = facts.ledger().goals().get(goalId);
                if (g.scope() == GoalScope.PROJECT) {
                    tables += g.amountFen();
                }
            }
            long budgeted = facts.budgetedProjects(unit).stream().mapToLong(Project::appropriated).sum();
            if (overall == tables && tables == budgeted) {
                continue;
            }
            offences.add(new Offence(unit, PublishedTables.UNIT_GOALS, Wan.of(budgeted),
                    Wan.of(overall) + " / " + Wan.of(tables),
                    Wan.of(overall - budgeted) + " / " + Wan.of(tables - budgeted), "万元",
                    facts.unitName(unit) + "部门整体支出绩效目标表中的项目支出" + Wan.of(overall) + "万元，项目支出绩效目标表合计"
                            + Wan.of(tables) + "万元，年初预算项目支出" + Wan.of(budgeted) + "万元，三者不一致。"));
        }
        return offences;
    }

    // ------------------------------------------------------------------ DISC-003

    static List<Offence> tooFewProjectTables(DisclosureFacts facts) {
        List<Offence> offences = new ArrayList<>();
        for (String unit : facts.units()) {
            List<DisclosurePublished> goals = facts.standing(unit, DisclosureKind.GOALS);
            if (goals.isEmpty()) {
                continue;
            }
            Set<String> covered = PublishedTables.projectsCovered(facts.ledger(), goals, facts.year());
            List<Project> budgeted = facts.budgetedProjects(unit);
            List<String> missing = new ArrayList<>();
            for (Project p : budgeted) {
                if (!covered.contains(p.projectId())) {
                    missing.add(p.projectId());
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            int published = budgeted.size() - missing.size();
            List<String> why = new ArrayList<>();
            for (String projectId : missing) {
                Optional<Goal> goal = PublishedTables.goalOfProject(facts.ledger(), projectId, facts.year());
                why.add(projectId + (goal.map(Goal::approved).orElse(false) ? "（已批复绩效目标" + goal.get().goalId()
                        + "未公开）" : "（无已批复绩效目标）"));
            }
            offences.add(new Offence(unit, PublishedTables.PROJECT_GOALS, String.valueOf(budgeted.size()),
                    String.valueOf(published), String.valueOf(published - budgeted.size()), "个",
                    facts.unitName(unit) + "年初预算项目" + budgeted.size() + "个，公开项目支出绩效目标表" + published
                            + "个；未公开：" + String.join("、", why) + "。"));
        }
        return offences;
    }

    // ------------------------------------------------------------------ DISC-004

    static List<Offence> late(DisclosureFacts facts) {
        List<Offence> offences = new ArrayList<>();
        for (String unit : facts.units()) {
            Optional<LocalDate> approval = facts.budgetApproval(unit);
            if (approval.isEmpty()) {
                continue;
            }
            LocalDate deadline = approval.get().plusDays(facts.settings().goalsDeadlineDays());
            for (DisclosurePublished p : facts.standing(unit, DisclosureKind.GOALS)) {
                if (p.publishedOn() != null && p.publishedOn().isAfter(deadline)) {
                    long days = ChronoUnit.DAYS.between(deadline, p.publishedOn());
                    offences.add(new Offence(unit, p.packageId(), deadline.toString(), p.publishedOn().toString(),
                            String.valueOf(days), "天", facts.unitName(unit) + "绩效目标于" + p.publishedOn() + "公开，晚于公开期限"
                            + deadline + "（预算批复" + approval.get() + "后" + facts.settings().goalsDeadlineDays()
                            + "日）" + days + "天。"));
                }
            }
        }
        return offences;
    }

    // ------------------------------------------------------------------ DISC-005

    static List<Offence> notInStep(DisclosureFacts facts) {
        List<Offence> offences = new ArrayList<>();
        for (String unit : facts.units()) {
            for (Project p : facts.budgetedProjects(unit)) {
                Optional<Goal> goal = PublishedTables.goalOfProject(facts.ledger(), p.projectId(), facts.year());
                if (goal.map(Goal::approved).orElse(false)) {
                    continue;
                }
                String found = goal.map(g -> "绩效目标" + g.goalId() + "未批复（" + g.status().name() + "）").orElse("无绩效目标");
                offences.add(new Offence(unit, p.projectId(), "已批复的绩效目标", found, null, null,
                        facts.unitName(unit) + "项目" + p.projectId() + "已安排预算" + Wan.of(p.appropriated()) + "万元，但"
                                + found + "。"));
            }
        }
        return offences;
    }

    // ------------------------------------------------------------------ DISC-006

    static List<Offence> notPublished(DisclosureFacts facts) {
        List<Offence> offences = new ArrayList<>();
        LocalDate today = facts.evaluatedAt().atZone(BUREAU_ZONE).toLocalDate();
        for (String unit : facts.units()) {
            Optional<LocalDate> deadline = facts.goalsDeadline(unit);
            if (deadline.isEmpty() || !today.isAfter(deadline.get())
                    || !facts.standing(unit, DisclosureKind.GOALS).isEmpty()) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(deadline.get(), today);
            offences.add(new Offence(unit, DisclosureKind.GOALS.name(), deadline.get().toString(), "未公开",
                    String.valueOf(days), "天", facts.unitName(unit) + "的绩效目标应于" + deadline.get() + "前公开，至"
                    + today + "仍未公开。"));
        }
        return offences;
    }

    // ------------------------------------------------------------------ DISC-007

    static List<Offence> staffing(DisclosureFacts facts) {
        List<Offence> offences = new ArrayList<>();
        for (String unit : facts.units()) {
            Unit registered = facts.ledger().units().get(unit);
            if (registered == null) {
                continue;
            }
            for (DisclosurePublished p : facts.standing(unit, null)) {
                compare(offences, facts, unit, p, "编制数", registered.staffingAuthorized());
                compare(offences, facts, unit, p, "实有人数", registered.staffingActual());
            }
        }
        return offences;
    }

    private static void compare(List<Offence> offences, DisclosureFacts facts, String unit, DisclosurePublished p,
                                String figure, Integer recorded) {
        String stated = p.figures().get(figure);
        if (stated == null || recorded == null) {
            return;
        }
        Integer value;
        try {
            value = Integer.valueOf(stated.trim());
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value != null && value.equals(recorded)) {
            return;
        }
        offences.add(new Offence(unit, p.packageId() + " / " + figure, String.valueOf(recorded), stated.trim(),
                value == null ? null : String.valueOf(value - recorded), "人",
                facts.unitName(unit) + "公开的" + figure + "为" + stated.trim() + "，记录为" + recorded + "。"));
    }

    /** Rules whose rows block a new publication of their unit. */
    public static Set<String> fatalRuleIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Rule r : RULES) {
            if (r.severity() == Severity.FATAL) {
                ids.add(r.id());
            }
        }
        return ids;
    }
}
