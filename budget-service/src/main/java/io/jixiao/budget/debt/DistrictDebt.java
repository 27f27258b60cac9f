package io.jixiao.budget.debt;

import io.jixiao.budget.common.AppliedRequests;
import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.common.Rules;
import io.jixiao.budget.debt.DebtCommands.IssueBond;
import io.jixiao.budget.debt.DebtCommands.OpenDebtBalance;
import io.jixiao.budget.debt.DebtCommands.PayInterest;
import io.jixiao.budget.debt.DebtCommands.RepayPrincipal;
import io.jixiao.budget.debt.DebtCommands.SetDebtLimit;
import io.jixiao.events.Money;
import io.jixiao.events.budget.BondInterestPaid;
import io.jixiao.events.budget.BondIssued;
import io.jixiao.events.budget.BondPrincipalRepaid;
import io.jixiao.events.budget.DebtBalanceOpened;
import io.jixiao.events.budget.DebtLimitSet;
import io.jixiao.events.budget.DebtType;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RequestKey;
import io.jixiao.support.domain.RuleViolation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One district's 政府债务 in one fiscal year, per type (一般债务 / 专项债务). Rule: the balance of a type
 * (opening + bonds issued − principal repaid) never stands above that type's limit once a limit is set —
 * checked on every command that could raise the balance or lower the limit. Principal repaid cannot exceed the
 * balance. A bond id is issued once: the same bond again is a replay, other details a conflict.
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "budgetSnapshotTrigger")
@SnapshotState
public class DistrictDebt {
    @AggregateIdentifier
    private String key;
    /** Type code → figures (String keys keep snapshots plain JSON). */
    private Map<String, DebtFigures> figures = new HashMap<>();
    /** Bond id → the event that issued it and its sequence. */
    private Map<String, IssuedBond> bonds = new HashMap<>();
    private AppliedRequests applied = new AppliedRequests();

    record IssuedBond(BondIssued event, long sequence) {
    }

