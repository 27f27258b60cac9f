package io.jixiao.budget.unit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.jixiao.budget.unit.UnitCommands.RegisterUnit;
import io.jixiao.events.budget.UnitRegistered;
import io.jixiao.support.domain.SnapshotState;
import io.jixiao.support.domain.Conflict;
import io.jixiao.support.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A budget unit (预算单位) of a district: registered once; the same registration again is a no-op, other
 * details a conflict. Staffing: actual may exceed authorized (a finding elsewhere), but neither is negative.
 */
@Aggregate
@SnapshotState
public class Unit {
    @AggregateIdentifier
    private String unitKey;
    private UnitRegistered registration;

    protected Unit() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RegisterUnit command) {
        UnitRegistered event = new UnitRegistered(command.districtCode(), command.unitId(), command.name(),
                command.aggregate(), command.staffingAuthorized(), command.staffingActual());
        if (registration != null) {
            if (registration.equals(event)) {
                return false;
            }
            throw new Conflict("UNIT_ID_TAKEN", "unit '" + command.unitId() + "' is already registered in "
                    + command.districtCode() + " with other details");
        }
        if ((command.staffingAuthorized() != null && command.staffingAuthorized() < 0)
                || (command.staffingActual() != null && command.staffingActual() < 0)) {
            throw new RuleViolation("STAFFING_NEGATIVE", "staffing", "staffing cannot be negative");
        }
        apply(event);
        return true;
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        unitKey = UnitCommands.unitKey(event.districtCode(), event.unitId());
        registration = event;
    }
}
