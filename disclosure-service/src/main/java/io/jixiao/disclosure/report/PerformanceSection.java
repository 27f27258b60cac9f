package io.jixiao.disclosure.report;

import io.jixiao.disclosure.events.DisclosureKind;
import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.report.DistrictLedger.Goal;
import io.jixiao.disclosure.report.DistrictLedger.GoalStatus;
import io.jixiao.disclosure.report.DistrictLedger.KeyEvaluation;
import io.jixiao.disclosure.report.DistrictLedger.Project;
import io.jixiao.disclosure.report.DistrictLedger.SelfEvaluationReview;
import io.jixiao.disclosure.report.DistrictReport.Checkpoint;
import io.jixiao.disclosure.report.DistrictReport.CheckpointLine;
import io.jixiao.disclosure.report.DistrictReport.GradeCount;
import io.jixiao.disclosure.report.DistrictReport.KeyEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.KeyEvaluations;
import io.jixiao.disclosure.report.DistrictReport.MeasureCount;
import io.jixiao.disclosure.report.DistrictReport.Monitoring;
import io.jixiao.disclosure.report.DistrictReport.MonitoringLine;
import io.jixiao.disclosure.report.DistrictReport.DecisionKindCount;
import io.jixiao.disclosure.report.DistrictReport.MonitoringDecisions;
import io.jixiao.disclosure.report.DistrictReport.Performance;
import io.jixiao.disclosure.report.DistrictReport.ResultApplicationLine;
import io.jixiao.disclosure.report.DistrictReport.ResultApplications;
import io.jixiao.disclosure.report.DistrictReport.SelfEvaluationLine;
import io.jixiao.disclosure.report.DistrictReport.SelfEvaluations;
import io.jixiao.disclosure.report.DistrictReport.SpotCheckLine;
import io.jixiao.disclosure.report.DistrictReport.Subject;
import io.jixiao.disclosure.report.DistrictReport.TypeCount;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.evaluation.DeviationFlagged;
import io.jixiao.events.evaluation.EvaluationResultApplied;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.KeyEvaluationCommissioned;
import io.jixiao.events.evaluation.KeyEvaluationCompleted;
import io.jixiao.events.evaluation.MonitoringDecisionKind;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import io.jixiao.events.evaluation.MonitoringMode;
import io.jixiao.events.evaluation.MonitoringObservationRecorded;
import io.jixiao.events.evaluation.ResultMeasure;
import io.jixiao.events.evaluation.SelfEvaluationAccepted;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** 预算绩效管理: goals, self and key evaluations, result application, monitoring — pure functions of the ledger. */
final class PerformanceSection {
    /** The published reports' order of key-evaluation types (北塔区: 事前评估, 财政政策, 政府采购, 部门整体支出, 政府债务项目, 专项资金). */
    private static final List<String> TYPE_ORDER = List.of(ProjectCategory.EX_ANTE_ASSESSMENT.label(),
            ProjectCategory.FISCAL_POLICY.label(), ProjectCategory.GOVERNMENT_PROCUREMENT.label(),
            ProjectCategory.UNIT_OVERALL_SPENDING.label(), ProjectCategory.GOVERNMENT_DEBT_PROJECT.label(),
            ProjectCategory.SPECIAL_FUND.label(), ProjectCategory.CASE_BY_CASE.label(),
            ProjectCategory.POVERTY_ALLEVIATION.label());
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PerformanceSection() {
    }

    static Performance of(DistrictLedger ledger, int year, DistrictSettings settings) {
        return new Performance(goals(ledger, year), selfEvaluations(ledger, year), keyEvaluations(ledger, year),
                resultApplications(ledger, year), monitoring(ledger, year, settings),
                RectificationSection.of(ledger, year));
    }

    // ------------------------------------------------------------------ 绩效目标 and 同步

