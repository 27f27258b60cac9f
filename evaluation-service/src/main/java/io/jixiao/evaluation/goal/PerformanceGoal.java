package io.jixiao.evaluation.goal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.jixiao.evaluation.InvalidInput;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.goal.GoalCommands.ApproveGoal;
import io.jixiao.evaluation.goal.GoalCommands.DeclareGoal;
import io.jixiao.evaluation.goal.GoalCommands.GoalResult;
import io.jixiao.evaluation.goal.GoalCommands.Outcome;
import io.jixiao.evaluation.goal.GoalCommands.ReturnGoal;
import io.jixiao.evaluation.goal.monitoring.GoalMonitoring;
import io.jixiao.events.ContactDetails;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.Indicator;
import io.jixiao.events.evaluation.PerformanceGoalApproved;
import io.jixiao.events.evaluation.PerformanceGoalDeclared;
import io.jixiao.events.evaluation.PerformanceGoalReturned;
import io.jixiao.events.evaluation.PerformanceGoalRevised;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RequestKey;
import io.jixiao.support.domain.RequestLedger;
import io.jixiao.support.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * 绩效目标 of a project (PROJECT) or of a unit's overall spending (UNIT_OVERALL), with its review: declared,
 * revised (a different body before approval), returned with reasons, approved. Its monitoring
 * ({@link GoalMonitoring}) is a member of the same aggregate. Command handlers check the rules and
 * {@code apply}; event-sourcing handlers only assign.
 */
@Aggregate
@SnapshotState
public class PerformanceGoal {
    /** Where a goal is in its review. */
    public enum Status { PENDING, RETURNED, APPROVED }

    @AggregateIdentifier
    private String goalKey;
    private PerformanceGoalDeclared declared;
    private Content content;
    private Status status;
    private LocalDate approvedOn;
    private List<String> returnReasons = List.of();
    private RequestLedger requests = new RequestLedger();
    @AggregateMember
    private GoalMonitoring monitoring = new GoalMonitoring();

    /** What a revision may change ({@code contacts} sealed: the same text is sealed as recorded, see GoalContacts). */
    record Content(long amountFen, List<Indicator> indicators, BigDecimal budgetExecutionWeight,
                   Long declaredProjectSpendingFen, ContactDetails contacts) {
    }

    protected PerformanceGoal() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public GoalResult handle(DeclareGoal command) {
        if (declared != null && command.expectedVersion() != null
                && !command.expectedVersion().equals(AggregateLifecycle.getVersion())) {
            throw new Conflict("VERSION_MISMATCH", "If-Match names version " + command.expectedVersion()
                    + " but goal '" + command.goalId() + "' is at version " + AggregateLifecycle.getVersion()
                    + "; read it again and retry", true);
        }
        checkIdentity(command);
        if (declared != null) {
            if (!sameIdentity(command)) {
                throw new Conflict("GOAL_ID_TAKEN", "goal '" + command.goalId() + "' is declared in "
                        + command.districtCode() + " for another scope, project, unit or fiscal year");
            }
            Content asked = new Content(command.amountFen(), IndicatorTreeRules.normalise(command.indicators()),
                    scaleless(command.budgetExecutionWeight()), command.declaredProjectSpendingFen(),
                    command.contacts());
            if (asked.equals(content)) {
                return new GoalResult(Outcome.UNCHANGED, false);
            }
            if (status == Status.APPROVED) {
                throw new Conflict("GOAL_ALREADY_APPROVED", "goal '" + command.goalId() + "' was approved on "
                        + approvedOn + "; an approved goal is not revised");
            }
        }
        IndicatorTreeRules.Checked tree = IndicatorTreeRules.check(command.indicators(),
                command.budgetExecutionWeight(), command.declaredComplete(), command.weightRules(),
                command.ruleVersion());
        if (declared == null) {
            apply(new PerformanceGoalDeclared(command.districtCode(), command.goalId(), command.scope(),
                    command.projectId(), command.unitId(), command.fiscalYear(), command.amountFen(), tree.indicators(),
                    scaleless(command.budgetExecutionWeight()), command.declaredProjectSpendingFen(),
                    command.ruleVersion(), command.contacts()));
            return new GoalResult(Outcome.DECLARED, true);
        }
        apply(new PerformanceGoalRevised(command.districtCode(), command.goalId(), command.amountFen(), tree.indicators(),
                scaleless(command.budgetExecutionWeight()), command.declaredProjectSpendingFen(),
                command.revisionReason() == null || command.revisionReason().isBlank() ? null
                        : command.revisionReason().trim(), command.contacts()));
        return new GoalResult(Outcome.REVISED, true);
    }

