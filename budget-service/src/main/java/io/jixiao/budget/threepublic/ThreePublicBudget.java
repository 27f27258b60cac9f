package io.jixiao.budget.threepublic;

import io.jixiao.budget.common.KnownUnits;
import io.jixiao.budget.common.AppliedRequests;
import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.common.Rules;
import io.jixiao.budget.threepublic.ThreePublicCommands.BudgetThreePublic;
import io.jixiao.budget.threepublic.ThreePublicCommands.RecordThreePublicSpending;
import io.jixiao.events.budget.ThreePublicBudgeted;
import io.jixiao.events.budget.ThreePublicSpent;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.RequestKey;
import io.jixiao.support.domain.RuleViolation;
import java.util.HashMap;
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
 * One unit's 三公经费 for one fiscal year: a budget per category (a later one replaces it; 0 is a real budget)
 * and spending per category (adds up). Spending above budget is recorded (决算 reports what happened) and
 * shown as {@code overBudget}; amounts are never negative; the unit must be registered.
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "budgetSnapshotTrigger")
@SnapshotState
public class ThreePublicBudget {
    @AggregateIdentifier
    private String key;
    /** Category code → current budget (String keys keep snapshots plain JSON). */
    private Map<String, Long> budgetFen = new HashMap<>();
    /** Category code → sequence of the event that set its current budget. */
    private Map<String, Long> budgetSequence = new HashMap<>();
    private AppliedRequests applied = new AppliedRequests();

    protected ThreePublicBudget() {
        // for Axon
    }

    /** Setting a category to the budget it already has records nothing (answered as a replay). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(BudgetThreePublic command, KnownUnits units,
                           RequestKey request) {
        return applied.unlessReplay(request, () -> {
            requireUnit(units, command.districtCode(), command.unitId());
            Rules.requireNotNegative(command.amountFen(), "amount");
            Long current = budgetFen.get(command.category().name());
            if (current != null && current == command.amountFen()) {
                return new Recorded(budgetSequence.get(command.category().name()), true);
            }
            return applied.record(new ThreePublicBudgeted(command.districtCode(), command.unitId(),
                    command.fiscalYear(), command.category(), command.amountFen()));
        });
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RecordThreePublicSpending command, KnownUnits units,
                           RequestKey request) {
        return applied.unlessReplay(request, () -> {
            requireUnit(units, command.districtCode(), command.unitId());
            Rules.requireNotNegative(command.amountFen(), "amount");
            ThreePublicSpent event = new ThreePublicSpent(command.districtCode(), command.unitId(),
                    command.fiscalYear(), command.category(), command.amountFen(), Rules.dateOrToday(command.date()));
            Rules.requireDateIn(event.date(), "date", command.fiscalYear(), command.fiscalYear());
            return applied.record(event);
        });
    }

    private void requireUnit(KnownUnits units, String districtCode, String unitId) {
        if (applied.isNew() && !units.isRegistered(districtCode, unitId)) {
            throw new RuleViolation("UNKNOWN_UNIT", "unitId", "no unit '" + unitId + "' is registered in district "
                    + districtCode);
        }
    }

    @EventSourcingHandler
    void on(ThreePublicBudgeted event, @SequenceNumber long sequence,
            RequestKey request) {
        key = ThreePublicCommands.key(event.districtCode(), event.unitId(), event.fiscalYear());
        budgetFen.put(event.category().name(), event.amountFen());
        budgetSequence.put(event.category().name(), sequence);
        moved(sequence, request);
    }

    @EventSourcingHandler
    void on(ThreePublicSpent event, @SequenceNumber long sequence,
            RequestKey request) {
        key = ThreePublicCommands.key(event.districtCode(), event.unitId(), event.fiscalYear());
        moved(sequence, request);
    }

    private void moved(long sequence, RequestKey request) {
        applied.applied(request, sequence);
    }
}
