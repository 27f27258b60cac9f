package io.jixiao.evaluation.settings;

import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.settings.DistrictRules.AnnounceRules;
import io.jixiao.events.evaluation.DistrictRulesChanged;
import io.jixiao.support.axon.CommandSender;
import org.springframework.stereotype.Component;

/**
 * Publishes a version of a district's rules as {@code DistrictRulesChanged} through the {@link DistrictRules}
 * aggregate (so it reaches Kafka through the event store like every other event). Idempotent per version.
 */
@Component
public class RulesPublisher {
    private final CommandSender commands;

    public RulesPublisher(CommandSender commands) {
        this.commands = commands;
    }

    /** Publishes {@code version} unless it (or a later one) was published; answers whether it recorded it. */
    public boolean announce(RuleVersion version) {
        Boolean recorded = commands.send(new AnnounceRules(Keys.districtRules(version.districtCode()), event(version)),
                version.districtCode());
        return Boolean.TRUE.equals(recorded);
    }

    /** The published form of a version: the settings other services compute with. */
    public static DistrictRulesChanged event(RuleVersion version) {
        EvaluationRules.MonitoringRules m = version.rules().monitoring();
        return new DistrictRulesChanged(version.districtCode(), version.id(), version.number(),
                version.number() == 0 ? null : version.createdAt(), m.checkpointMonths(), m.tolerancePoints(),
                m.keyMonth(), m.keyMinBudgetFen(), m.keyExecutionBelowPercent(),
                version.rules().disclosure().goalsDeadlineDays());
    }
}