    @CommandHandler
    public GoalResult handle(ApproveGoal command, RequestKey request) {
        if (requests.replayOf(request).isPresent()) {
            return new GoalResult(Outcome.APPROVED, false);
        }
        if (status == Status.APPROVED) {
            if (approvedOn.equals(command.approvedOn())) {
                return new GoalResult(Outcome.UNCHANGED, false);
            }
            throw new Conflict("GOAL_ALREADY_APPROVED", "goal '" + declared.goalId() + "' was approved on " + approvedOn);
        }
        if (status == Status.RETURNED) {
            throw new Conflict("GOAL_RETURNED", "goal '" + declared.goalId() + "' was returned (" + String.join("; ",
                    returnReasons) + "); it is approved after it has been revised");
        }
        if (command.approvedOn().getYear() < declared.fiscalYear() - 1) {
            throw new RuleViolation("APPROVAL_DATE", "approvedOn", command.approvedOn() + " is more than a year before "
                    + "fiscal year " + declared.fiscalYear());
        }
        apply(new PerformanceGoalApproved(declared.districtCode(), declared.goalId(), declared.scope(),
                declared.projectId(), declared.unitId(), declared.fiscalYear(), content.amountFen(),
                command.approvedOn()));
        return new GoalResult(Outcome.APPROVED, true);
    }

    @CommandHandler
    public GoalResult handle(ReturnGoal command, RequestKey request) {
        if (requests.replayOf(request).isPresent()) {
            return new GoalResult(Outcome.RETURNED, false);
        }
        List<String> reasons = command.reasons().stream().filter(Objects::nonNull).map(String::trim)
                .filter(r -> !r.isEmpty()).toList();
        if (reasons.isEmpty() || reasons.size() != command.reasons().size()) {
            throw InvalidInput.of("RETURN_NEEDS_REASONS", "reasons", "a returned goal needs its reasons, none blank");
        }
        if (status == Status.APPROVED) {
            throw new Conflict("GOAL_ALREADY_APPROVED", "goal '" + declared.goalId() + "' was approved on " + approvedOn
                    + "; it cannot be returned");
        }
        if (status == Status.RETURNED) {
            if (returnReasons.equals(reasons)) {
                return new GoalResult(Outcome.UNCHANGED, false);
            }
            throw new Conflict("GOAL_RETURNED", "goal '" + declared.goalId() + "' was already returned for other "
                    + "reasons; it can be returned again once revised");
        }
        apply(new PerformanceGoalReturned(declared.districtCode(), declared.goalId(), reasons));
        return new GoalResult(Outcome.RETURNED, true);
    }

    private static void checkIdentity(DeclareGoal command) {
        InvalidInput.Collector problems = new InvalidInput.Collector("GOAL_INVALID");
        if (command.scope() == GoalScope.PROJECT && blank(command.projectId())) {
            problems.add("projectId", "a project's goal names its project");
        }
        if (command.scope() == GoalScope.UNIT_OVERALL && blank(command.unitId())) {
            problems.add("unitId", "a unit's overall goal names its unit");
        }
        if (command.scope() == GoalScope.UNIT_OVERALL && !blank(command.projectId())) {
            problems.add("projectId", "a unit's overall goal names no project");
        }
        if (command.scope() == GoalScope.PROJECT && command.declaredProjectSpendingFen() != null) {
            problems.add("declaredProjectSpending", "only a unit's overall goal states its project spending");
        }
        if (command.amountFen() <= 0) {
            problems.add("amount", "the goal's amount must be greater than zero");
        }
        if (command.declaredProjectSpendingFen() != null && command.declaredProjectSpendingFen() < 0) {
            problems.add("declaredProjectSpending", "must not be negative");
        }
        problems.throwIfAny();
    }

    private boolean sameIdentity(DeclareGoal command) {
        return declared.scope() == command.scope() && Objects.equals(declared.projectId(), command.projectId())
                && Objects.equals(declared.unitId(), command.unitId()) && declared.fiscalYear() == command.fiscalYear();
    }

    private static BigDecimal scaleless(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(0, stripped.scale()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(PerformanceGoalDeclared event) {
        goalKey = Keys.goal(event.districtCode(), event.goalId());
        declared = event;
        content = new Content(event.amountFen(), event.indicators(), event.budgetExecutionWeight(),
                event.declaredProjectSpendingFen(), event.contacts());
        status = Status.PENDING;
    }

    @EventSourcingHandler
    void on(PerformanceGoalRevised event) {
        content = new Content(event.amountFen(), event.indicators(), event.budgetExecutionWeight(),
                event.declaredProjectSpendingFen(), event.contacts());
        status = Status.PENDING;
        returnReasons = List.of();
    }

    @EventSourcingHandler
    void on(PerformanceGoalApproved event, @SequenceNumber long sequence,
            RequestKey request) {
        status = Status.APPROVED;
        approvedOn = event.approvedOn();
        requests.remember(request, sequence);
    }

    @EventSourcingHandler
    void on(PerformanceGoalReturned event, @SequenceNumber long sequence,
            RequestKey request) {
        status = Status.RETURNED;
        returnReasons = List.copyOf(event.reasons());
        requests.remember(request, sequence);
    }
}
