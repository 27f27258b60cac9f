package io.jixiao.budget.unit;

import io.jixiao.budget.common.KnownUnits;
import io.jixiao.budget.common.AppliedRequests;
import io.jixiao.budget.common.LineOutcome;
import io.jixiao.budget.common.Recorded;
import io.jixiao.budget.common.Rules;
import io.jixiao.budget.unit.UnitCommands.AdjustBasicBudget;
import io.jixiao.budget.unit.UnitCommands.AppropriateBasicBudget;
import io.jixiao.budget.unit.UnitCommands.RecordBasicExpenditure;
import io.jixiao.budget.unit.UnitCommands.RecordUnitYearLines;
import io.jixiao.events.Money;
import io.jixiao.events.budget.BasicBudgetAdjusted;
import io.jixiao.events.budget.BasicBudgetAppropriated;
import io.jixiao.events.budget.BasicExpenditureRecorded;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.RequestKey;
import io.jixiao.support.domain.RuleViolation;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One unit's 基本支出 for one fiscal year: budget (年初预算 plus signed adjustments) and spending by class
 * (人员经费 / 公用经费). The same rules as a project: the unit is registered; the budget never goes below what
 * was spent; spending never exceeds what is available; amounts positive; dates in the fiscal year.
 */
@Revision("2")
@Aggregate(snapshotTriggerDefinition = "budgetSnapshotTrigger")
@SnapshotState
public class UnitBudget {
    @AggregateIdentifier
    private String unitYearKey;
    private long appropriatedFen;
    private long adjustedFen;
    private long spentFen;
    private AppliedRequests applied = new AppliedRequests();

    protected UnitBudget() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(AppropriateBasicBudget command, KnownUnits units,
                           RequestKey request) {
        return appropriate(command, units, request);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(AdjustBasicBudget command, KnownUnits units,
                           RequestKey request) {
        return adjust(command, units, request);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RecordBasicExpenditure command, KnownUnits units,
                           RequestKey request) {
        return spend(command, units, request);
    }

    /**
     * A bulk import's lines for this unit-year, in file order and in one unit of work (one load, one transaction):
     * each line goes through the same rules as its own command would, against the figures the lines before it
     * left; a refused line records nothing and the next one goes on. When no line of a new unit-year was recorded,
     * nothing is stored ({@link LineOutcome#each}).
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public List<LineOutcome> handle(RecordUnitYearLines command, KnownUnits units) {
        return LineOutcome.each(command.lines(), line -> {
            if (line.command() instanceof AppropriateBasicBudget c) {
                return appropriate(c, units, line.request());
            }
            if (line.command() instanceof AdjustBasicBudget c) {
                return adjust(c, units, line.request());
            }
            return spend((RecordBasicExpenditure) line.command(), units, line.request());
        }, applied::isNew);
    }

    private Recorded appropriate(AppropriateBasicBudget command, KnownUnits units, RequestKey request) {
        return applied.unlessReplay(request, () -> {
            requireUnit(units, command.districtCode(), command.unitId());
            Rules.requirePositive(command.amountFen(), "amount");
            BasicBudgetAppropriated event = new BasicBudgetAppropriated(command.districtCode(), command.unitId(),
                    command.fiscalYear(), command.amountFen(), command.docNo(), Rules.dateOrToday(command.date()));
            Rules.requireDateIn(event.date(), "date", command.fiscalYear() - 1, command.fiscalYear());
            return applied.record(event, request);
        });
    }

    private Recorded adjust(AdjustBasicBudget command, KnownUnits units, RequestKey request) {
        return applied.unlessReplay(request, () -> {
            requireUnit(units, command.districtCode(), command.unitId());
            if (command.amountFen() == 0) {
                throw new RuleViolation("ADJUSTMENT_ZERO", "amount", "an adjustment must change the budget");
            }
            BasicBudgetAdjusted event = new BasicBudgetAdjusted(command.districtCode(), command.unitId(),
                    command.fiscalYear(), command.amountFen(), command.basis(), command.reason(), command.docNo(),
                    Rules.dateOrToday(command.date()));
            long budgetAfter = budget() + command.amountFen();
            if (budgetAfter < spentFen) {
                throw new RuleViolation("BUDGET_BELOW_SPENT", "amount", "the basic budget would become "
                        + Money.yuan(budgetAfter) + " yuan, below the " + Money.yuan(spentFen) + " yuan already spent");
            }
            return applied.record(event, request);
        });
    }

    private Recorded spend(RecordBasicExpenditure command, KnownUnits units, RequestKey request) {
        return applied.unlessReplay(request, () -> {
            requireUnit(units, command.districtCode(), command.unitId());
            Rules.requirePositive(command.amountFen(), "amount");
            BasicExpenditureRecorded event = new BasicExpenditureRecorded(command.districtCode(), command.unitId(),
                    command.fiscalYear(), command.expenditureClass(), command.amountFen(),
                    Rules.dateOrToday(command.date()));
            Rules.requireDateIn(event.date(), "date", command.fiscalYear(), command.fiscalYear());
            if (command.amountFen() > budget() - spentFen) {
                throw new RuleViolation("SPENDING_ABOVE_AVAILABLE", "amount", "spending "
                        + Money.yuan(command.amountFen()) + " yuan exceeds the " + Money.yuan(budget() - spentFen)
                        + " yuan of basic budget available");
            }
            return applied.record(event, request);
        });
    }

    private void requireUnit(KnownUnits units, String districtCode, String unitId) {
        if (applied.isNew() && !units.isRegistered(districtCode, unitId)) {
            throw new RuleViolation("UNKNOWN_UNIT", "unitId", "no unit '" + unitId + "' is registered in district "
                    + districtCode);
        }
    }

    private long budget() {
        return appropriatedFen + adjustedFen;
    }

    @EventSourcingHandler
    void on(BasicBudgetAppropriated event, @SequenceNumber long sequence,
            RequestKey request) {
        unitYearKey = UnitCommands.unitYearKey(event.districtCode(), event.unitId(), event.fiscalYear());
        appropriatedFen += event.amountFen();
        moved(sequence, request);
    }

    @EventSourcingHandler
    void on(BasicBudgetAdjusted event, @SequenceNumber long sequence,
            RequestKey request) {
        unitYearKey = UnitCommands.unitYearKey(event.districtCode(), event.unitId(), event.fiscalYear());
        adjustedFen += event.amountFen();
        moved(sequence, request);
    }

    @EventSourcingHandler
    void on(BasicExpenditureRecorded event, @SequenceNumber long sequence,
            RequestKey request) {
        unitYearKey = UnitCommands.unitYearKey(event.districtCode(), event.unitId(), event.fiscalYear());
        spentFen += event.amountFen();
        moved(sequence, request);
    }

    private void moved(long sequence, RequestKey request) {
        applied.applied(request, sequence);
    }
}