    static DistrictReport.Goals goals(DistrictLedger ledger, int year) {
        int declared = 0;
        int approved = 0;
        int returned = 0;
        int projectGoals = 0;
        int unitGoals = 0;
        for (Goal g : ledger.goals().values()) {
            if (g.fiscalYear() != year) {
                continue;
            }
            if (g.declared()) {
                declared++;
            }
            if (g.status() == GoalStatus.APPROVED) {
                approved++;
            }
            if (g.status() == GoalStatus.RETURNED) {
                returned++;
            }
            if (g.scope() == GoalScope.PROJECT) {
                projectGoals++;
            } else if (g.scope() == GoalScope.UNIT_OVERALL) {
                unitGoals++;
            }
        }
        List<DisclosurePublished> standing = PublishedTables.standing(ledger, year, null, DisclosureKind.GOALS);
        Set<String> publishedGoals = PublishedTables.goalIds(ledger, standing, null, year);
        Set<String> coveredProjects = PublishedTables.projectsCovered(ledger, standing, year);
        int budgeted = 0;
        int withApproved = 0;
        int withPublished = 0;
        List<String> without = new ArrayList<>();
        for (Project p : ExecutionSections.projectsOf(ledger, year)) {
            if (!p.budgeted()) {
                continue;
            }
            budgeted++;
            boolean hasApproved = PublishedTables.goalOfProject(ledger, p.projectId(), year).map(Goal::approved)
                    .orElse(false);
            if (hasApproved) {
                withApproved++;
            } else {
                without.add(p.projectId());
            }
            if (coveredProjects.contains(p.projectId())) {
                withPublished++;
            }
        }
        return new DistrictReport.Goals(declared, approved, returned, publishedGoals.size(), projectGoals, unitGoals,
                budgeted, withApproved, Wan.percent(withApproved, budgeted), withPublished,
                Wan.percent(withPublished, budgeted), without);
    }

    // ------------------------------------------------------------------ 自评

