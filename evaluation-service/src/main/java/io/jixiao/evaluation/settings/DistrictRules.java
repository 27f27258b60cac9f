package io.jixiao.evaluation.settings;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.jixiao.evaluation.Keys;
import io.jixiao.events.evaluation.DistrictRulesChanged;
import io.jixiao.support.domain.SnapshotState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The published versions of one district's rules (docs/rules.md): each version of {@link RuleVersions} becomes one
 * {@code DistrictRulesChanged}, in version order, once. Announcing a version already published (a retry, a restart, a
 * second instance) or an older one records nothing, so the event stream never goes back to an earlier version.
 */
@SnapshotState
@org.axonframework.spring.stereotype.Aggregate
public class DistrictRules {
    @AggregateIdentifier
    private String rulesKey;
    private int lastVersion = -1;

    protected DistrictRules() {
        // for Axon
    }

    /** Publish {@code rules} unless its version, or a later one, was published already. */
    public record AnnounceRules(@TargetAggregateIdentifier String rulesKey, DistrictRulesChanged rules) {
    }

    /** Whether the command recorded the version. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(AnnounceRules command) {
        if (command.rules().version() <= lastVersion) {
            return false;
        }
        apply(command.rules());
        return true;
    }

    @EventSourcingHandler
    void on(DistrictRulesChanged event) {
        rulesKey = Keys.districtRules(event.districtCode());
        lastVersion = event.version();
    }
}
