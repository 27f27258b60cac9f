package io.jixiao.support.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.testing.TestDatabases;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service on one event store, each with its aggregate cache (as {@code local-stack --cluster}
 * runs them): an instance whose cached aggregate is behind the store appends at a sequence the other instance took.
 * PostgreSQL's unique violation must surface as Axon's {@link ConcurrencyException}, and {@link CommandSender}
 * must decide the command again on the stored state instead of failing the request.
 */
class AppendConflictTest {
    private static HikariDataSource dataSource;
    private static Configuration first;
    private static Configuration second;

    @BeforeAll
    static void twoInstances() {
        dataSource = TestDatabases.fresh("append_conflict");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/support").load().migrate();
        first = instance();
        second = instance();
    }

    @AfterAll
    static void stop() {
        first.shutdown();
        second.shutdown();
        dataSource.close();
    }

    private static Configuration instance() {
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(new DataSourceConnectionProvider(dataSource))
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .persistenceExceptionResolver(EventStoreAutoConfiguration.APPEND_CONFLICT)
                        .eventSerializer(JacksonSerializer.defaultSerializer())
                        .snapshotSerializer(JacksonSerializer.defaultSerializer())
                        .build())
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Counter.class)
                        .configureCache(c -> new BoundedAggregateCache(10)))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }

    @Test
    void aStaleCacheMeetsTheOtherInstancesAppendAndTheCommandIsDecidedAgain() {
        String id = "439999:counter-1";
        first.commandGateway().sendAndWait(new Create(id));
        first.commandGateway().sendAndWait(new Increment(id));      // the first instance caches it at sequence 1
        second.commandGateway().sendAndWait(new Increment(id));     // the second appends sequence 2

        // straight through the gateway the first instance's append at sequence 2 is refused, as a concurrency conflict
        assertThatThrownBy(() -> first.commandGateway().sendAndWait(new Increment(id)))
                .isInstanceOf(ConcurrencyException.class)
                .satisfies(e -> assertThat(CommandSender.appendConflict(e)).isTrue());
        second.commandGateway().sendAndWait(new Increment(id));     // sequence 3, the first instance's cache stale again

        // through CommandSender the same situation ends in the command applied once, on the stored state
        // (a system caller: no name to seal, hence no ActorNames)
        CallerContext.system("append-conflict-test", "correlation-1").run(() ->
                new CommandSender(first.commandGateway(), null).send(new Increment(id), "439999"));

        List<Integer> values = first.eventStore().readEvents(id).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(Incremented.class::isInstance).map(p -> ((Incremented) p).value()).toList();
        assertThat(values).containsExactly(1, 2, 3, 4);
        assertThat(CommandSender.appendConflict(new IllegalStateException("a rule"))).isFalse();
    }

    record Create(String id) {
    }

    record Increment(@TargetAggregateIdentifier String id) {
    }

    record Created(String id) {
    }

    record Incremented(String id, int value) {
    }

    static class Counter {
        @AggregateIdentifier
        private String id;
        private int value;

        Counter() {
        }

        @CommandHandler
        Counter(Create command) {
            apply(new Created(command.id()));
        }

        @CommandHandler
        void handle(Increment command) {
            apply(new Incremented(command.id(), value + 1));
        }

        @EventSourcingHandler
        void on(Created event) {
            id = event.id();
        }

        @EventSourcingHandler
        void on(Incremented event) {
            value = event.value();
        }
    }
}
