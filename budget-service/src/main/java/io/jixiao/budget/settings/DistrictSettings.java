package io.jixiao.budget.settings;

import io.jixiao.support.domain.SnapshotState;
import io.jixiao.budget.common.Ids;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A district's budget rule settings, versioned as events (every change is in the history with who and when).
 * Setting what is already set records nothing.
 */
@Aggregate
@SnapshotState
public class DistrictSettings {
    @AggregateIdentifier
    private String key;
    private DistrictSettingsChanged current;

    /** @param goalBeforeBudget the new value */
    public record ChangeDistrictSettings(@TargetAggregateIdentifier String key, String districtCode,
                                         boolean goalBeforeBudget, @TargetAggregateVersion Long expectedVersion) {
    }

    public static String key(String districtCode) {
        return Ids.aggregateKey(Ids.SETTINGS, districtCode);
    }

    protected DistrictSettings() {
        // for Axon
    }

    /** @return whether anything changed */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ChangeDistrictSettings command) {
        DistrictSettingsChanged event = new DistrictSettingsChanged(command.districtCode(), command.goalBeforeBudget());
        if (event.equals(current)) {
            return false;
        }
        apply(event);
        return true;
    }

    @EventSourcingHandler
    void on(DistrictSettingsChanged event) {
        key = key(event.districtCode());
        current = event;
    }
}
