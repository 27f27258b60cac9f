package io.jixiao.support.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's JDBC event store as its Spring Boot auto-configuration builds it (default {@link EventSchema}), but reading
 * {@code jixiao.event-store.batch-size} events per query (Axon's default is 100): an auditor's history of a
 * 10,000-event project then takes 10 queries instead of 100, and the Kafka publisher catches up in larger steps.
 */
@AutoConfiguration(before = JdbcAutoConfiguration.class)
public class EventStoreAutoConfiguration {
    /**
     * PostgreSQL's {@code unique_violation} on the event table is a concurrent append ({@code ConcurrencyException},
     * for the first event of a stream {@code AggregateStreamCreationException}). Axon's default JDBC resolver looks
     * for {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver does not throw: the conflict
     * would reach the caller as an unexplained {@code EventStoreException}.
     */
    static final PersistenceExceptionResolver APPEND_CONFLICT = new SQLStateResolver("23505");

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          org.springframework.beans.factory.ObjectProvider<EventSchema> eventSchema,
                                          @Value("${jixiao.event-store.batch-size:1000}") int batchSize) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(APPEND_CONFLICT)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema.getIfAvailable(EventSchema::new))
                .batchSize(batchSize)
                .build();
    }

    /**
     * Axon's JDBC token store as its auto-configuration builds it, but with this instance's name as the owner of its
     * claims ({@code tokenentry.owner}), so that the claims of each instance can be told apart in the database.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer defaultSerializer,
                          org.springframework.beans.factory.ObjectProvider<TokenSchema> tokenSchema,
                          io.jixiao.support.cluster.InstanceId instance,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:PT10S}") java.time.Duration claimTimeout) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(defaultSerializer)
                .schema(tokenSchema.getIfAvailable(() -> TokenSchema.builder().build()))
                .claimTimeout(claimTimeout)
                .nodeId(instance.value())
                .build();
    }
}
