package io.jixiao.support.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.support.testing.TestDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Two instances of a service against one real PostgreSQL, each an Axon tracking processor of 4 segments with 4
 * threads over the shared event store and token store, and its {@link SegmentBalancer}: both end up holding
 * segments and both handle events; when one stops, the other holds all four; every event is handled exactly once
 * (a row per handling, written in the transaction that moves the segment's token).
 */
class SegmentBalancerTest {
    private static final String PROCESSOR = "counting";
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(3);

    private final HikariDataSource dataSource = TestDatabases.fresh("segment_balancer_test");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final List<Instance> instances = new ArrayList<>();

    /** The event every "command" records. */
    public record Counted(String aggregate, int n) {
    }

    /** An instance's own connections, as a process of its own has: 4 processor threads, its store, its balancer. */
    private HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(dataSource.getJdbcUrl());
        pool.setUsername(dataSource.getUsername());
        pool.setPassword(dataSource.getPassword());
        pool.setMaximumPoolSize(8);
        return pool;
    }

    @AfterEach
    void stop() {
        instances.forEach(Instance::stop);
        dataSource.close();
    }

    @Test
    void twoInstancesShareTheSegmentsAndOneTakesAllWhenTheOtherStopsOrDies() {
        TestDatabases.flyway(dataSource).locations("classpath:db/support").load().migrate();
        jdbc.execute("CREATE TABLE handled (id BIGSERIAL PRIMARY KEY, event_id VARCHAR(255) NOT NULL, aggregate VARCHAR(255) NOT NULL, "
                + "instance_id VARCHAR(255) NOT NULL)");

        Instance a = start("a:1");
        await().atMost(Duration.ofSeconds(60)).until(() -> a.held().size() == 4);
        long joining = System.nanoTime();
        Instance b = start("b:2");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(a.held()).hasSize(2);
            assertThat(b.held()).hasSize(2);
        });
        report("a second instance holds its share", joining);
        assertThat(owners()).containsOnlyKeys("a:1", "b:2");

        // commands on each instance: 20 aggregates, 3 events each, alternately stored by a and b
        for (int i = 0; i < 20; i++) {
            (i % 2 == 0 ? a : b).record("430203:agg-" + i, 0, 3);
        }
        awaitHandled(60);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT instance_id) FROM handled", Integer.class))
                .as("events handled on both instances").isEqualTo(2);

        aloneAfter(a, b::stop, "a stopped instance's segments are held by the other");
        for (int i = 0; i < 20; i++) {
            a.record("430203:agg-" + i, 3, 2);
        }
        awaitHandled(100);

        // a third instance joins, takes its share, handles events, and dies: it no longer reaches the database,
        // so its heartbeat expires and its claims time out
        Instance c = start("c:3");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(a.held()).hasSize(2);
            assertThat(c.held()).hasSize(2);
        });
        for (int i = 0; i < 20; i++) {
            c.record("430203:agg-" + i, 5, 1);
        }
        awaitHandled(120);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM handled WHERE instance_id = 'c:3'", Integer.class))
                .isPositive();
        aloneAfter(a, c::die, "a dead instance's segments are held by the other");
        for (int i = 0; i < 20; i++) {
            a.record("430203:agg-" + i, 6, 1);
        }
        awaitHandled(140);

        // per aggregate, in the order they were stored
        List<Integer> orderBroken = jdbc.queryForList("SELECT 1 FROM (SELECT aggregate, array_agg(n ORDER BY id) AS ns "
                + "FROM (SELECT h.aggregate, h.id, e.sequencenumber AS n FROM handled h JOIN domainevententry e "
                + "ON e.eventidentifier = h.event_id) x GROUP BY aggregate) y "
                + "WHERE ns <> (SELECT array_agg(s ORDER BY s) FROM unnest(ns) s)", Integer.class);
        assertThat(orderBroken).as("aggregates handled out of order").isEmpty();
    }

    /** Does {@code end} to the other instance, then waits until {@code survivor} holds every segment. */
    private void aloneAfter(Instance survivor, Runnable end, String what) {
        long since = System.nanoTime();
        end.run();
        await().atMost(Duration.ofSeconds(60)).until(() -> survivor.held().size() == 4);
        report(what, since);
        assertThat(owners()).containsOnlyKeys(survivor.id);
    }

    private static void report(String what, long since) {
        System.out.printf("%s after %d ms (heartbeat 300 ms, claim interval 300 ms, claim timeout %d ms)%n", what,
                (System.nanoTime() - since) / 1_000_000, CLAIM_TIMEOUT.toMillis());
    }

    /** Waits until {@code events} were handled, then checks none twice and none missing. */
    private void awaitHandled(int events) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM handled", Integer.class) >= events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Integer.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM handled", Integer.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT event_id) FROM handled", Integer.class)).isEqualTo(events);
    }

    /** Segments per owner of a claim in the token store. */
    private Map<String, Object> owners() {
        Map<String, Object> owners = new java.util.TreeMap<>();
        jdbc.queryForList("SELECT owner, count(*) AS n FROM tokenentry WHERE processorname = ? AND owner IS NOT NULL "
                + "GROUP BY owner", PROCESSOR).forEach(row -> owners.put((String) row.get("owner"), row.get("n")));
        return owners;
    }

    private Instance start(String id) {
        Instance instance = new Instance(id);
        instances.add(instance);
        return instance;
    }

    /** One instance: its own event store, token store, tracking processor and balancer, sharing the database. */
    private final class Instance {
        private final String id;
        private final HikariDataSource connections = pool();
        private final EmbeddedEventStore store;
        private final TrackingEventProcessor processor;
        private final SegmentBalancer balancer;
        private boolean stopped;

        Instance(String id) {
            this.id = id;
            JdbcTemplate own = new JdbcTemplate(this.connections);
            TransactionManager tx = new SpringTransactionManager(new DataSourceTransactionManager(this.connections));
            ConnectionProvider connections = new SpringDataSourceConnectionProvider(this.connections);
            JacksonSerializer json = JacksonSerializer.defaultSerializer();
            store = EmbeddedEventStore.builder().storageEngine(JdbcEventStorageEngine.builder()
                    .connectionProvider(connections).transactionManager(tx)
                    .eventSerializer(json).snapshotSerializer(json).build()).build();
            processor = TrackingEventProcessor.builder()
                    .name(PROCESSOR)
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Handler(own, id))
                            .sequencingPolicy(SequentialPerAggregatePolicy.instance()).build())
                    .messageSource(store)
                    .tokenStore(JdbcTokenStore.builder().connectionProvider(connections).serializer(json)
                            .claimTimeout(CLAIM_TIMEOUT).nodeId(id).build())
                    .transactionManager(tx)
                    .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forParallelProcessing(4)
                            .andInitialSegmentsCount(4)
                            .andTokenClaimInterval(300, TimeUnit.MILLISECONDS)
                            .andEventAvailabilityTimeout(200, TimeUnit.MILLISECONDS))
                    .build();
            processor.start();
            balancer = new SegmentBalancer(own, () -> Map.of(PROCESSOR, processor),
                    new SegmentBalancer.Settings(id, Duration.ofMillis(300), Duration.ofMillis(1500), CLAIM_TIMEOUT)
                            .within(CLAIM_TIMEOUT)).start();
        }

        List<Integer> held() {
            return processor.processingStatus().keySet().stream().sorted().toList();
        }

        void record(String aggregate, int firstSequence, int events) {
            List<EventMessage<?>> messages = new ArrayList<>();
            for (int n = firstSequence; n < firstSequence + events; n++) {
                messages.add(new GenericDomainEventMessage<>("Thing", aggregate, n, new Counted(aggregate, n)));
            }
            store.publish(messages);
        }

        /** As a process killed with -9 looks to the others: its connections are gone, nothing is released. */
        void die() {
            connections.close();
        }

        void stop() {
            if (!stopped) {
                stopped = true;
                balancer.close();
                processor.shutDown();
                store.shutDown();
                connections.close();
            }
        }
    }

    /** Writes one row per handling, in the processor's transaction. */
    private record Handler(JdbcTemplate jdbc, String instanceId) {
        @EventHandler
        void on(Counted event, DomainEventMessage<?> message) {
            jdbc.update("INSERT INTO handled (event_id, aggregate, instance_id) VALUES (?, ?, ?)",
                    message.getIdentifier(), event.aggregate(), instanceId);
        }
    }
}