    static SelfEvaluations selfEvaluations(DistrictLedger ledger, int year) {
        List<SelfEvaluationLine> items = new ArrayList<>();
        Map<String, Integer> grades = gradeCounter();
        Set<String> evaluatedGoals = new TreeSet<>();
        int awaiting = 0;
        int resubmissions = 0;
        int returned = 0;
        int returns = 0;
        int accepted = 0;
        List<SpotCheckLine> spotChecks = new ArrayList<>();
        for (Map.Entry<String, SelfEvaluationSubmitted> entry : ledger.selfEvaluations().entrySet()) {
            SelfEvaluationSubmitted e = entry.getValue();
            if (e.fiscalYear() != year) {
                continue;
            }
            if (e.goalId() != null) {
                evaluatedGoals.add(e.goalId());
            }
            Optional<SelfEvaluationReview> review = ledger.review(entry.getKey());
            ReviewStatus status = review.map(SelfEvaluationReview::status).orElse(ReviewStatus.AWAITING_REVIEW);
            awaiting += status == ReviewStatus.AWAITING_REVIEW ? 1 : 0;
            SelfEvaluationAccepted acceptance = review.flatMap(SelfEvaluationReview::accepted).orElse(null);
            if (review.isPresent()) {
                resubmissions += Math.max(0, review.get().submissions() - 1);
                returns += review.get().returns();
                returned += review.get().returns() > 0 ? 1 : 0;
            }
            if (acceptance != null) {
                accepted++;
            }
            review.flatMap(SelfEvaluationReview::spotCheck).ifPresent(c -> spotChecks.add(new SpotCheckLine(
                    entry.getKey(), e.unitId(), e.projectId(), Wan.decimal(c.acceptedScore()),
                    Wan.decimal(c.financeScore()), Wan.decimal(c.difference()))));
            Grade grade = acceptance != null && acceptance.grade() != null ? acceptance.grade() : e.grade();
            if (grade != null) {
                grades.merge(grade.label(), 1, Integer::sum);
            }
            var row = e.budgetExecution();
            items.add(new SelfEvaluationLine(entry.getKey(), e.goalId(), e.scope() == null ? null : e.scope().name(),
                    e.unitId(), e.projectId(), Wan.decimal(e.totalScore()),
                    e.grade() == null ? null : e.grade().label(),
                    row == null ? null : Wan.percent(row.executedFen(), row.fullYearFen()), e.ruleVersion(),
                    status.label(), acceptance == null ? null : Wan.decimal(acceptance.score()),
                    acceptance == null || acceptance.grade() == null ? null : acceptance.grade().label()));
        }
        int approved = 0;
        int covered = 0;
        for (Goal g : ledger.goals().values()) {
            if (g.fiscalYear() == year && g.approved()) {
                approved++;
                if (evaluatedGoals.contains(g.goalId())) {
                    covered++;
                }
            }
        }
        List<BigDecimal> differences = spotChecks.stream().filter(c -> c.difference() != null)
                .map(c -> new BigDecimal(c.difference()).abs()).toList();
        String largest = differences.stream().max(BigDecimal::compareTo).map(Wan::decimal).orElse(null);
        String mean = differences.isEmpty() ? null : differences.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(differences.size()), 2, RoundingMode.HALF_UP).toPlainString();
        return new SelfEvaluations(approved, items.size(), covered, Wan.percent(covered, approved), gradeList(grades),
                items, resubmissions, returned, returns, accepted, awaiting, spotChecks.size(), spotChecks, largest,
                mean);
    }

    // ------------------------------------------------------------------ 重点评价

    static KeyEvaluations keyEvaluations(DistrictLedger ledger, int year) {
        Map<String, long[]> types = new LinkedHashMap<>();
        for (String type : TYPE_ORDER) {
            types.put(type, new long[3]);
        }
        Map<String, Integer> grades = gradeCounter();
        List<KeyEvaluationLine> items = new ArrayList<>();
        int projects = 0;
        long amount = 0;
        int completed = 0;
        for (KeyEvaluation ke : ledger.keyEvaluations().values()) {
            KeyEvaluationCommissioned c = ke.commissioned().orElse(null);
            if (c == null || c.year() != year) {
                continue;
            }
            List<String> projectIds = c.projectIds() == null ? List.of() : c.projectIds();
            int projectCount = c.projectCount() > 0 ? c.projectCount() : Math.max(1, projectIds.size());
            String type = c.type() == null ? "其他" : c.type();
            long[] t = types.computeIfAbsent(type, k -> new long[3]);
            t[0]++;
            t[1] += projectCount;
            t[2] += c.amountFen();
            projects += projectCount;
            amount += c.amountFen();
            KeyEvaluationCompleted done = ke.completed().orElse(null);
            if (done != null) {
                completed++;
                if (done.grade() != null) {
                    grades.merge(done.grade().label(), 1, Integer::sum);
                }
            }
            List<Subject> subjects = new ArrayList<>();
            for (String projectId : projectIds) {
                Project p = ledger.projects().get(projectId);
                subjects.add(p == null ? new Subject(projectId, null, 0, null, null, null)
                        : new Subject(projectId, p.registration().map(r -> r.name()).orElse(null), p.fiscalYear(),
                        Wan.of(p.budget()), Wan.of(p.spent()), Wan.percent(p.spent(), p.budget())));
            }
            items.add(new KeyEvaluationLine(ke.evaluationId(), type, c.evaluator(), c.subjectYear(), subjects,
                    c.subjectUnitId(), projectCount, Wan.of(c.amountFen()),
                    done == null ? null : Wan.decimal(done.score()),
                    done == null || done.grade() == null ? null : done.grade().label(),
                    done == null ? null : done.ruleVersion()));
        }
        List<TypeCount> typeCounts = new ArrayList<>();
        types.forEach((type, t) -> {
            if (t[0] > 0) {
                typeCounts.add(new TypeCount(type, (int) t[0], (int) t[1], Wan.of(t[2])));
            }
        });
        return new KeyEvaluations(items.size(), typeCounts, projects, Wan.of(amount), completed, gradeList(grades),
                items);
    }

    // ------------------------------------------------------------------ 结果应用

    /** The year an application belongs to: its evaluation's year, or the year before the budget it changes. */
    private static int yearOf(DistrictLedger ledger, EvaluationResultApplied e) {
        KeyEvaluation ke = e.evaluationId() == null ? null : ledger.keyEvaluations().get(e.evaluationId());
        if (ke != null && ke.commissioned().isPresent()) {
            return ke.commissioned().get().year();
        }
        SelfEvaluationSubmitted self = e.evaluationId() == null ? null : ledger.selfEvaluations().get(e.evaluationId());
        if (self != null) {
            return self.fiscalYear();
        }
        return e.targetFiscalYear() - 1;
    }

    static ResultApplications resultApplications(DistrictLedger ledger, int year) {
        Map<String, long[]> measures = new LinkedHashMap<>();
        for (ResultMeasure m : ResultMeasure.values()) {
            measures.put(m.label(), new long[2]);
        }
        List<ResultApplicationLine> items = new ArrayList<>();
        long change = 0;
        long reduction = 0;
        for (Map.Entry<String, EvaluationResultApplied> entry : ledger.resultApplications().entrySet()) {
            EvaluationResultApplied e = entry.getValue();
            if (yearOf(ledger, e) != year) {
                continue;
            }
            if (e.measure() != null) {
                long[] m = measures.get(e.measure().label());
                m[0]++;
                m[1] += e.budgetChangeFen();
            }
            change += e.budgetChangeFen();
            reduction += Math.max(0, -e.budgetChangeFen());
            items.add(new ResultApplicationLine(entry.getKey(), e.evaluationId(),
                    e.evaluationKind() == null ? null : e.evaluationKind().name(), e.projectId(), e.targetFiscalYear(),
                    e.grade() == null ? null : e.grade().label(), e.measure() == null ? null : e.measure().label(),
                    e.changeRatio() == null ? null : e.changeRatio().toPlainString(), Wan.of(e.budgetChangeFen()),
                    ledger.adjustmentCausedBy(entry.getKey()).map(Wan::of).orElse(null), e.ruleVersion()));
        }
        List<MeasureCount> counts = new ArrayList<>();
        measures.forEach((m, c) -> counts.add(new MeasureCount(m, (int) c[0], Wan.of(c[1]))));
        return new ResultApplications(items.size(), counts, Wan.of(change), Wan.of(reduction), items);
    }

    // ------------------------------------------------------------------ 绩效监控

    private static int yearOf(MonitoringObservationRecorded o) {
        LocalDate day = o.periodTo() != null ? o.periodTo() : o.recordedOn();
        return day == null ? Integer.MIN_VALUE : day.getYear();
    }

    static Monitoring monitoring(DistrictLedger ledger, int year, DistrictSettings settings) {
        Set<String> monitored = new TreeSet<>();
        Set<String> financeKey = new TreeSet<>();
        Set<String> self = new TreeSet<>();
        Set<String> observationIds = new TreeSet<>();
        List<MonitoringLine> items = new ArrayList<>();
        for (Map.Entry<String, MonitoringObservationRecorded> entry : ledger.observations().entrySet()) {
            MonitoringObservationRecorded o = entry.getValue();
            if (yearOf(o) != year) {
                continue;
            }
            observationIds.add(entry.getKey());
            if (o.projectId() != null) {
                monitored.add(o.projectId());
                (o.mode() == MonitoringMode.FINANCE_KEY ? financeKey : self).add(o.projectId());
            }
        }
        int raised = 0;
        int corrected = 0;
        Set<String> deviationIds = new TreeSet<>();
        Set<String> deviatedObservations = new TreeSet<>();
        Set<String> correctedObservations = new TreeSet<>();
        for (Map.Entry<String, DeviationFlagged> entry : ledger.deviations().entrySet()) {
            DeviationFlagged d = entry.getValue();
            boolean ofYear = d.observationId() != null && observationIds.contains(d.observationId())
                    || d.checkpoint() != null && d.checkpoint().getYear() == year;
            if (!ofYear) {
                continue;
            }
            raised++;
            deviationIds.add(entry.getKey());
            boolean fixed = ledger.correctionOf(entry.getKey()).isPresent();
            if (fixed) {
                corrected++;
            }
            if (d.observationId() != null) {
                deviatedObservations.add(d.observationId());
                if (fixed) {
                    correctedObservations.add(d.observationId());
                }
            }
        }
        for (String id : observationIds) {
            MonitoringObservationRecorded o = ledger.observations().get(id);
            items.add(new MonitoringLine(id, o.projectId(), o.mode() == null ? null : o.mode().name(), o.periodFrom(),
                    o.periodTo(), o.executionRate() == null ? Wan.percent(o.spentFen(), o.budgetFen())
                    : Wan.decimal(o.executionRate()) + "%", o.timeProgress() == null ? null
                    : Wan.decimal(o.timeProgress()) + "%", deviatedObservations.contains(id),
                    correctedObservations.contains(id), o.ruleVersion()));
        }
        return new Monitoring(monitored.size(), financeKey.size(), self.size(), observationIds.size(), raised,
                corrected, raised - corrected, items, checkpoint(ledger, year, settings, monitored),
                decisions(ledger, deviationIds));
    }

    /** 监控结果处理 on the given deviations, counted per kind (in the kinds' order) with the budget change asked. */
    static MonitoringDecisions decisions(DistrictLedger ledger, Set<String> deviationIds) {
        Map<MonitoringDecisionKind, int[]> counts = new EnumMap<>(MonitoringDecisionKind.class);
        Map<MonitoringDecisionKind, long[]> fen = new EnumMap<>(MonitoringDecisionKind.class);
        for (MonitoringDecisionRecorded d : ledger.monitoringDecisions().values()) {
            if (d.kind() != null && deviationIds.contains(d.deviationId())) {
                counts.computeIfAbsent(d.kind(), k -> new int[1])[0]++;
                fen.computeIfAbsent(d.kind(), k -> new long[1])[0] += d.budgetChangeFen();
            }
        }
        List<DecisionKindCount> kinds = new ArrayList<>();
        counts.forEach((kind, n) -> kinds.add(new DecisionKindCount(kind.label(), n[0], Wan.of(fen.get(kind)[0]))));
        return new MonitoringDecisions(kinds.stream().mapToInt(DecisionKindCount::count).sum(), kinds,
                Wan.of(fen.values().stream().mapToLong(v -> v[0]).sum()));
    }

    /** The checkpoint by the district's settings, for the projects monitored in the year, from budget events. */
    static Checkpoint checkpoint(DistrictLedger ledger, int year, DistrictSettings settings, Set<String> monitored) {
        int month = settings.monitoringCheckpointMonth();
        LocalDate date = YearMonth.of(year, month).atEndOfMonth();
        BigDecimal timeProgress = BigDecimal.valueOf(month).multiply(HUNDRED).divide(BigDecimal.valueOf(12), 10,
                RoundingMode.HALF_UP);
        List<CheckpointLine> lines = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        for (String projectId : monitored) {
            Project p = ledger.projects().get(projectId);
            if (p == null || p.fiscalYear() != year) {
                continue;
            }
            long spent = p.spentBy(date);
            BigDecimal rate = p.budget() == 0 ? null : BigDecimal.valueOf(spent).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(p.budget()), 10, RoundingMode.HALF_UP);
            BigDecimal trailing = rate == null ? null : timeProgress.subtract(rate);
            boolean late = trailing != null && trailing.compareTo(settings.deviationTolerancePoints()) > 0;
            if (late) {
                behind.add(projectId);
            }
            lines.add(new CheckpointLine(projectId, Wan.of(p.budget()), Wan.of(spent), Wan.percent(spent, p.budget()),
                    trailing == null ? null : trailing.setScale(2, RoundingMode.HALF_UP).toPlainString(), late));
        }
        LocalDate keyDate = YearMonth.of(year, settings.keyMonitoringMonth()).atEndOfMonth();
        List<String> candidates = new ArrayList<>();
        for (Project p : ExecutionSections.projectsOf(ledger, year)) {
            if (p.budget() >= settings.keyMonitoringMinBudgetFen() && p.budget() > 0
                    && BigDecimal.valueOf(p.spentBy(keyDate)).multiply(HUNDRED).compareTo(
                    settings.keyMonitoringMaxExecutionPercent().multiply(BigDecimal.valueOf(p.budget()))) < 0) {
                candidates.add(p.projectId());
            }
        }
        return new Checkpoint(date, Wan.percent(month, 12), Wan.decimal(settings.deviationTolerancePoints()), lines,
                behind, keyDate, Wan.of(settings.keyMonitoringMinBudgetFen()),
                Wan.decimal(settings.keyMonitoringMaxExecutionPercent()) + "%", candidates);
    }

    // ------------------------------------------------------------------ grades

    private static Map<String, Integer> gradeCounter() {
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            grades.put(g.label(), 0);
        }
        return grades;
    }

    private static List<GradeCount> gradeList(Map<String, Integer> grades) {
        List<GradeCount> list = new ArrayList<>();
        grades.forEach((g, n) -> list.add(new GradeCount(g, n)));
        return list;
    }
}
