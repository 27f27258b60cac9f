package io.jixiao.budget.project;

import io.jixiao.events.budget.FundingFigures;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.jixiao.budget.common.KnownUnits;
import io.jixiao.budget.common.AppliedRequests;
import io.jixiao.budget.common.CommandLine;
import io.jixiao.budget.common.LineOutcome;
import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.common.Rules;
import io.jixiao.budget.project.ProjectCommands.AdjustBudget;
import io.jixiao.budget.project.ProjectCommands.AppropriateBudget;
import io.jixiao.budget.project.ProjectCommands.CarryOverFunds;
import io.jixiao.budget.project.ProjectCommands.RecordExpenditure;
import io.jixiao.budget.project.ProjectCommands.RecordProjectLines;
import io.jixiao.budget.project.ProjectCommands.RegisterProject;
import io.jixiao.budget.project.ProjectCommands.ReverseEntry;
import io.jixiao.budget.project.ProjectCommands.SetPaymentsSuspended;
import java.time.LocalDate;
import io.jixiao.events.Money;
import io.jixiao.events.budget.BudgetAdjusted;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.EntryReversed;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundsCarriedOver;
import io.jixiao.events.budget.MoneyEntryKind;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.NotFound;
import io.jixiao.support.domain.NotYetKnown;
import io.jixiao.support.domain.RequestKey;
import io.jixiao.support.domain.RuleViolation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One project's funding. Command handlers check the rules and {@code apply}; event-sourcing handlers
 * only assign. Rules: the project's unit is registered in its district; the budget never goes below what
 * was spent; spending never exceeds what is available; amounts are positive where they must be; dates
 * fall in the project's fiscal year; an appropriation needs an approved performance goal where the
 * district requires one; one evaluation result (cause event) adjusts the budget at most once; a money entry is
 * reversed (红字冲销) at most once, and only a money entry, and not below what was spent.
 *
 * <p>Revision 2 remembers every money entry for reversals; revision 3 keeps what it applied in one
 * {@link AppliedRequests}; revision 4 knows whether payments are suspended (暂缓支付). Snapshots of an earlier
 * revision have another shape and are not used.
 */
@Revision("4")
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger", cache = "projectCache")
@SnapshotState
public class Project {
    @AggregateIdentifier
    private String projectKey;
    private ProjectRegistered registration;
    private String previousProjectId;
    private FundingFigures figures = FundingFigures.NONE;
    private AppliedRequests applied = new AppliedRequests();
    /**
     * Cause event id (an EvaluationResultApplied or MonitoringDecisionRecorded) → the sequence of the adjustment,
     * suspension or resumption it caused.
     */
    private Map<String, Long> causes = new HashMap<>();
    /** 暂缓支付 in force: expenditure is refused (PAYMENTS_SUSPENDED) until 恢复支付. */
    private boolean paymentsSuspended;
    /** Money entries by sequence number: what a reversal needs of its original. */
    private Map<Long, MoneyEntry> entries = new HashMap<>();
    /** Original sequence → the sequence of its reversal. */
    private Map<Long, Long> reversals = new HashMap<>();

    protected Project() {
        // for Axon
    }

