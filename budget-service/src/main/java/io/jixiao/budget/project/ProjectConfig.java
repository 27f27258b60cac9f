package io.jixiao.budget.project;

import io.jixiao.support.axon.BoundedAggregateCache;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ProjectConfig {
    /** A snapshot every 250 events keeps loading a project with 10,000 events fast. */
    @Bean
    SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 250);
    }

    /** Recently used projects stay loaded: a command on one replays nothing (docs/decisions/0004). */
    @Bean
    Cache projectCache(@Value("${jixiao.aggregate-cache.entries:2000}") int entries) {
        return new BoundedAggregateCache(entries);
    }
}
