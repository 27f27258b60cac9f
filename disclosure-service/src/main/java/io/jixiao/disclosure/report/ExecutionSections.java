package io.jixiao.disclosure.report;

import io.jixiao.disclosure.report.DistrictLedger.Goal;
import io.jixiao.disclosure.report.DistrictLedger.Project;
import io.jixiao.disclosure.report.DistrictLedger.Reversal;
import io.jixiao.disclosure.report.DistrictLedger.UnitYear;
import io.jixiao.disclosure.report.DistrictReport.CategoryLine;
import io.jixiao.disclosure.report.DistrictReport.ProjectLine;
import io.jixiao.disclosure.report.DistrictReport.Projects;
import io.jixiao.disclosure.report.DistrictReport.ReversalLine;
import io.jixiao.disclosure.report.DistrictReport.Summary;
import io.jixiao.disclosure.report.DistrictReport.UnitLine;
import io.jixiao.events.Money;
import io.jixiao.events.budget.EntryReversed;
import io.jixiao.events.budget.FundingFigures;
import io.jixiao.events.budget.MoneyEntryKind;
import io.jixiao.events.budget.ProjectCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Units' and projects' budget execution of a year: pure functions of the ledger. */
final class ExecutionSections {
    private ExecutionSections() {
    }

    static List<Project> projectsOf(DistrictLedger ledger, int year) {
        List<Project> list = new ArrayList<>(ledger.projectsOf(year));
        list.sort(Comparator.comparing((Project p) -> p.unitId() == null ? "" : p.unitId())
                .thenComparing(Project::projectId));
        return list;
    }

    static List<UnitLine> units(DistrictLedger ledger, int year) {
        TreeSet<String> unitIds = new TreeSet<>();
        for (UnitYear uy : ledger.unitYears(year)) {
            if (uy.basicAppropriated() != 0 || uy.basicAdjusted() != 0 || uy.basicSpent() != 0) {
                unitIds.add(uy.unitId());
            }
        }
        List<Project> projects = projectsOf(ledger, year);
        for (Project p : projects) {
            if (p.unitId() != null) {
                unitIds.add(p.unitId());
            }
        }
        List<UnitLine> lines = new ArrayList<>();
        for (String unitId : unitIds) {
            Optional<UnitYear> uy = ledger.unitYear(unitId, year);
            long basicInitial = uy.map(UnitYear::basicAppropriated).orElse(0L);
            long basicAdjusted = uy.map(UnitYear::basicAdjusted).orElse(0L);
            long personnel = uy.map(UnitYear::personnelSpent).orElse(0L);
            long publicSpent = uy.map(UnitYear::publicSpent).orElse(0L);
            long basicBudget = basicInitial + basicAdjusted;
            long basicSpent = personnel + publicSpent;
            List<Project> own = projects.stream().filter(p -> unitId.equals(p.unitId())).toList();
            FundingFigures money = Project.sum(own);
            long fullYear = basicBudget + money.budget();
            long executed = basicSpent + money.spent();
            lines.add(new UnitLine(unitId, ledger.unitName(unitId), own.size(), Wan.of(basicInitial),
                    Wan.of(basicAdjusted), Wan.of(basicBudget), Wan.of(personnel), Wan.of(publicSpent),
                    Wan.of(basicSpent), Wan.of(money.appropriated()), Wan.of(money.carriedOver()),
                    Wan.of(money.adjusted()), Wan.of(money.budget()), Wan.of(money.spent()),
                    Wan.of(basicInitial + money.appropriated()), Wan.of(fullYear), Wan.of(executed),
                    Wan.percent(executed, fullYear)));
        }
        return lines;
    }

    /** The words a report uses for the kinds of money entry a 红字冲销 reverses. */
    static final Map<MoneyEntryKind, String> KIND_LABELS = Map.of(MoneyEntryKind.APPROPRIATION, "年初预算",
            MoneyEntryKind.ADJUSTMENT, "调整", MoneyEntryKind.CARRY_OVER, "结转", MoneyEntryKind.EXPENDITURE, "支出");

    static Projects projects(DistrictLedger ledger, int year) {
        List<Project> projects = projectsOf(ledger, year);
        List<ProjectLine> items = new ArrayList<>();
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        for (ProjectCategory c : ProjectCategory.values()) {
            byCategory.put(c.label(), new long[4]);
        }
        long initial = 0;
        long budget = 0;
        long spent = 0;
        int projectCount = 0;
        List<ReversalLine> reversals = new ArrayList<>();
        for (Project p : projects) {
            for (Reversal r : p.reversals()) {
                EntryReversed e = r.entry();
                reversals.add(new ReversalLine(p.projectId(), p.unitId(), e.originalSequence(), e.originalEventId(),
                        KIND_LABELS.get(e.kind()), Money.yuan(e.amountFen()), e.date(), e.reason(), r.eventId(),
                        r.actor()));
            }
            var reg = p.registration().orElseThrow();
            String category = reg.category() == null ? "未分类" : reg.category().label();
            Optional<Goal> goal = PublishedTables.goalOfProject(ledger, p.projectId(), year);
            items.add(new ProjectLine(p.projectId(), p.unitId(), reg.name(), category, reg.fiscalYear(),
                    p.projectCount(), Wan.of(p.appropriated()), Wan.of(p.carriedOver()), Wan.of(p.adjusted()),
                    Wan.of(p.budget()), Wan.of(p.spent()), Wan.percent(p.spent(), p.budget()),
                    goal.map(Goal::goalId).orElse(null), goal.map(g -> g.status().name()).orElse(null)));
            long[] c = byCategory.computeIfAbsent(category, k -> new long[4]);
            c[0]++;
            c[1] += p.projectCount();
            c[2] += p.budget();
            c[3] += p.spent();
            initial += p.appropriated();
            budget += p.budget();
            spent += p.spent();
            projectCount += p.projectCount();
        }
        List<CategoryLine> categories = new ArrayList<>();
        byCategory.forEach((category, c) -> {
            if (c[0] > 0) {
                categories.add(new CategoryLine(category, (int) c[0], (int) c[1], Wan.of(c[2]), Wan.of(c[3]),
                        Wan.percent(c[3], c[2])));
            }
        });
        return new Projects(items.size(), projectCount, Wan.of(initial), Wan.of(budget), Wan.of(spent),
                Wan.percent(spent, budget), categories, items, reversals);
    }

    /** The year's totals over units and projects, and 支出不实: spending beyond a full-year budget. */
    static Summary summary(DistrictLedger ledger, int year) {
        long budget = 0;
        long spent = 0;
        long unsupported = 0;
        for (UnitYear uy : ledger.unitYears(year)) {
            budget += uy.basicBudget();
            spent += uy.basicSpent();
            unsupported += Math.max(0, uy.basicSpent() - uy.basicBudget());
        }
        for (Project p : ledger.projectsOf(year)) {
            budget += p.budget();
            spent += p.spent();
            unsupported += Math.max(0, p.spent() - p.budget());
        }
        return new Summary(Wan.of(budget), Wan.of(spent), Wan.percent(spent, budget), Wan.of(unsupported));
    }
}
