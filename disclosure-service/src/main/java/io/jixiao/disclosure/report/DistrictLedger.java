package io.jixiao.disclosure.report;

import io.jixiao.disclosure.events.DisclosurePublished;
import io.jixiao.disclosure.events.DisclosureRetracted;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.events.budget.BasicBudgetAdjusted;
import io.jixiao.events.budget.BasicBudgetAppropriated;
import io.jixiao.events.budget.BasicExpenditureClass;
import io.jixiao.events.budget.BasicExpenditureRecorded;
import io.jixiao.events.budget.BondInterestPaid;
import io.jixiao.events.budget.BondIssued;
import io.jixiao.events.budget.BondKind;
import io.jixiao.events.budget.BondPrincipalRepaid;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.DebtBalanceOpened;
import io.jixiao.events.budget.DebtLimitSet;
import io.jixiao.events.budget.DebtType;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.EntryReversed;
import io.jixiao.events.budget.FundingFigures;
import io.jixiao.events.budget.MoneyEntryKind;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.events.budget.ThreePublicBudgeted;
import io.jixiao.events.budget.ThreePublicCategory;
import io.jixiao.events.budget.ThreePublicSpent;
import io.jixiao.events.budget.TransferKind;
import io.jixiao.events.budget.TransferReceived;
import io.jixiao.events.budget.UnitRegistered;
import io.jixiao.events.evaluation.CorrectiveActionRecorded;
import io.jixiao.events.evaluation.DeviationFlagged;
import io.jixiao.events.evaluation.EvaluationResultApplied;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.KeyEvaluationCommissioned;
import io.jixiao.events.evaluation.KeyEvaluationCompleted;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import io.jixiao.events.evaluation.MonitoringObservationRecorded;
import io.jixiao.events.evaluation.PerformanceGoalApproved;
import io.jixiao.events.evaluation.PerformanceGoalDeclared;
import io.jixiao.events.evaluation.PerformanceGoalReturned;
import io.jixiao.events.evaluation.PerformanceGoalRevised;
import io.jixiao.events.evaluation.RectificationCompleted;
import io.jixiao.events.evaluation.RectificationOpened;
import io.jixiao.events.evaluation.RectificationOverdue;
import io.jixiao.events.evaluation.RectificationProgressed;
import io.jixiao.events.evaluation.RectificationReturned;
import io.jixiao.events.evaluation.RectificationSignedOff;
import io.jixiao.events.evaluation.RectificationStatus;
import io.jixiao.events.evaluation.SelfEvaluationAccepted;
import io.jixiao.events.evaluation.SelfEvaluationReturned;
import io.jixiao.events.evaluation.SelfEvaluationSpotChecked;
import io.jixiao.events.evaluation.SelfEvaluationSubmitted;
import io.jixiao.support.consume.EventHandlers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The accumulator of the district fold: what a district's journal says, keyed by the ids the events carry.
 * Applying an event only adds it to the facts of its own aggregate (a project, a unit-year, a goal …), never
 * reads another's, so the result does not depend on how events of different aggregates interleave — the same
 * events give the same ledger whether read live, as of an instant, or after a rebuild. No Spring, no SQL.
 */
public final class DistrictLedger {
    static final ZoneId BUREAU_ZONE = io.jixiao.events.BureauTime.ZONE;
    private static final EventHandlers<DistrictLedger, JournalEvent> HANDLERS = handlers();

    private final Map<String, Unit> units = new TreeMap<>();
    private final Map<String, UnitYear> unitYears = new HashMap<>();
    private final Map<String, Project> projects = new TreeMap<>();
    private final Map<Integer, DistrictYear> years = new HashMap<>();
    private final Map<String, Goal> goals = new TreeMap<>();
    private final Map<String, SelfEvaluationSubmitted> selfEvaluations = new TreeMap<>();
    private final Map<String, SelfEvaluationReview> reviews = new HashMap<>();
    private final Map<String, KeyEvaluation> keyEvaluations = new TreeMap<>();
    private final Map<String, EvaluationResultApplied> resultApplications = new TreeMap<>();
    private final Map<String, Long> adjustmentsByCause = new HashMap<>();
    private final Map<String, MonitoringObservationRecorded> observations = new TreeMap<>();
    private final Map<String, DeviationFlagged> deviations = new TreeMap<>();
    private final Map<String, CorrectiveActionRecorded> corrections = new HashMap<>();
    /** 监控结果处理 by goal and decision id. */
    private final Map<String, MonitoringDecisionRecorded> monitoringDecisions = new TreeMap<>();
    private final Map<String, DisclosurePackageState> packages = new TreeMap<>();
    private final Map<String, Rectification> rectifications = new TreeMap<>();
    private long events;
    private long unusable;
    private Instant lastEventAt;

