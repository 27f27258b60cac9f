package io.jixiao.support.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventLinks;
import io.jixiao.events.Topics;
import io.jixiao.infra.EmbeddedKafkaBroker;
import io.jixiao.infra.EmbeddedPostgresServer;
import io.jixiao.infra.KafkaUsers;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.kafka.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runner's batched path against a real PostgreSQL and Kafka: a poll is claimed and applied as one batch,
 * repeated event ids (in one poll and across polls) take effect once, and a poison record in a poll is parked
 * alone while the rest of the poll applies. A record on an owned topic that its owner did not produce is parked, not
 * applied; and the runner logs in to a secured broker with the service's {@link KafkaSettings}.
 */
class ProjectionRunnerTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private static KafkaProducer<String, String> producer;
    private ProjectionRunner runner;

    /** Counts how often each event took effect; a payload {"poison": true} refuses to apply. */
    static final class CountingProjection implements Projection {
        final String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        final String topic = "runner-test-" + name;
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger handed = new AtomicInteger();
        final boolean selfDeduplicating;
        /** The envelopes of aggregate "k" as its owner would publish them: linked in the order first sent. */
        final EventLinks.Chain chain = new EventLinks.Chain();
        final Map<String, String> published = new java.util.HashMap<>();

        /** Event {@code eventId} of aggregate "k" (the next sequence when new; the same record when sent again). */
        String envelope(String eventId, boolean poison) throws Exception {
            String known = published.get(eventId);
            if (known == null) {
                known = JSON.writeValueAsString(chain.link(new EventEnvelope(eventId, "TestEvent", "Test", "k",
                        published.size(), Instant.now(), null, JSON.createObjectNode().put("poison", poison))));
                published.put(eventId, known);
            }
            return known;
        }

        CountingProjection(boolean selfDeduplicating) {
            this.selfDeduplicating = selfDeduplicating;
        }

        /** Such a projection keys its row by event id, so a repeat handed to it changes nothing. */
        @Override
        public boolean deduplicatesItself() {
            return selfDeduplicating;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> topics() {
            return Set.of(topic);
        }

        @Override
        public void apply(EventEnvelope event, JdbcTemplate jdbc) {
            if (event.payload() != null && event.payload().path("poison").asBoolean()) {
                throw new IllegalArgumentException("poison " + event.eventId());
            }
            handed.incrementAndGet();
            jdbc.update("INSERT INTO runner_test_effect (projection, event_id, times) VALUES (?, ?, 1) "
                    + "ON CONFLICT (projection, event_id) DO " + (selfDeduplicating ? "NOTHING"
                    : "UPDATE SET times = runner_test_effect.times + 1"), name, event.eventId());
        }

        @Override
        public void applyAll(List<EventEnvelope> events, JdbcTemplate jdbc) {
            batches.incrementAndGet();
            Projection.super.applyAll(events, jdbc);
        }

        @Override
        public List<String> tables() {
            return List.of();
        }
    }

    @BeforeAll
    static void infrastructure() {
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(SharedTestInfra.freshDatabase("runner_test"));
        dataSource.setUsername(EmbeddedPostgresServer.USER);
        dataSource.setPassword(EmbeddedPostgresServer.PASSWORD);
        dataSource.setMaximumPoolSize(4);
        new ResourceDatabasePopulator(new ClassPathResource("db/support/V0_2__projection_support.sql"),
                new ClassPathResource("db/support/V0_5__projection_chain_heads.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE runner_test_effect (projection VARCHAR(100), event_id VARCHAR(100), "
                + "times INTEGER NOT NULL, PRIMARY KEY (projection, event_id))");
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
        assertThat(postgres).isNotNull();
    }

    @AfterAll
    static void close() {
        producer.close(Duration.ofSeconds(5));
        dataSource.close();
    }

    @AfterEach
    void stopRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    /** One record stamped with {@code producerName} (no header when null), as the publisher stamps its own. */
    private static void sendAs(CountingProjection projection, String producerName, String value) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(projection.topic, "k", value);
        if (producerName != null) {
            record.headers().add(Topics.PRODUCER_HEADER, producerName.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private static void send(CountingProjection projection, String... values) throws Exception {
        for (String value : values) {
            producer.send(new ProducerRecord<>(projection.topic, "k", value)).get(10, TimeUnit.SECONDS);
        }
    }

    private static CountingProjection projection() {
        return projection(false);
    }

    private static CountingProjection projection(boolean selfDeduplicating) {
        CountingProjection projection = new CountingProjection(selfDeduplicating);
        SharedTestInfra.kafka().createTopicIfMissing(projection.topic, 1);
        return projection;
    }

    private void start(CountingProjection projection) {
        runner = new ProjectionRunner(projection, jdbc, tx, JSON, SharedTestInfra.kafka().bootstrapServers());
        runner.start();
    }

    private static Map<String, Integer> effects(CountingProjection projection) {
        Map<String, Integer> times = new java.util.TreeMap<>();
        jdbc.query("SELECT event_id, times FROM runner_test_effect WHERE projection = ?",
                rs -> {
                    times.put(rs.getString(1), rs.getInt(2));
                }, projection.name);
        return times;
    }

    private static long storedOffset(CountingProjection projection) {
        List<Long> offsets = jdbc.queryForList("SELECT next_offset FROM projection_offset WHERE projection = ?",
                Long.class, projection.name);
        return offsets.isEmpty() ? -1 : offsets.get(0);
    }

    @Test
    void repeatedEventIdsInOnePollAndAcrossPollsTakeEffectOnce() throws Exception {
        CountingProjection projection = projection();
        send(projection, projection.envelope("a", false), projection.envelope("b", false),
                projection.envelope("a", false), projection.envelope("c", false), projection.envelope("b", false));
        start(projection);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 5);
        assertThat(effects(projection)).isEqualTo(Map.of("a", 1, "b", 1, "c", 1));
        assertThat(projection.batches.get()).as("the poll went through the batched path").isPositive();

        send(projection, projection.envelope("c", false), projection.envelope("d", false),
                projection.envelope("a", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 8);
        assertThat(effects(projection)).isEqualTo(Map.of("a", 1, "b", 1, "c", 1, "d", 1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_applied_event WHERE projection = ?",
                Long.class, projection.name)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_dead_letter WHERE projection = ?",
                Long.class, projection.name)).isZero();
    }

    @Test
    void aProjectionThatDeduplicatesItselfGetsNoAppliedIdsAndNoRepeatsInsideAPoll() throws Exception {
        CountingProjection projection = projection(true);
        send(projection, projection.envelope("a", false), projection.envelope("b", false),
                projection.envelope("a", false), projection.envelope("c", false), projection.envelope("b", false));
        start(projection);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 5);
        assertThat(effects(projection)).isEqualTo(Map.of("a", 1, "b", 1, "c", 1));
        assertThat(projection.handed.get()).as("repeats inside the poll are not handed over").isEqualTo(3);

        // across polls the runner keeps nothing: the repeat is handed over and the projection's key stops it
        send(projection, projection.envelope("c", false), projection.envelope("d", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 7);
        assertThat(effects(projection)).isEqualTo(Map.of("a", 1, "b", 1, "c", 1, "d", 1));
        assertThat(projection.handed.get()).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM projection_applied_event WHERE projection = ?",
                Long.class, projection.name)).isZero();
    }

    @Test
    void aPoisonRecordInAPollIsParkedAloneWhileTheRestApplies() throws Exception {
        CountingProjection projection = projection();
        send(projection, projection.envelope("p1", false), projection.envelope("bad", true), "not json at all",
                projection.envelope("p2", false), projection.envelope("p1", false));
        start(projection);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 5);
        assertThat(effects(projection)).isEqualTo(Map.of("p1", 1, "p2", 1));
        List<Map<String, Object>> parked = jdbc.queryForList("SELECT event_id, record_offset, error FROM "
                + "projection_dead_letter WHERE projection = ? ORDER BY record_offset", projection.name);
        assertThat(parked).hasSize(2);
        assertThat(parked.get(0)).containsEntry("event_id", "bad").containsEntry("record_offset", 1L);
        assertThat((String) parked.get(0).get("error")).contains("poison bad");
        assertThat(parked.get(1)).containsEntry("record_offset", 2L);
        // the poisoned event's id is not taken: a retry after a fix can still apply it
        assertThat(jdbc.queryForList("SELECT event_id FROM projection_applied_event WHERE projection = ? "
                + "ORDER BY event_id", String.class, projection.name)).containsExactly("p1", "p2");

        // the next poll goes the batched way again
        int before = projection.batches.get();
        send(projection, projection.envelope("p3", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 6);
        assertThat(effects(projection)).containsEntry("p3", 1);
        assertThat(projection.batches.get()).isGreaterThan(before);
    }

    @Test
    void aRecordTheTopicsOwnerDidNotProduceIsParkedNotApplied() throws Exception {
        CountingProjection projection = projection();
        sendAs(projection, "budget-service", projection.envelope("own-1", false));
        // records of other producers: not in the owner's chain (each links as an aggregate's first event)
        sendAs(projection, "disclosure-service", new CountingProjection(false).envelope("foreign", false));
        sendAs(projection, null, new CountingProjection(false).envelope("unnamed", false));
        sendAs(projection, "budget-service", projection.envelope("own-2", false));
        // the topic belongs to budget-service, as budget.events does in the suite
        runner = new ProjectionRunner(projection, jdbc, tx, JSON,
                KafkaSettings.of(SharedTestInfra.kafka().bootstrapServers()), Map.of(projection.topic, "budget-service"));
        runner.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 4);

        assertThat(effects(projection)).isEqualTo(Map.of("own-1", 1, "own-2", 1));
        List<Map<String, Object>> parked = jdbc.queryForList("SELECT event_id, record_offset, error, status FROM "
                + "projection_dead_letter WHERE projection = ? ORDER BY record_offset", projection.name);
        assertThat(parked).extracting(row -> row.get("event_id"), row -> row.get("record_offset"),
                row -> row.get("status")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("foreign", 1L, "PARKED"),
                org.assertj.core.groups.Tuple.tuple("unnamed", 2L, "PARKED"));
        assertThat((String) parked.get(0).get("error")).contains("produced by 'disclosure-service'");
        assertThat((String) parked.get(1).get("error")).contains("no jixiao-producer header");
        assertThat(jdbc.queryForList("SELECT event_id FROM projection_applied_event WHERE projection = ? "
                + "ORDER BY event_id", String.class, projection.name)).containsExactly("own-1", "own-2");
        System.out.println("attribution: applied " + effects(projection).keySet() + ", parked "
                + parked.stream().map(row -> row.get("event_id")).toList());
    }

    @Test
    void theRunnerLogsInToASecuredBrokerWithTheServicesCredentials() throws Exception {
        CountingProjection projection = projection();
        KafkaUsers users = KafkaUsers.builder("admin", KafkaUsers.randomPassword())
                .topic(projection.topic, 1)
                .user("budget-service", KafkaUsers.randomPassword(), Set.of(projection.topic), Set.of(projection.topic),
                        Set.of("jixiao-" + projection.name))
                .build();
        try (EmbeddedKafkaBroker secured = EmbeddedKafkaBroker.startSecured(null, 0, 0, users)) {
            Properties p = new Properties();
            p.putAll(secured.clientProperties("budget-service"));
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            try (KafkaProducer<String, String> owner = new KafkaProducer<>(p)) {
                ProducerRecord<String, String> record = new ProducerRecord<>(projection.topic, "k",
                        projection.envelope("secured-1", false));
                record.headers().add(Topics.PRODUCER_HEADER, "budget-service".getBytes(StandardCharsets.UTF_8));
                owner.send(record).get(10, TimeUnit.SECONDS);
            }
            KafkaSettings settings = new KafkaSettings(secured.bootstrapServers(), null, null, "budget-service",
                    users.password("budget-service"), "SASL_PLAINTEXT", "PLAIN");
            runner = new ProjectionRunner(projection, jdbc, tx, JSON, settings, Map.of(projection.topic,
                    "budget-service"));
            runner.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 1);
            assertThat(effects(projection)).isEqualTo(Map.of("secured-1", 1));
            runner.close();
            runner = null;
        }
    }

    @Test
    void anEventThatBreaksItsHashLinkIsParkedAndChangesNothing() throws Exception {
        CountingProjection projection = projection();
        String first = projection.envelope("l1", false);
        String second = projection.envelope("l2", false);
        // forged: the right shape and a hash of its own, but it names a predecessor the consumer never accepted
        EventEnvelope l1 = JSON.readValue(first, EventEnvelope.class);
        String forged = JSON.writeValueAsString(new EventLinks.Chain().link(new EventEnvelope("forged", "TestEvent",
                "Test", "k", 2, Instant.now(), null, JSON.createObjectNode().put("poison", false)), 1L,
                io.jixiao.audit.CanonicalForm.hex(new byte[32])));
        // tampered: an intact event whose payload was changed on the way; its hash no longer matches
        EventEnvelope intact = JSON.readValue(projection.envelope("l3", false), EventEnvelope.class);
        String tampered = JSON.writeValueAsString(new EventEnvelope("l3", intact.type(), intact.aggregateType(),
                intact.aggregateId(), intact.sequence(), intact.occurredAt(), intact.metadata(),
                intact.payload(), new io.jixiao.events.EventLink(intact.link().payloadType(), null,
                intact.link().storedAt(), intact.link().metadata(), "{\"poison\":false,\"amountFen\":1}",
                intact.link().previousHash(), intact.link().hash(), intact.link().previousPublishedSequence(),
                intact.link().previousPublishedHash())));
        String unlinked = JSON.writeValueAsString(new EventEnvelope("unlinked", "TestEvent", "Test", "k", 3,
                Instant.now(), null, JSON.createObjectNode()));
        send(projection, first, second, forged, tampered, unlinked, projection.envelope("l3", false), first);
        start(projection);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 7);

        // the intact chain l1, l2, l3 applied (l1 again is a replay); the three broken events parked, not applied
        assertThat(effects(projection)).isEqualTo(Map.of("l1", 1, "l2", 1, "l3", 1));
        List<Map<String, Object>> parked = jdbc.queryForList("SELECT event_id, error FROM projection_dead_letter "
                + "WHERE projection = ? ORDER BY record_offset", projection.name);
        System.out.println("links: applied " + effects(projection).keySet() + ", parked " + parked);
        assertThat(parked).extracting(row -> row.get("event_id")).containsExactly("forged", "l3", "unlinked");
        assertThat((String) parked.get(0).get("error")).contains("broken hash link").contains("it follows sequence 1")
                .contains("last event this consumer accepted of the aggregate is sequence 1 hash "
                        + JSON.readValue(second, EventEnvelope.class).link().hash());
        assertThat((String) parked.get(1).get("error")).contains("is not the hash of the stored bytes");
        assertThat((String) parked.get(2).get("error")).contains("no hash link");
        assertThat(jdbc.queryForObject("SELECT sequence FROM projection_chain_head WHERE projection = ? AND "
                + "aggregate_id = 'k'", Long.class, projection.name)).isEqualTo(2);
        assertThat(l1.link().previousPublishedSequence()).isNull();
    }

    @Test
    void aRebuildReportsTheEventsReadOfTheTotalAndSaysSoInTheLog() throws Exception {
        CountingProjection projection = projection();
        String[] events = new String[30];
        for (int i = 0; i < events.length; i++) {
            events[i] = projection.envelope("r" + i, false);
        }
        send(projection, events);
        start(projection);
        await().atMost(Duration.ofSeconds(30)).until(() -> storedOffset(projection) == 30);
        assertThat(runner.rebuildProgress()).extracting(RebuildProgress::state, RebuildProgress::total)
                .containsExactly("IDLE", 0L);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(ProjectionRunner.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            runner.rebuild().get(60, TimeUnit.SECONDS);
        } finally {
            logger.detachAppender(logged);
        }
        RebuildProgress progress = runner.rebuildProgress();
        assertThat(progress).extracting(RebuildProgress::state, RebuildProgress::done, RebuildProgress::total)
                .containsExactly("REBUILT", 30L, 30L);
        assertThat(progress.percent()).isEqualTo(100);
        assertThat(progress.millis()).isNotNull().isNotNegative();
        assertThat(logged.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .contains("projection " + projection.name + " rebuilding from the start of [" + projection.topic
                        + "]: 30 events", "projection " + projection.name + " rebuilt: 30 events in "
                        + progress.millis() + " ms");
    }

    @Test
    void progressCountsEventsReadUpToTheEndsTheRebuildSaw() {
        var partition0 = new org.apache.kafka.common.TopicPartition("t", 0);
        var partition1 = new org.apache.kafka.common.TopicPartition("t", 1);
        Map<org.apache.kafka.common.TopicPartition, Long> from = Map.of(partition0, 10L, partition1, 0L);
        Map<org.apache.kafka.common.TopicPartition, Long> to = Map.of(partition0, 50L, partition1, 60L);
        RebuildProgress started = RebuildProgress.started("p", from, to);
        assertThat(started.total()).isEqualTo(100);
        RebuildProgress halfway = started.at(from, to, Map.of(partition0, 30L, partition1, 90L));
        assertThat(halfway.done()).isEqualTo(20 + 60);   // partition 1 read past its end: counted up to it
        assertThat(halfway.toString()).isEqualTo("projection p rebuilding: 80 of 100 events (80%)");
    }
}
