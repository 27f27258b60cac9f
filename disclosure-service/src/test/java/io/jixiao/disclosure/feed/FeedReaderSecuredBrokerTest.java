package io.jixiao.disclosure.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.disclosure.feed.web.FeedReader;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventLinks;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Topics;
import io.jixiao.infra.EmbeddedKafkaBroker;
import io.jixiao.infra.KafkaUsers;
import io.jixiao.support.kafka.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The feed reads with disclosure-service's own Kafka user on a broker with the suite's ACLs ({@link KafkaUsers#jixiao()},
 * the same as docker-compose's kafka-init): it joins no consumer group, so the topic permissions the service already
 * has are all it needs.
 */
class FeedReaderSecuredBrokerTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void theServicesUserReadsTheFeedWithoutAConsumerGroupPermission() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startSecured(null, 0, 0, KafkaUsers.jixiao())) {
            Map<String, Object> producerConfig = new HashMap<>(broker.clientProperties(Topics.BUDGET_SERVICE));
            producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
                EventEnvelope event = new EventLinks.Chain().link(new EventEnvelope("e-1", "ProjectRegistered",
                        "Project", "project:439201:p1", 0, Instant.parse("2024-03-01T02:00:00Z"),
                        new EventMetadata("439201", "loader", "c-1", "k-1", null), JSON.createObjectNode()));
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.BUDGET_EVENTS, "project:439201:p1",
                        JSON.writeValueAsString(event));
                record.headers().add(Topics.PRODUCER_HEADER, Topics.BUDGET_SERVICE.getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
            KafkaUsers users = broker.users().orElseThrow();
            KafkaSettings disclosure = new KafkaSettings(broker.bootstrapServers(), null, null, "disclosure-service",
                    users.password("disclosure-service"), "SASL_PLAINTEXT", "PLAIN");
            try (FeedReader reader = new FeedReader(disclosure, JSON, Duration.ofSeconds(5), 1)) {
                FeedReader.Batch batch = reader.read(FeedCursor.start(),
                        new FeedReader.Filter(Set.of("439201"), Set.of()), 10, Duration.ofSeconds(10));

                assertThat(batch.events()).extracting(FeedReader.Item::eventId).containsExactly("e-1");
                assertThat(batch.next().next(Topics.BUDGET_EVENTS, 0) + batch.next().next(Topics.BUDGET_EVENTS, 1)
                        + batch.next().next(Topics.BUDGET_EVENTS, 2)).as("past the one record").isEqualTo(1);
            }
        }
    }
}