    /**
     * Adds one event; events of types the fold does not use only count. An event whose content the fold cannot
     * use (e.g. a category missing) is counted as unusable instead of failing the whole report.
     */
    public void apply(JournalEvent event) {
        events++;
        if (lastEventAt == null || event.occurredAt().isAfter(lastEventAt)) {
            lastEventAt = event.occurredAt();
        }
        try {
            HANDLERS.apply(this, event.payload(), event);
        } catch (RuntimeException e) {
            unusable++;
        }
    }

    // ---------------------------------------------------------------- what the ledger holds

    /** A registered budget unit. */
    public record Unit(String unitId, String name, boolean aggregate, Integer staffingAuthorized,
                       Integer staffingActual) {
    }

    /** One unit's year: basic budget and spending, 三公经费. */
    public static final class UnitYear {
        private final String unitId;
        private final int year;
        private long basicAppropriated;
        private long basicAdjusted;
        private long personnelSpent;
        private long publicSpent;
        private final Map<ThreePublicCategory, Long> threePublicBudget = new EnumMap<>(ThreePublicCategory.class);
        private final Map<ThreePublicCategory, Long> threePublicSpent = new EnumMap<>(ThreePublicCategory.class);

        UnitYear(String unitId, int year) {
            this.unitId = unitId;
            this.year = year;
        }

        public String unitId() {
            return unitId;
        }

        public int year() {
            return year;
        }

        public long basicAppropriated() {
            return basicAppropriated;
        }

        public long basicAdjusted() {
            return basicAdjusted;
        }

        public long basicBudget() {
            return basicAppropriated + basicAdjusted;
        }

        public long personnelSpent() {
            return personnelSpent;
        }

        public long publicSpent() {
            return publicSpent;
        }

        public long basicSpent() {
            return personnelSpent + publicSpent;
        }

        public long threePublicBudget(ThreePublicCategory category) {
            return threePublicBudget.getOrDefault(category, 0L);
        }

        public long threePublicSpent(ThreePublicCategory category) {
            return threePublicSpent.getOrDefault(category, 0L);
        }
    }

    /** An amount on a date. */
    public record Dated(LocalDate date, long fen) {
    }

    /** A reversing entry (红字冲销) with its event id and who recorded it (the event's metadata actor). */
    public record Reversal(EntryReversed entry, String eventId, String actor) {
    }

    /** One project's funding. */
    public static final class Project {
        private final String projectId;
        private ProjectRegistered registration;
        private FundingFigures money = FundingFigures.NONE;
        private LocalDate firstAppropriationDate;
        private final List<Dated> expenditures = new ArrayList<>();
        private final List<Reversal> reversals = new ArrayList<>();

        Project(String projectId) {
            this.projectId = projectId;
        }

        private void moved(Object moneyEvent) {
            money = money.after(moneyEvent);
        }

        /** The projects' money together, column by column. */
        public static FundingFigures sum(Iterable<Project> projects) {
            long appropriated = 0;
            long carriedOver = 0;
            long adjusted = 0;
            long spent = 0;
            for (Project p : projects) {
                appropriated += p.appropriated();
                carriedOver += p.carriedOver();
                adjusted += p.adjusted();
                spent += p.spent();
            }
            return new FundingFigures(appropriated, carriedOver, adjusted, spent);
        }

        public String projectId() {
            return projectId;
        }

        /** Its 红字冲销, in the order recorded. */
        public List<Reversal> reversals() {
            return List.copyOf(reversals);
        }

