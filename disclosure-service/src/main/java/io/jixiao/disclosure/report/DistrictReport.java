package io.jixiao.disclosure.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A district's report of one year, as its journal stood at {@code asOf}. Money fields end in {@code Wan}
 * (万元, two decimals, HALF_UP); rates are percentages with two decimals; every figure is computed by
 * {@link DistrictReportFold} from the events alone, under {@code ruleVersion}.
 */
public record DistrictReport(String districtCode, String districtName, int year, Instant asOf, String ruleVersion,
                             Settings settings, Provenance provenance, ThreePublic threePublic,
                             Transfers transfers, Debt debt, List<UnitLine> units, Projects projects,
                             Performance performance, Summary summary, Narrative narrative) {

    /**
     * The same report without the subject ids of who acted (the rectification items' openedBy, completedBy,
     * signedOffBy, the reversals' reversedBy): for readers the gateway keeps out of project histories, the wall
     * dashboards (docs/rules.md, 整改).
     */
    public DistrictReport withoutActors() {
        Performance p = performance;
        Rectifications r = p.rectifications();
        Rectifications anonymous = new Rectifications(r.opened(), r.open(), r.inProgress(), r.done(), r.signedOff(),
                r.overdueNow(), r.doneLate(), r.returned(), r.returns(),
                r.items().stream().map(RectificationLine::withoutActors).toList());
        Projects withoutReversers = new Projects(projects.count(), projects.projectCount(), projects.initialWan(),
                projects.budgetWan(), projects.spentWan(), projects.executionRate(), projects.byCategory(),
                projects.items(), projects.reversals().stream().map(ReversalLine::withoutActor).toList());
        return new DistrictReport(districtCode, districtName, year, asOf, ruleVersion, settings, provenance, threePublic,
                transfers, debt, units, withoutReversers, new Performance(p.goals(), p.selfEvaluations(), p.keyEvaluations(),
                p.resultApplications(), p.monitoring(), anonymous), summary, narrative);
    }

    /** The district settings the figures were computed under (their version is in {@code ruleVersion}). */
    public record Settings(String version, int goalsDeadlineDays, int monitoringCheckpointMonth,
                           String deviationTolerancePoints, int keyMonitoringMonth, String keyMonitoringMinBudgetWan,
                           String keyMonitoringMaxExecution) {
        static Settings of(DistrictSettings s) {
            return new Settings(s.version(), s.goalsDeadlineDays(), s.monitoringCheckpointMonth(),
                    Wan.decimal(s.deviationTolerancePoints()), s.keyMonitoringMonth(),
                    Wan.of(s.keyMonitoringMinBudgetFen()), Wan.decimal(s.keyMonitoringMaxExecutionPercent()) + "%");
        }
    }

    /** What the report was computed from. */
    public record Provenance(long eventsFolded, long eventsUnusable, long rowsSkipped, Instant lastEventAt) {
    }

    // ------------------------------------------------------------------ 三公经费

    /**
     * One line of 三公经费: budget, spending, saving (budget − spent), the change against the budget
     * ((spent − budget) ÷ budget) and against last year's spending ((this − last) ÷ last).
     *
     * @param id       {@code overseas}, {@code vehicles} (购置及运行维护), {@code vehiclePurchase}, {@code vehicleOperation},
     *                 {@code reception}, {@code total}
     * @param subLine  a 其中 line of {@code vehicles}, not added to the total again
     */
    public record ThreePublicLine(String id, String category, boolean subLine, String budgetWan, String spentWan,
                                  String savedWan, Change vsBudget, String lastYearWan, Change vsLastYear) {
    }

    /** {@code recorded}: whether any 三公 budget or spending was recorded for the year (else all figures are 0). */
    public record ThreePublic(boolean recorded, List<ThreePublicLine> lines, ThreePublicLine total,
                              boolean lastYearRecorded) {
    }

    // ------------------------------------------------------------------ 税收返还和转移支付

    public record TransferLine(String kind, String amountWan, String lastYearWan, Change vsLastYear) {
    }

    /** {@code recorded}: whether any transfer was recorded for the year. */
    public record Transfers(boolean recorded, List<TransferLine> lines, TransferLine total, boolean lastYearRecorded) {
    }

    // ------------------------------------------------------------------ 地方政府债务

    /**
     * One debt type's year: balance = opening + new bonds + refinancing bonds − principal repaid.
     *
     * @param type  {@code GENERAL}, {@code SPECIAL} or {@code TOTAL}
     */
    public record DebtLine(String type, String label, String openingWan, String newBondsWan, String refinancingWan,
                           String principalRepaidWan, String interestWan, String balanceWan, String limitWan,
                           String headroomWan) {
    }

    public record Bond(String bondId, String type, String kind, String amountWan, List<Integer> termYears,
                       String purpose, String projectId, LocalDate date) {
    }

    /** {@code recorded}: whether the year has debt records (or opens on an earlier year's balance). */
    public record Debt(boolean recorded, List<DebtLine> byType, DebtLine total, List<Bond> bonds) {
    }

    // ------------------------------------------------------------------ 单位预算执行

    /**
     * A unit's year: 年初预算数 = basic initial + project appropriations; 全年预算数 = basic (with adjustments) +
     * projects (appropriated + carried over + adjusted); 全年执行数 = basic spent + project spent;
     * 执行率 = 全年执行数 ÷ 全年预算数.
     */
    public record UnitLine(String unitId, String name, int projects, String basicInitialWan, String basicAdjustedWan,
                           String basicBudgetWan, String personnelSpentWan, String publicSpentWan,
                           String basicSpentWan, String projectInitialWan, String projectCarriedOverWan,
                           String projectAdjustedWan, String projectBudgetWan, String projectSpentWan,
                           String initialBudgetWan, String fullYearBudgetWan, String executedWan,
                           String executionRate) {
    }

    // ------------------------------------------------------------------ 项目

    public record ProjectLine(String projectId, String unitId, String name, String category, int fiscalYear,
                              int projectCount, String initialWan, String carriedOverWan, String adjustedWan,
                              String budgetWan, String spentWan, String executionRate, String goalId,
                              String goalStatus) {
    }

    public record CategoryLine(String category, int count, int projectCount, String budgetWan, String spentWan,
                               String executionRate) {
    }

    public record Projects(int count, int projectCount, String initialWan, String budgetWan, String spentWan,
                           String executionRate, List<CategoryLine> byCategory, List<ProjectLine> items,
                           List<ReversalLine> reversals) {
    }

    /**
     * A 红字冲销 of one of the year's projects, beside the entry it reverses: the original's sequence number, event id
     * and kind (label), the amount in yuan, the reversal's date and reason, its event id and the subject id of who
     * recorded it ({@code reversedBy}; empty for the readers the gateway keeps out of project histories). The
     * project's figures exclude both.
     */
    public record ReversalLine(String projectId, String unitId, long originalSequence, String originalEventId,
                               String kind, String amount, LocalDate date, String reason, String eventId,
                               String reversedBy) {
        ReversalLine withoutActor() {
            return new ReversalLine(projectId, unitId, originalSequence, originalEventId, kind, amount, date, reason,
                    eventId, null);
        }
    }

    // ------------------------------------------------------------------ 预算绩效管理

    public record Performance(Goals goals, SelfEvaluations selfEvaluations, KeyEvaluations keyEvaluations,
                              ResultApplications resultApplications, Monitoring monitoring,
                              Rectifications rectifications) {
    }

    /**
     * 整改 of the items listed in the year's report (RectificationOpened.year), as of the report's instant:
     * {@code opened} items, {@code inProgress} (整改中 now), {@code done} (reported done: 已完成 or 已销号 now),
     * {@code signedOff} (已销号), {@code overdueNow} (逾期 now), {@code doneLate} (done after the deadline or after
     * being recorded overdue), {@code returned} (items returned at least once) and {@code returns} in total.
     */
    public record Rectifications(int opened, int open, int inProgress, int done, int signedOff, int overdueNow,
                                 int doneLate, int returned, int returns, List<RectificationLine> items) {
    }

    /**
     * One rectification item: its source (kind label and reference: the key evaluation and finding index, the goal
     * and deviation, or the disclosure finding), owner unit, measures, deadline, status (label), the instant it was
     * recorded overdue, the day it was reported done and whether late, the day it was signed off, and the subject ids
     * of who opened, completed and signed it off.
     */
    public record RectificationLine(String rectificationId, String sourceKind, String sourceReference, String problem,
                                    String ownerUnitId, String measures, LocalDate deadline, String status,
                                    Instant overdueSince, LocalDate doneOn, boolean late, LocalDate signedOn,
                                    int returns, String openedBy, String completedBy, String signedOffBy) {
        RectificationLine withoutActors() {
            return new RectificationLine(rectificationId, sourceKind, sourceReference, problem, ownerUnitId, measures,
                    deadline, status, overdueSince, doneOn, late, signedOn, returns, null, null, null);
        }
    }

    /**
     * 绩效目标: declared, approved, returned, published (listed in a standing GOALS package); 同步: budgeted
     * projects with an approved goal ({@code syncRate}) and with a published one ({@code publishedRate}).
     */
    public record Goals(int declared, int approved, int returned, int published, int projectGoals, int unitGoals,
                        int budgetedProjects, int budgetedWithApprovedGoal, String syncRate,
                        int budgetedWithPublishedGoal, String publishedRate,
                        List<String> budgetedWithoutApprovedGoal) {
    }

    public record GradeCount(String grade, int count) {
    }

    /**
     * A self-evaluation as last submitted, with its review: {@code reviewStatus} 待审核, 已退回, 已采纳 or 已抽查
     * ({@link ReviewStatus}); {@code acceptedScore} and {@code acceptedGrade} once FINANCE accepted it.
     */
    public record SelfEvaluationLine(String evaluationId, String goalId, String scope, String unitId, String projectId,
                                     String totalScore, String grade, String executionRate, String ruleVersion,
                                     String reviewStatus, String acceptedScore, String acceptedGrade) {
    }

    /**
     * A spot-check (抽查) of an accepted self-evaluation: the unit's score as accepted, FINANCE's score and the
     * difference (FINANCE's − the unit's), two decimals.
     */
    public record SpotCheckLine(String evaluationId, String unitId, String projectId, String unitScore,
                                String financeScore, String difference) {
    }

    /**
     * 自评 of the year's goals: coverage = approved goals with a self-evaluation ÷ approved goals; {@code grades}
     * count each evaluation's accepted grade where it has one, else its submitted grade.
     * <p>
     * FINANCE's review (自评审核) of the year's self-evaluations: {@code submitted} evaluations, their
     * {@code resubmissions} after a return, {@code returned} evaluations (returned at least once) and {@code returns}
     * in total, {@code accepted}, {@code awaitingReview} (submitted, neither accepted nor returned since the last
     * submission), {@code spotChecked}, each spot-check's scores ({@code spotChecks}), the largest absolute difference
     * and the mean of the absolute differences (two decimals, HALF_UP; absent without spot-checks).
     */
    public record SelfEvaluations(int approvedGoals, int submitted, int goalsCovered, String coverage,
                                  List<GradeCount> grades, List<SelfEvaluationLine> items, int resubmissions,
                                  int returned, int returns, int accepted, int awaitingReview, int spotChecked,
                                  List<SpotCheckLine> spotChecks, String largestDifference, String meanDifference) {
        /** Whether FINANCE returned, accepted or spot-checked any of them. */
        public boolean reviewed() {
            return returned + accepted + spotChecked > 0;
        }
    }

    public record TypeCount(String type, int count, int projectCount, String amountWan) {
    }

    public record Subject(String projectId, String name, int fiscalYear, String budgetWan, String spentWan,
                          String executionRate) {
    }

    public record KeyEvaluationLine(String evaluationId, String type, String evaluator, int subjectYear,
                                    List<Subject> subjects, String subjectUnitId, int projectCount, String amountWan,
                                    String score, String grade, String ruleVersion) {
    }

    /** 重点评价 carried out in the report's year (KeyEvaluationCommissioned.year), whatever year they evaluate. */
    public record KeyEvaluations(int count, List<TypeCount> types, int projectsCovered, String amountWan,
                                 int completed, List<GradeCount> grades, List<KeyEvaluationLine> items) {
    }

    public record MeasureCount(String measure, int count, String budgetChangeWan) {
    }

    public record ResultApplicationLine(String eventId, String evaluationId, String evaluationKind, String projectId,
                                        int targetFiscalYear, String grade, String measure, String changeRatio,
                                        String budgetChangeWan, String adjustedWan, String ruleVersion) {
    }

    /** 结果应用 of the year's evaluations; {@code adjustedWan}: the BudgetAdjusted budget-service recorded for it. */
    public record ResultApplications(int count, List<MeasureCount> measures, String budgetChangeWan,
                                     String reductionWan, List<ResultApplicationLine> items) {
    }

    public record MonitoringLine(String observationId, String projectId, String mode, LocalDate periodFrom,
                                 LocalDate periodTo, String executionRate, String timeProgress, boolean deviation,
                                 boolean corrected, String ruleVersion) {
    }

    /** A budgeted project at the monitoring checkpoint, from the budget events dated up to it. */
    public record CheckpointLine(String projectId, String budgetWan, String spentToDateWan, String executionRate,
                                 String trailingPoints, boolean behind) {
    }

    /**
     * The checkpoint of the year by the district's settings: time progress = months ÷ 12; a project is behind
     * when its execution trails time progress by more than the tolerance; 财政重点监控 candidates by the
     * default rule (budget ≥ the minimum and execution below the maximum at the selection month's end).
     */
    public record Checkpoint(LocalDate date, String timeProgress, String tolerancePoints, List<CheckpointLine> projects,
                             List<String> behind, LocalDate keyMonitoringDate, String keyMonitoringMinBudgetWan,
                             String keyMonitoringMaxExecution, List<String> keyMonitoringCandidates) {
    }

    /** 绩效监控 recorded by evaluation-service, and the checkpoint computed from the budget events. */
    public record Monitoring(int projectsMonitored, int financeKey, int self, int observations, int deviationsRaised,
                             int deviationsCorrected, int deviationsOpen, List<MonitoringLine> items,
                             Checkpoint checkpoint, MonitoringDecisions decisions) {
    }

    /**
     * 监控结果处理 on the year's deviations: how many decisions, per kind (暂缓支付, 调整, 收回, 恢复支付, each with its
     * count and the budget change it asked for in 万元), and the change in total.
     */
    public record MonitoringDecisions(int count, List<DecisionKindCount> kinds, String budgetChangeWan) {
    }

    public record DecisionKindCount(String kind, int count, String budgetChangeWan) {
    }

    // ------------------------------------------------------------------ summary and sentences

    /**
     * @param unsupportedSpendingWan 支出不实金额 as the records can show it: spending recorded beyond the full-year
     *                               budget of a project or of a unit's basic budget
     */
    public record Summary(String budgetWan, String spentWan, String executionRate, String unsupportedSpendingWan) {
    }

    /** Short sentences in the manner of the published district reports, per section. */
    public record Narrative(List<String> threePublic, List<String> transfers, List<String> debt,
                            List<String> performance, List<String> execution) {
    }
}