    /**
     * Registering again with the same facts is a no-op (false); with other facts it is a conflict. The unit
     * must be registered in the district. A link to the previous year's project may be added later.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RegisterProject command, KnownUnits units) {
        return register(command, units, RequestKey.NONE);
    }

    /** As {@link #handle(RegisterProject, KnownUnits)}; the events carry {@code request} (a bulk import's line). */
    private boolean register(RegisterProject command, KnownUnits units, RequestKey request) {
        MetaData lineMetaData = MetaData.from(request.metaData());
        ProjectRegistered event = new ProjectRegistered(command.districtCode(), command.projectId(), command.unitId(),
                command.name(), command.category(), command.fiscalYear(), command.projectCount());
        String link = command.previousProjectId();
        if (link != null && link.equals(command.projectId())) {
            throw new RuleViolation("PREVIOUS_PROJECT_IS_ITSELF", "previousProjectId",
                    "a project cannot continue itself");
        }
        if (registration != null) {
            if (!registration.equals(event) || (link != null && previousProjectId != null
                    && !link.equals(previousProjectId))) {
                throw new Conflict("PROJECT_ID_TAKEN", "project '" + command.projectId() + "' is already registered in "
                        + command.districtCode() + " with other details");
            }
            if (link == null || link.equals(previousProjectId)) {
                return false;
            }
            apply(new PreviousYearProjectLinked(command.districtCode(), command.projectId(), link), lineMetaData);
            return true;
        }
        if (!units.isRegistered(command.districtCode(), command.unitId())) {
            throw new RuleViolation("UNKNOWN_UNIT", "unitId", "no unit '" + command.unitId()
                    + "' is registered in district " + command.districtCode());
        }
        apply(event, lineMetaData);
        if (link != null) {
            apply(new PreviousYearProjectLinked(command.districtCode(), command.projectId(), link), lineMetaData);
        }
        return true;
    }

    @CommandHandler
    public Recorded handle(AppropriateBudget command, GoalRegister goals, RequestKey request) {
        return appropriate(command, goals, request);
    }

    @CommandHandler
    public Recorded handle(AdjustBudget command, RequestKey request) {
        return adjust(command, request);
    }

    @CommandHandler
    public Recorded handle(CarryOverFunds command, RequestKey request) {
        return carryOver(command, request);
    }

    @CommandHandler
    public Recorded handle(RecordExpenditure command, RequestKey request) {
        return spend(command, request);
    }

    /**
     * 暂缓支付 / 恢复支付 decided by the finance bureau on a monitoring deviation: once per cause event (a redelivered
     * decision answers the recorded sequence).
     */
    @CommandHandler
    public Recorded handle(SetPaymentsSuspended command) {
        if (causes.containsKey(command.causeEventId())) {
            return new Recorded(causes.get(command.causeEventId()), true);
        }
        LocalDate date = Rules.dateOrToday(command.date());
        return applied.record(command.suspend()
                ? new PaymentsSuspended(districtCode(), projectId(), command.decisionId(), command.reason(), date,
                command.causeEventId())
                : new PaymentsResumed(districtCode(), projectId(), command.decisionId(), command.reason(), date,
                command.causeEventId()));
    }

    /**
     * 红字冲销: reverses one money entry (appropriation, adjustment, carry-over, expenditure), naming it by its
     * sequence number. The original stays; the figures exclude both.
     */
    @CommandHandler
    public Recorded handle(ReverseEntry command, RequestKey request) {
        return applied.unlessReplay(request, () -> {
            long original = command.originalSequence();
            if (reversals.containsKey(original)) {
                throw new RuleViolation("ALREADY_REVERSED", "originalSequence", "entry " + original
                        + " was already reversed by entry " + reversals.get(original));
            }
            MoneyEntry entry = entries.get(original);
            if (entry == null) {
                throw original >= 0 && original <= applied.lastSequence()
                        ? new RuleViolation("NOT_A_MONEY_ENTRY", "originalSequence", "entry " + original + " is not "
                        + "an appropriation, adjustment, carry-over or expenditure and cannot be reversed")
                        : new RuleViolation("UNKNOWN_ENTRY", "originalSequence", "project '" + projectId()
                        + "' has no entry " + original);
            }
            EntryReversed event = new EntryReversed(districtCode(), projectId(), original, entry.eventId(),
                    entry.kind(), entry.amountFen(), command.reason(), Rules.dateOrToday(command.date()));
            FundingFigures after = figures.after(event);
            if (after.budget() < after.spent()) {
                throw new RuleViolation("BUDGET_BELOW_SPENT", "originalSequence", "without entry " + original
                        + " the budget would be " + Money.yuan(after.budget()) + " yuan, below the "
                        + Money.yuan(after.spent()) + " yuan already spent");
            }
            return applied.record(event, request);
        });
    }