        /** Empty until its {@code ProjectRegistered} was seen. */
        public Optional<ProjectRegistered> registration() {
            return Optional.ofNullable(registration);
        }

        public String unitId() {
            return registration == null ? null : registration.unitId();
        }

        public int fiscalYear() {
            return registration == null ? Integer.MIN_VALUE : registration.fiscalYear();
        }

        public int projectCount() {
            return registration == null ? 1 : Math.max(1, registration.projectCount());
        }

        /** Its money, folded by the published language's one definition. */
        public FundingFigures money() {
            return money;
        }

        /** 年初预算: the appropriations. */
        public long appropriated() {
            return money.appropriated();
        }

        public long carriedOver() {
            return money.carriedOver();
        }

        public long adjusted() {
            return money.adjusted();
        }

        /** 全年预算 ({@link FundingFigures#budget()}). */
        public long budget() {
            return money.budget();
        }

        public long spent() {
            return money.spent();
        }

        /** A budgeted project has an appropriation (年初预算) this year. */
        public boolean budgeted() {
            return money.appropriated() > 0;
        }

        /** The date of its first appropriation: the budget approval (批复) as far as the records tell. */
        public Optional<LocalDate> firstAppropriationDate() {
            return Optional.ofNullable(firstAppropriationDate);
        }

        /** Spending dated on or before {@code day}. */
        public long spentBy(LocalDate day) {
            long sum = 0;
            for (Dated d : expenditures) {
                if (!d.date().isAfter(day)) {
                    sum += d.fen();
                }
            }
            return sum;
        }
    }

    /** The district's own year: transfers received and debt. */
    public static final class DistrictYear {
        private final int year;
        private final Map<TransferKind, Long> transfers = new EnumMap<>(TransferKind.class);
        private boolean transfersRecorded;
        private boolean threePublicRecorded;
        private boolean debtRecorded;
        private final Map<DebtType, Long> opening = new EnumMap<>(DebtType.class);
        private final Map<DebtType, Long> limit = new EnumMap<>(DebtType.class);
        private final Map<DebtType, Long> principal = new EnumMap<>(DebtType.class);
        private final Map<DebtType, Long> interest = new EnumMap<>(DebtType.class);
        private final Map<String, BondIssued> bonds = new TreeMap<>();

        DistrictYear(int year) {
            this.year = year;
        }

        public int year() {
            return year;
        }

        public long transfer(TransferKind kind) {
            return transfers.getOrDefault(kind, 0L);
        }

        public boolean transfersRecorded() {
            return transfersRecorded;
        }

        public boolean threePublicRecorded() {
            return threePublicRecorded;
        }

        public boolean debtRecorded() {
            return debtRecorded;
        }

        /** The opening balance recorded for the year, if one was. */
        public Optional<Long> opening(DebtType type) {
            return Optional.ofNullable(opening.get(type));
        }

        public Optional<Long> limit(DebtType type) {
            return Optional.ofNullable(limit.get(type));
        }

        public long bonds(DebtType type, BondKind kind) {
            long sum = 0;
            for (BondIssued bond : bonds.values()) {
                if (bond.type() == type && bond.kind() == kind) {
                    sum += bond.amountFen();
                }
            }
            return sum;
        }

        public long principal(DebtType type) {
            return principal.getOrDefault(type, 0L);
        }

        public long interest(DebtType type) {
            return interest.getOrDefault(type, 0L);
        }

        public Collection<BondIssued> bondList() {
            return Collections.unmodifiableCollection(bonds.values());
        }
    }

    /** Where a goal stands. */
    public enum GoalStatus { DECLARED, APPROVED, RETURNED }

    /** A performance goal (绩效目标). */
    public static final class Goal {
        private final String goalId;
        private GoalScope scope;
        private String projectId;
        private String unitId;
        private int fiscalYear = Integer.MIN_VALUE;
        private long amountFen;
        private Long declaredProjectSpendingFen;
        private boolean declared;
        private GoalStatus status = GoalStatus.DECLARED;
        private LocalDate approvedOn;

        Goal(String goalId) {
            this.goalId = goalId;
        }

        public String goalId() {
            return goalId;
        }

