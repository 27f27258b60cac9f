package io.jixiao.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventLinks;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.infra.EmbeddedKafkaBroker;
import io.jixiao.infra.KafkaUsers;
import io.jixiao.infra.SharedTestInfra;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The publisher against a secured broker: it logs in with the service's credentials, its idempotent acks=all
 * producer is allowed on the topic the service owns, and each record names the service in its producer header.
 */
class KafkaEventPublisherTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @Test
    void publishesToItsOwnTopicAsItsUserAndStampsItselfAsTheProducer() throws Exception {
        KafkaUsers users = KafkaUsers.jixiao();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startSecured(null, 0, 0, users)) {
            KafkaSettings settings = new KafkaSettings(broker.bootstrapServers(), Topics.BUDGET_EVENTS, null,
                    Topics.BUDGET_SERVICE, users.password(Topics.BUDGET_SERVICE), "SASL_PLAINTEXT", "PLAIN");
            ProjectRegistered payload = new ProjectRegistered("430203", "p-1", "u-1", "路灯", ProjectCategory.SPECIAL_FUND,
                    2026, 1);
            JdbcTemplate store = eventStore();
            GenericDomainEventMessage<ProjectRegistered> event =
                    new GenericDomainEventMessage<>("Project", "430203:p-1", 0, payload);
            ProjectRegistered renamed = new ProjectRegistered("430203", "p-1", "u-1", "路灯改造",
                    ProjectCategory.SPECIAL_FUND, 2026, 1);
            GenericDomainEventMessage<ProjectRegistered> next =
                    new GenericDomainEventMessage<>("Project", "430203:p-1", 1, renamed) {
                        @Override
                        public ProjectRegistered getPayload() {   // as a stored event not yet deserialized
                            throw new AssertionError("the publisher deserialized a payload");
                        }
                    };
            store(store, event, payload, 0);
            store(store, next, renamed, 1);
            try (KafkaEventPublisher publisher = new KafkaEventPublisher(settings, JSON, Topics.BUDGET_SERVICE, store)) {
                DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(event);
                uow.execute(() -> {   // one batch: its links read together, sent in order when it commits
                    publisher.on(event);
                    publisher.on(next);   // sent without its payload deserialized: the stored bytes as they are
                });   // commits: waits for Kafka's acknowledgement
            }

            List<ConsumerRecord<String, String>> records = read(broker, "disclosure-service", Topics.BUDGET_EVENTS, 2);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(record.key()).isEqualTo("430203:p-1");
            assertThat(record.value()).contains("\"type\":\"ProjectRegistered\"");
            assertThat(new String(record.headers().lastHeader(Topics.PRODUCER_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo(Topics.BUDGET_SERVICE);
            // the envelope carries the stored row: its link holds and its hash is the one the store computed
            EventEnvelope envelope = JSON.readValue(record.value(), EventEnvelope.class);
            assertThat(EventLinks.problem(envelope)).isEmpty();
            assertThat(envelope.link().hash()).isEqualTo(io.jixiao.audit.CanonicalForm.hex(store.queryForObject(
                    "SELECT hash FROM domainevententry WHERE eventidentifier = ?", byte[].class, event.getIdentifier())));
            assertThat(envelope.link().previousHash()).isNull();
            assertThat(envelope.link().previousPublishedSequence()).isNull();
            assertThat(envelope.payload().path("name").asText()).isEqualTo("路灯");
            // the second event of the batch follows the first: in the topic and in its link
            EventEnvelope second = JSON.readValue(records.get(1).value(), EventEnvelope.class);
            assertThat(second.sequence()).isEqualTo(1);
            assertThat(EventLinks.problem(second)).isEmpty();
            assertThat(second.link().previousHash()).isEqualTo(envelope.link().hash());
            assertThat(second.link().previousPublishedSequence()).isEqualTo(0L);
            assertThat(second.link().previousPublishedHash()).isEqualTo(envelope.link().hash());
            assertThat(second.payload().path("name").asText()).isEqualTo("路灯改造");
            // the payload on the topic is the stored payload, byte for byte
            assertThat(records.get(1).value()).contains("\"payload\":" + JSON.writeValueAsString(renamed) + ",");
        }
    }

    private static void store(JdbcTemplate store, GenericDomainEventMessage<ProjectRegistered> event,
                              ProjectRegistered payload, int sequence) throws Exception {
        store.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, "
                + "metadata, payload, payloadrevision, payloadtype, timestamp) VALUES ('430203:p-1', ?, 'Project', "
                + "?, convert_to('{}', 'UTF8'), ?, NULL, ?, '2026-12-05T08:00:00Z')", sequence,
                event.getIdentifier(), JSON.writeValueAsBytes(payload), ProjectRegistered.class.getName());
    }

    private static JdbcTemplate eventStore() {
        org.springframework.jdbc.datasource.DriverManagerDataSource dataSource =
                new org.springframework.jdbc.datasource.DriverManagerDataSource(
                        SharedTestInfra.freshDatabase("publisher_test"), "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/support").load().migrate();
        return new JdbcTemplate(dataSource);
    }

    @Test
    void aServiceThatDoesNotOwnItsPublishTopicDoesNotStart() {
        KafkaSettings settings = new KafkaSettings("localhost:1", Topics.BUDGET_EVENTS, null, null, null, null, null);

        assertThatThrownBy(() -> new KafkaEventPublisher(settings, JSON, "disclosure-service", null))
                .hasMessageContaining("budget.events belongs to budget-service, not to 'disclosure-service'");
    }

    private static List<ConsumerRecord<String, String>> read(EmbeddedKafkaBroker broker, String user, String topic,
                                                             int count) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties(user));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        assertThat(read).as("records on " + topic).hasSize(count);
        return read;
    }
}