    /**
     * A bulk import's lines for this project, in file order and in one unit of work: its registration (which may
     * create the project) and its money lines. Each line goes through the same rules as its own command would,
     * against the figures the lines before it left; a line refused by a rule (or reusing a request id for other
     * content) records nothing and the next one goes on. A money line before the project is registered is refused
     * as not found; when no line of a new project was recorded, nothing is stored ({@link LineOutcome#each}).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<LineOutcome> handle(RecordProjectLines command, GoalRegister goals, KnownUnits units) {
        return LineOutcome.each(command.lines(), line -> recordLine(command.projectKey(), line, goals, units),
                () -> registration == null);
    }

    private Recorded recordLine(String key, CommandLine line, GoalRegister goals, KnownUnits units) {
        Object command = line.command();
        if (command instanceof RegisterProject c) {
            boolean created = register(c, units, line.request());
            return new Recorded(applied.lastSequence(), !created);
        }
        if (registration == null) {
            throw new NotFound("projectId", "no such record: " + key);
        }
        if (command instanceof AppropriateBudget c) {
            return appropriate(c, goals, line.request());
        }
        if (command instanceof AdjustBudget c) {
            return adjust(c, line.request());
        }
        if (command instanceof CarryOverFunds c) {
            return carryOver(c, line.request());
        }
        return spend((RecordExpenditure) command, line.request());
    }

    private Recorded appropriate(AppropriateBudget command, GoalRegister goals, RequestKey request) {
        BudgetAppropriated event = new BudgetAppropriated(districtCode(), projectId(), command.amountFen(),
                command.fundSource(), command.docNo(), Rules.dateOrToday(command.date()));
        return applied.unlessReplay(request, () -> {
            Rules.requirePositive(command.amountFen(), "amount");
            Rules.requireDateIn(event.date(), "date", registration.fiscalYear() - 1, registration.fiscalYear());
            if (goals.goalRequired(districtCode())
                    && !goals.hasApprovedGoal(districtCode(), projectId(), registration.fiscalYear())) {
                throw new NotYetKnown("GOAL_NOT_APPROVED", "projectId", "an approved performance goal of project '"
                        + projectId() + "' for " + registration.fiscalYear(), "project '" + projectId() + "' has no "
                        + "approved performance goal for " + registration.fiscalYear() + " (绩效目标是预算安排的前置条件)");
            }
            return applied.record(event, request);
        });
    }

    private Recorded adjust(AdjustBudget command, RequestKey request) {
        BudgetAdjusted event = new BudgetAdjusted(districtCode(), projectId(), command.amountFen(), command.basis(),
                command.reason(), command.docNo(), Rules.dateOrToday(command.date()), command.causeEventId());
        if (command.causeEventId() != null && causes.containsKey(command.causeEventId())) {
            return new Recorded(causes.get(command.causeEventId()), true);
        }
        return applied.unlessReplay(request, () -> {
            if (command.amountFen() == 0) {
                throw new RuleViolation("ADJUSTMENT_ZERO", "amount", "an adjustment must change the budget");
            }
            long budgetAfter = figures.budget() + command.amountFen();
            if (budgetAfter < figures.spent()) {
                throw new RuleViolation("BUDGET_BELOW_SPENT", "amount", "the budget would become "
                        + Money.yuan(budgetAfter) + " yuan, below the " + Money.yuan(figures.spent())
                        + " yuan already spent");
            }
            return applied.record(event, request);
        });
    }

    private Recorded carryOver(CarryOverFunds command, RequestKey request) {
        FundsCarriedOver event = new FundsCarriedOver(districtCode(), projectId(), command.amountFen(),
                command.fromYear(), Rules.dateOrToday(command.date()));
        return applied.unlessReplay(request, () -> {
            Rules.requirePositive(command.amountFen(), "amount");
            if (command.fromYear() >= registration.fiscalYear()) {
                throw new RuleViolation("CARRY_OVER_FROM_EARLIER_YEAR", "fromYear", "funds can only be carried over "
                        + "from a year before " + registration.fiscalYear());
            }
            return applied.record(event, request);
        });
    }

    private Recorded spend(RecordExpenditure command, RequestKey request) {
        ExpenditureRecorded event = new ExpenditureRecorded(districtCode(), projectId(), command.amountFen(),
                Rules.dateOrToday(command.date()));
        return applied.unlessReplay(request, () -> {
            Rules.requirePositive(command.amountFen(), "amount");
            Rules.requireDateIn(event.date(), "date", registration.fiscalYear(), registration.fiscalYear());
            if (paymentsSuspended) {
                throw new RuleViolation("PAYMENTS_SUSPENDED", "amount", "the finance bureau suspended payments of "
                        + "project '" + projectId() + "' (暂缓支付) after a monitoring deviation; no expenditure is "
                        + "recorded until payments are resumed (恢复支付)");
            }
            if (command.amountFen() > figures.available()) {
                throw new RuleViolation("SPENDING_ABOVE_AVAILABLE", "amount", "spending " + Money.yuan(command.amountFen())
                        + " yuan exceeds the " + Money.yuan(figures.available()) + " yuan available");
            }
            return applied.record(event, request);
        });
    }

    private String districtCode() {
        return registration.districtCode();
    }

    private String projectId() {
        return registration.projectId();
    }

    @EventSourcingHandler
    void on(ProjectRegistered event, @SequenceNumber long sequence) {
        projectKey = ProjectCommands.projectKey(event.districtCode(), event.projectId());
        registration = event;
        applied.applied(sequence);
    }

    @EventSourcingHandler
    void on(PreviousYearProjectLinked event, @SequenceNumber long sequence) {
        previousProjectId = event.previousProjectId();
        applied.applied(sequence);
    }

    @EventSourcingHandler
    void on(BudgetAppropriated event, @SequenceNumber long sequence, RequestKey request, @MessageIdentifier String id) {
        entered(event, event.amountFen(), sequence, request, id);
    }

    @EventSourcingHandler
    void on(BudgetAdjusted event, @SequenceNumber long sequence, RequestKey request, @MessageIdentifier String id) {
        entered(event, event.amountFen(), sequence, request, id);
        if (event.causeEventId() != null) {
            causes.put(event.causeEventId(), sequence);
        }
    }

    @EventSourcingHandler
    void on(FundsCarriedOver event, @SequenceNumber long sequence, RequestKey request, @MessageIdentifier String id) {
        entered(event, event.amountFen(), sequence, request, id);
    }

    @EventSourcingHandler
    void on(ExpenditureRecorded event, @SequenceNumber long sequence, RequestKey request, @MessageIdentifier String id) {
        entered(event, event.amountFen(), sequence, request, id);
    }

    @EventSourcingHandler
    void on(EntryReversed event, @SequenceNumber long sequence, RequestKey request) {
        moved(event, sequence, request);
        reversals.put(event.originalSequence(), sequence);
    }

    @EventSourcingHandler
    void on(PaymentsSuspended event, @SequenceNumber long sequence) {
        paymentsSuspended = true;
        causes.put(event.causeEventId(), sequence);
        applied.applied(sequence);
    }

    @EventSourcingHandler
    void on(PaymentsResumed event, @SequenceNumber long sequence) {
        paymentsSuspended = false;
        causes.put(event.causeEventId(), sequence);
        applied.applied(sequence);
    }

    /** A money entry, remembered for a reversal. */
    private record MoneyEntry(MoneyEntryKind kind, long amountFen, String eventId) {
    }

    private void entered(Object event, long amountFen, long sequence, RequestKey request, String eventId) {
        moved(event, sequence, request);
        entries.put(sequence, new MoneyEntry(MoneyEntryKind.of(event), amountFen, eventId));
    }

    private void moved(Object event, long sequence, RequestKey request) {
        figures = figures.after(event);
        applied.applied(request, sequence);
    }

    @Override
    public String toString() {
        return "Project[" + projectKey + ", v" + applied.lastSequence() + ", " + Objects.toString(figures) + "]";
    }
}