        public GoalScope scope() {
            return scope;
        }

        public String projectId() {
            return projectId;
        }

        public String unitId() {
            return unitId;
        }

        public int fiscalYear() {
            return fiscalYear;
        }

        public long amountFen() {
            return amountFen;
        }

        public Optional<Long> declaredProjectSpendingFen() {
            return Optional.ofNullable(declaredProjectSpendingFen);
        }

        public boolean declared() {
            return declared;
        }

        public GoalStatus status() {
            return status;
        }

        public boolean approved() {
            return status == GoalStatus.APPROVED;
        }

        public Optional<LocalDate> approvedOn() {
            return Optional.ofNullable(approvedOn);
        }
    }

    /** A key evaluation: commissioned, and completed once its grade is known. */
    public static final class KeyEvaluation {
        private final String evaluationId;
        private KeyEvaluationCommissioned commissioned;
        private KeyEvaluationCompleted completed;

        KeyEvaluation(String evaluationId) {
            this.evaluationId = evaluationId;
        }

        public String evaluationId() {
            return evaluationId;
        }

        public Optional<KeyEvaluationCommissioned> commissioned() {
            return Optional.ofNullable(commissioned);
        }

        public Optional<KeyEvaluationCompleted> completed() {
            return Optional.ofNullable(completed);
        }
    }

    /**
     * FINANCE's review of one self-evaluation (自评审核) as far as the events went: how often it was submitted and
     * returned, whether the last submission was returned, its acceptance and its spot-check.
     */
    public static final class SelfEvaluationReview {
        private final String evaluationId;
        private int submissions;
        private int returns;
        private boolean returnedSinceSubmission;
        private SelfEvaluationAccepted accepted;
        private SelfEvaluationSpotChecked spotCheck;

        SelfEvaluationReview(String evaluationId) {
            this.evaluationId = evaluationId;
        }

        public String evaluationId() {
            return evaluationId;
        }

        /** Submissions of the evaluation: the first and each resubmission after a return. */
        public int submissions() {
            return submissions;
        }

        /** Returns (退回) in total. */
        public int returns() {
            return returns;
        }

        public Optional<SelfEvaluationAccepted> accepted() {
            return Optional.ofNullable(accepted);
        }

        public Optional<SelfEvaluationSpotChecked> spotCheck() {
            return Optional.ofNullable(spotCheck);
        }

        /** Spot-checked, accepted, returned since its last submission, or waiting for review. */
        public ReviewStatus status() {
            if (spotCheck != null) {
                return ReviewStatus.SPOT_CHECKED;
            }
            if (accepted != null) {
                return ReviewStatus.ACCEPTED;
            }
            return returnedSinceSubmission ? ReviewStatus.RETURNED : ReviewStatus.AWAITING_REVIEW;
        }
    }

    /**
     * A rectification item (整改) as far as its events went: the opening, the status its last event carried, when it
     * was recorded overdue, its last completion (done on, late), how often it was returned, its sign-off, and who
     * opened, completed and signed it off (the subject ids of the events' metadata).
     */
    public static final class Rectification {
        private final String rectificationId;
        private RectificationOpened opened;
        private String openedBy;
        private RectificationStatus status;
        private int year;
        private String ownerUnitId;
        private RectificationOverdue overdue;
        private RectificationCompleted completed;
        private String completedBy;
        private int returns;
        private RectificationSignedOff signedOff;
        private String signedOffBy;

        Rectification(String rectificationId) {
            this.rectificationId = rectificationId;
        }

        public String rectificationId() {
            return rectificationId;
        }

        /** Empty when the journal holds later acts of an item but not its opening. */
        public Optional<RectificationOpened> opened() {
            return Optional.ofNullable(opened);
        }

        public String openedBy() {
            return openedBy;
        }

        /** The status carried by the item's last event. */
        public RectificationStatus status() {
            return status;
        }

        public int year() {
            return year;
        }

        public String ownerUnitId() {
            return ownerUnitId;
        }

        public Optional<RectificationOverdue> overdue() {
            return Optional.ofNullable(overdue);
        }

