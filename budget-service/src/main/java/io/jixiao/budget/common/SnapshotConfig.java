package io.jixiao.budget.common;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every aggregate but Project (see ProjectConfig) snapshots every 250 events too: a bulk import may grow one. */
@Configuration
class SnapshotConfig {
    @Bean
    SnapshotTriggerDefinition budgetSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 250);
    }
}