    protected DistrictDebt() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(OpenDebtBalance command, RequestKey request) {
        return applied.unlessReplay(request, () -> {
            Rules.requireNotNegative(command.amountFen(), "amount");
            DebtBalanceOpened event = new DebtBalanceOpened(command.districtCode(), command.fiscalYear(), command.type(),
                    command.amountFen());
            requireWithinLimit(command.type(), of(command.type()).after(event), "amount");
            return applied.record(event);
        });
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(SetDebtLimit command, RequestKey request) {
        return applied.unlessReplay(request, () -> {
            Rules.requireNotNegative(command.amountFen(), "amount");
            DebtLimitSet event = new DebtLimitSet(command.districtCode(), command.fiscalYear(), command.type(),
                    command.amountFen());
            requireWithinLimit(command.type(), of(command.type()).after(event), "amount");
            return applied.record(event);
        });
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(IssueBond command, RequestKey request) {
        BondIssued event = new BondIssued(command.districtCode(), command.fiscalYear(), command.bondId(),
                command.type(), command.kind(), command.amountFen(),
                command.termYears() == null ? List.of() : List.copyOf(command.termYears()), command.purpose(),
                command.projectId(), Rules.dateOrToday(command.date()));
        IssuedBond earlier = bonds.get(command.bondId());
        if (earlier != null) {
            if (sameBond(earlier.event(), event)) {
                return new Recorded(earlier.sequence(), true);
            }
            throw new Conflict("BOND_ID_TAKEN", "bond '" + command.bondId() + "' was already issued with other details");
        }
        return applied.unlessReplay(request, () -> {
            Rules.requirePositive(command.amountFen(), "amount");
            Rules.requireDateIn(event.date(), "date", command.fiscalYear(), command.fiscalYear());
            if (event.termYears().stream().anyMatch(t -> t == null || t < 1 || t > 50)) {
                throw new RuleViolation("BOND_TERM_INVALID", "termYears", "terms are whole years from 1 to 50");
            }
            requireWithinLimit(command.type(), of(command.type()).after(event), "amount");
            return applied.record(event);
        });
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RepayPrincipal command, RequestKey request) {
        return applied.unlessReplay(request, () -> {
            Rules.requirePositive(command.amountFen(), "amount");
            BondPrincipalRepaid event = new BondPrincipalRepaid(command.districtCode(), command.fiscalYear(),
                    command.type(), command.amountFen(), command.bondId(), Rules.dateOrToday(command.date()));
            Rules.requireDateIn(event.date(), "date", command.fiscalYear(), command.fiscalYear());
            long balance = of(command.type()).balanceFen();
            if (command.amountFen() > balance) {
                throw new RuleViolation("PRINCIPAL_ABOVE_BALANCE", "amount", "repaying " + Money.yuan(command.amountFen())
                        + " yuan exceeds the " + Money.yuan(balance) + " yuan " + command.type().label() + " balance");
            }
            return applied.record(event);
        });
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(PayInterest command, RequestKey request) {
        return applied.unlessReplay(request, () -> {
            Rules.requirePositive(command.amountFen(), "amount");
            BondInterestPaid event = new BondInterestPaid(command.districtCode(), command.fiscalYear(), command.type(),
                    command.amountFen(), Rules.dateOrToday(command.date()));
            Rules.requireDateIn(event.date(), "date", command.fiscalYear(), command.fiscalYear());
            return applied.record(event);
        });
    }

    private static boolean sameBond(BondIssued a, BondIssued b) {
        // the date defaults to today when not given: a resend on another day is still the same bond
        return a.type() == b.type() && a.kind() == b.kind() && a.amountFen() == b.amountFen()
                && a.termYears().equals(b.termYears()) && java.util.Objects.equals(a.purpose(), b.purpose())
                && java.util.Objects.equals(a.projectId(), b.projectId());
    }

    private void requireWithinLimit(DebtType type, DebtFigures after, String field) {
        if (after.limitFen() != null && after.balanceFen() > after.limitFen()) {
            throw new RuleViolation("DEBT_ABOVE_LIMIT", field, "the " + type.label() + " balance would be "
                    + Money.yuan(after.balanceFen()) + " yuan, above its limit of " + Money.yuan(after.limitFen())
                    + " yuan");
        }
    }

    private DebtFigures of(DebtType type) {
        return figures.getOrDefault(type.name(), DebtFigures.NONE);
    }

    @EventSourcingHandler
    void on(DebtBalanceOpened event, @SequenceNumber long sequence, RequestKey request) {
        moved(event.districtCode(), event.fiscalYear(), event.type(), event, sequence, request);
    }

    @EventSourcingHandler
    void on(DebtLimitSet event, @SequenceNumber long sequence, RequestKey request) {
        moved(event.districtCode(), event.fiscalYear(), event.type(), event, sequence, request);
    }

    @EventSourcingHandler
    void on(BondIssued event, @SequenceNumber long sequence, RequestKey request) {
        moved(event.districtCode(), event.fiscalYear(), event.type(), event, sequence, request);
        if (event.bondId() != null) {
            bonds.put(event.bondId(), new IssuedBond(event, sequence));
        }
    }

    @EventSourcingHandler
    void on(BondPrincipalRepaid event, @SequenceNumber long sequence, RequestKey request) {
        moved(event.districtCode(), event.fiscalYear(), event.type(), event, sequence, request);
    }

    @EventSourcingHandler
    void on(BondInterestPaid event, @SequenceNumber long sequence, RequestKey request) {
        moved(event.districtCode(), event.fiscalYear(), event.type(), event, sequence, request);
    }

    private void moved(String districtCode, int fiscalYear, DebtType type, Object event, long sequence, RequestKey request) {
        key = DebtCommands.key(districtCode, fiscalYear);
        figures.put(type.name(), of(type).after(event));
        applied.applied(request, sequence);
    }
}