        /** The last completion reported; it stays after a return (the return is counted in {@link #returns()}). */
        public Optional<RectificationCompleted> completed() {
            return Optional.ofNullable(completed);
        }

        public String completedBy() {
            return completedBy;
        }

        /** Returns (退回) by the finance bureau. */
        public int returns() {
            return returns;
        }

        public Optional<RectificationSignedOff> signedOff() {
            return Optional.ofNullable(signedOff);
        }

        public String signedOffBy() {
            return signedOffBy;
        }

        private Rectification at(RectificationStatus status, int year, String ownerUnitId) {
            this.status = status;
            this.year = year;
            this.ownerUnitId = ownerUnitId;
            return this;
        }
    }

    /** A disclosure package as published (and retracted, if it was). */
    public static final class DisclosurePackageState {
        private final String packageId;
        private DisclosurePublished published;
        private Instant publishedAt;
        private DisclosureRetracted retracted;
        private Instant retractedAt;

        DisclosurePackageState(String packageId) {
            this.packageId = packageId;
        }

        public String packageId() {
            return packageId;
        }

        public Optional<DisclosurePublished> published() {
            return Optional.ofNullable(published);
        }

        public Instant publishedAt() {
            return publishedAt;
        }

        public Optional<DisclosureRetracted> retracted() {
            return Optional.ofNullable(retracted);
        }

        public Instant retractedAt() {
            return retractedAt;
        }

        /** Published and not retracted: its tables count as published. */
        public boolean standing() {
            return published != null && retracted == null;
        }
    }

    // ---------------------------------------------------------------- read access

    public long events() {
        return events;
    }

    /** Events the fold could not use (see {@link #apply}). */
    public long unusable() {
        return unusable;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }

    /** The fiscal years with a project or a unit's budget or spending. */
    public java.util.SortedSet<Integer> fiscalYears() {
        java.util.SortedSet<Integer> found = new java.util.TreeSet<>();
        projects.values().stream().filter(p -> p.registration().isPresent()).forEach(p -> found.add(p.fiscalYear()));
        unitYears.values().forEach(u -> found.add(u.year()));
        return found;
    }

    public Map<String, Unit> units() {
        return Collections.unmodifiableMap(units);
    }

    public String unitName(String unitId) {
        Unit unit = units.get(unitId);
        return unit == null || unit.name() == null ? unitId : unit.name();
    }

    public Optional<UnitYear> unitYear(String unitId, int year) {
        return Optional.ofNullable(unitYears.get(unitId + "\u0000" + year));
    }

    public List<UnitYear> unitYears(int year) {
        List<UnitYear> list = new ArrayList<>();
        for (UnitYear uy : unitYears.values()) {
            if (uy.year == year) {
                list.add(uy);
            }
        }
        list.sort(java.util.Comparator.comparing(UnitYear::unitId));
        return list;
    }

    public Map<String, Project> projects() {
        return Collections.unmodifiableMap(projects);
    }

    /** Registered projects of a fiscal year, by id. */
    public List<Project> projectsOf(int year) {
        List<Project> list = new ArrayList<>();
        for (Project p : projects.values()) {
            if (p.registration != null && p.registration.fiscalYear() == year) {
                list.add(p);
            }
        }
        return list;
    }

    public Optional<DistrictYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public Map<String, Goal> goals() {
        return Collections.unmodifiableMap(goals);
    }

    public Map<String, SelfEvaluationSubmitted> selfEvaluations() {
        return Collections.unmodifiableMap(selfEvaluations);
    }

    /** The review of a self-evaluation, by its id (empty before its first event). */
    public Optional<SelfEvaluationReview> review(String evaluationId) {
        return Optional.ofNullable(reviews.get(evaluationId));
    }

    /** The rectification items (整改), by id. */
    public Map<String, Rectification> rectifications() {
        return Collections.unmodifiableMap(rectifications);
    }

    public Map<String, KeyEvaluation> keyEvaluations() {
        return Collections.unmodifiableMap(keyEvaluations);
    }

    /** Result applications by the id of the event that recorded them. */
    public Map<String, EvaluationResultApplied> resultApplications() {
        return Collections.unmodifiableMap(resultApplications);
    }

    /** The budget adjustments budget-service recorded in answer to an event (by that event's id). */
    public Optional<Long> adjustmentCausedBy(String eventId) {
        return Optional.ofNullable(adjustmentsByCause.get(eventId));
    }

    public Map<String, MonitoringObservationRecorded> observations() {
        return Collections.unmodifiableMap(observations);
    }

    public Map<String, DeviationFlagged> deviations() {
        return Collections.unmodifiableMap(deviations);
    }

    public Optional<CorrectiveActionRecorded> correctionOf(String deviationId) {
        return Optional.ofNullable(corrections.get(deviationId));
    }

    /** 监控结果处理: every decision on a deviation, by goal and decision id. */
    public Map<String, MonitoringDecisionRecorded> monitoringDecisions() {
        return Collections.unmodifiableMap(monitoringDecisions);
    }

    public Map<String, DisclosurePackageState> packages() {
        return Collections.unmodifiableMap(packages);
    }

    // ---------------------------------------------------------------- the fold's steps

    private UnitYear touchUnitYear(String unitId, int year) {
        return unitYears.computeIfAbsent(unitId + "\u0000" + year, k -> new UnitYear(unitId, year));
    }

    private DistrictYear districtYear(int year) {
        return years.computeIfAbsent(year, DistrictYear::new);
    }

    private Project project(String projectId) {
        return projects.computeIfAbsent(projectId, Project::new);
    }

    private Goal goal(String goalId) {
        return goals.computeIfAbsent(goalId, Goal::new);
    }

    private SelfEvaluationReview review(String evaluationId, JournalEvent event) {
        return reviews.computeIfAbsent(evaluationId != null ? evaluationId : event.eventId(), SelfEvaluationReview::new);
    }

    private Rectification rectification(String rectificationId, JournalEvent event, RectificationStatus status,
                                        int year, String ownerUnitId) {
        return rectifications.computeIfAbsent(rectificationId != null ? rectificationId : event.eventId(),
                Rectification::new).at(status, year, ownerUnitId);
    }

    private static LocalDate dayOf(LocalDate date, JournalEvent event) {
        return date != null ? date : event.occurredAt().atZone(BUREAU_ZONE).toLocalDate();
    }

    /** The ledger's handler of each event class it uses (the published language's records and its own). */
    private static EventHandlers<DistrictLedger, JournalEvent> handlers() {
        EventHandlers.Builder<DistrictLedger, JournalEvent> m = EventHandlers.builder();
        m.on(UnitRegistered.class, (l, e, ev) -> l.units.put(e.unitId(),
                new Unit(e.unitId(), e.name(), e.aggregate(), e.staffingAuthorized(), e.staffingActual())));
        m.on(BasicBudgetAppropriated.class, (l, e, ev) -> l.touchUnitYear(e.unitId(), e.fiscalYear())
                .basicAppropriated += e.amountFen());
        m.on(BasicBudgetAdjusted.class, (l, e, ev) -> l.touchUnitYear(e.unitId(), e.fiscalYear())
                .basicAdjusted += e.amountFen());
        m.on(BasicExpenditureRecorded.class, (l, e, ev) -> {
            UnitYear uy = l.touchUnitYear(e.unitId(), e.fiscalYear());
            if (e.expenditureClass() == BasicExpenditureClass.PUBLIC) {
                uy.publicSpent += e.amountFen();
            } else {
                uy.personnelSpent += e.amountFen();
            }
        });
        m.on(ThreePublicBudgeted.class, (l, e, ev) -> {
            l.touchUnitYear(e.unitId(), e.fiscalYear()).threePublicBudget.put(e.category(), e.amountFen());
            l.districtYear(e.fiscalYear()).threePublicRecorded = true;
        });
        m.on(ThreePublicSpent.class, (l, e, ev) -> {
            l.touchUnitYear(e.unitId(), e.fiscalYear()).threePublicSpent.merge(e.category(), e.amountFen(), Long::sum);
            l.districtYear(e.fiscalYear()).threePublicRecorded = true;
        });
        m.on(ProjectRegistered.class, (l, e, ev) -> l.project(e.projectId()).registration = e);
        m.on(BudgetAppropriated.class, (l, e, ev) -> {
            Project p = l.project(e.projectId());
            p.moved(e);
            LocalDate day = dayOf(e.date(), ev);
            if (p.firstAppropriationDate == null || day.isBefore(p.firstAppropriationDate)) {
                p.firstAppropriationDate = day;
            }
        });
        m.on(FundsCarriedOver.class, (l, e, ev) -> l.project(e.projectId()).moved(e));
        m.on(BudgetAdjusted.class, (l, e, ev) -> {
            l.project(e.projectId()).moved(e);
            if (e.causeEventId() != null) {
                l.adjustmentsByCause.merge(e.causeEventId(), e.amountFen(), Long::sum);
            }
        });
        m.on(ExpenditureRecorded.class, (l, e, ev) -> {
            Project p = l.project(e.projectId());
            p.moved(e);
            p.expenditures.add(new Dated(dayOf(e.date(), ev), e.amountFen()));
        });
        m.on(EntryReversed.class, (l, e, ev) -> {
            Project p = l.project(e.projectId());
            p.moved(e);
            p.reversals.add(new Reversal(e, ev.eventId(), ev.actor()));
            if (e.kind() == MoneyEntryKind.EXPENDITURE) {
                // 红字冲销 of a payment: booked on the reversal's date, so execution before it still shows the payment
                p.expenditures.add(new Dated(dayOf(e.date(), ev), -e.amountFen()));
            }
        });
        m.on(TransferReceived.class, (l, e, ev) -> {
            DistrictYear dy = l.districtYear(e.fiscalYear());
            dy.transfers.merge(e.kind(), e.amountFen(), Long::sum);
            dy.transfersRecorded = true;
        });
        m.on(DebtBalanceOpened.class, (l, e, ev) -> {
            DistrictYear dy = l.districtYear(e.fiscalYear());
            dy.opening.put(e.type(), e.amountFen());
            dy.debtRecorded = true;
        });
        m.on(DebtLimitSet.class, (l, e, ev) -> l.districtYear(e.fiscalYear()).limit.put(e.type(), e.amountFen()));
        m.on(BondIssued.class, (l, e, ev) -> {
            DistrictYear dy = l.districtYear(e.fiscalYear());
            dy.bonds.put(e.bondId() != null ? e.bondId() : ev.eventId(), e);
            dy.debtRecorded = true;
        });
        m.on(BondPrincipalRepaid.class, (l, e, ev) -> {
            DistrictYear dy = l.districtYear(e.fiscalYear());
            dy.principal.merge(e.type(), e.amountFen(), Long::sum);
            dy.debtRecorded = true;
        });
        m.on(BondInterestPaid.class, (l, e, ev) -> l.districtYear(e.fiscalYear()).interest
                .merge(e.type(), e.amountFen(), Long::sum));
        m.on(PerformanceGoalDeclared.class, (l, e, ev) -> {
            Goal g = l.goal(e.goalId());
            g.declared = true;
            g.scope = e.scope();
            g.projectId = e.projectId();
            g.unitId = e.unitId();
            g.fiscalYear = e.fiscalYear();
            g.amountFen = e.amountFen();
            g.declaredProjectSpendingFen = e.declaredProjectSpendingFen();
        });
        m.on(PerformanceGoalRevised.class, (l, e, ev) -> {
            Goal g = l.goal(e.goalId());
            g.amountFen = e.amountFen();
            g.declaredProjectSpendingFen = e.declaredProjectSpendingFen();
        });
        m.on(PerformanceGoalApproved.class, (l, e, ev) -> {
            Goal g = l.goal(e.goalId());
            g.status = GoalStatus.APPROVED;
            g.approvedOn = dayOf(e.approvedOn(), ev);
            g.scope = g.scope != null ? g.scope : e.scope();
            g.projectId = g.projectId != null ? g.projectId : e.projectId();
            g.unitId = g.unitId != null ? g.unitId : e.unitId();
            g.fiscalYear = g.fiscalYear != Integer.MIN_VALUE ? g.fiscalYear : e.fiscalYear();
            g.amountFen = e.amountFen() != 0 ? e.amountFen() : g.amountFen;
        });
        m.on(PerformanceGoalReturned.class, (l, e, ev) -> l.goal(e.goalId()).status = GoalStatus.RETURNED);
        m.on(MonitoringObservationRecorded.class, (l, e, ev) -> l.observations.put(
                e.observationId() != null ? e.observationId() : ev.eventId(), e));
        m.on(DeviationFlagged.class, (l, e, ev) -> l.deviations.put(
                e.deviationId() != null ? e.deviationId() : ev.eventId(), e));
        m.on(CorrectiveActionRecorded.class, (l, e, ev) -> {
            if (e.deviationId() != null) {
                l.corrections.put(e.deviationId(), e);
            }
        });
        m.on(MonitoringDecisionRecorded.class, (l, e, ev) -> l.monitoringDecisions.put(e.goalId() + "/" + e.decisionId(),
                e));
        m.on(SelfEvaluationSubmitted.class, (l, e, ev) -> {
            l.selfEvaluations.put(e.evaluationId() != null ? e.evaluationId() : ev.eventId(), e);
            SelfEvaluationReview r = l.review(e.evaluationId(), ev);
            r.submissions++;
            r.returnedSinceSubmission = false;
        });
        m.on(SelfEvaluationReturned.class, (l, e, ev) -> {
            SelfEvaluationReview r = l.review(e.evaluationId(), ev);
            r.returns++;
            r.returnedSinceSubmission = true;
        });
        m.on(SelfEvaluationAccepted.class, (l, e, ev) -> l.review(e.evaluationId(), ev).accepted = e);
        m.on(SelfEvaluationSpotChecked.class, (l, e, ev) -> l.review(e.evaluationId(), ev).spotCheck = e);
        m.on(KeyEvaluationCommissioned.class, (l, e, ev) -> l.keyEvaluations
                .computeIfAbsent(e.evaluationId(), KeyEvaluation::new).commissioned = e);
        m.on(KeyEvaluationCompleted.class, (l, e, ev) -> l.keyEvaluations
                .computeIfAbsent(e.evaluationId(), KeyEvaluation::new).completed = e);
        m.on(EvaluationResultApplied.class, (l, e, ev) -> l.resultApplications.put(ev.eventId(), e));
        m.on(RectificationOpened.class, (l, e, ev) -> {
            Rectification r = l.rectification(e.rectificationId(), ev, e.status(), e.year(), e.ownerUnitId());
            r.opened = e;
            r.openedBy = ev.actor();
        });
        m.on(RectificationProgressed.class, (l, e, ev) -> l.rectification(e.rectificationId(), ev, e.status(),
                e.year(), e.ownerUnitId()));
        m.on(RectificationOverdue.class, (l, e, ev) -> l.rectification(e.rectificationId(), ev, e.status(),
                e.year(), e.ownerUnitId()).overdue = e);
        m.on(RectificationCompleted.class, (l, e, ev) -> {
            Rectification r = l.rectification(e.rectificationId(), ev, e.status(), e.year(), e.ownerUnitId());
            r.completed = e;
            r.completedBy = ev.actor();
        });
        m.on(RectificationReturned.class, (l, e, ev) -> l.rectification(e.rectificationId(), ev, e.status(),
                e.year(), e.ownerUnitId()).returns++);
        m.on(RectificationSignedOff.class, (l, e, ev) -> {
            Rectification r = l.rectification(e.rectificationId(), ev, e.status(), e.year(), e.ownerUnitId());
            r.signedOff = e;
            r.signedOffBy = ev.actor();
        });
        m.on(DisclosurePublished.class, (l, e, ev) -> {
            DisclosurePackageState p = l.packages.computeIfAbsent(e.packageId(), DisclosurePackageState::new);
            p.published = e;
            p.publishedAt = ev.occurredAt();
        });
        m.on(DisclosureRetracted.class, (l, e, ev) -> {
            DisclosurePackageState p = l.packages.computeIfAbsent(e.packageId(), DisclosurePackageState::new);
            p.retracted = e;
            p.retractedAt = ev.occurredAt();
        });
        return m.build();
    }
}
