package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A secured broker with the suite's users ({@link KafkaUsers#jixiao()}): each service writes only the topic it owns,
 * reads only the topics and groups it was given, and a client that cannot log in gets nothing. One broker for the
 * class; every refusal also checks that the topics' end offsets did not move.
 */
class SecuredEmbeddedKafkaBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startSecured(null, 0, 0, KafkaUsers.jixiao());
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void theOwnerWritesWithAnIdempotentAcksAllProducerAndAConsumerReadsInItsGroup() throws Exception {
        RecordMetadata sent = producer(Topics.BUDGET_SERVICE, Topics.BUDGET_EVENTS, "P-owner", "by the owner");
        assertThat(sent.hasOffset()).isTrue();

        // evaluation-service reads budget.events in the group of its projection and may commit there
        Map<String, Object> config = consumerConfig(broker.clientProperties(Topics.EVALUATION_SERVICE),
                "jixiao-evaluation-budget");
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.BUDGET_EVENTS));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read.stream().noneMatch(r -> "P-owner".equals(r.key())) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            consumer.commitSync();
        }
        assertThat(read).filteredOn(r -> "P-owner".equals(r.key())).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo("by the owner");
            assertThat(r.partition()).isEqualTo(sent.partition());
            assertThat(r.offset()).isEqualTo(sent.offset());
        });
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("jixiao-evaluation-budget")
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            assertThat(committed.get(new TopicPartition(Topics.BUDGET_EVENTS, sent.partition())).offset())
                    .isEqualTo(sent.offset() + 1);
        }
        System.out.println("owner: budget-service wrote budget.events@" + sent.partition() + "/" + sent.offset()
                + ", evaluation-service read it in jixiao-evaluation-budget");
    }

    @Test
    void aServiceCannotWriteATopicItDoesNotOwn() throws Exception {
        producer(Topics.BUDGET_SERVICE, Topics.BUDGET_EVENTS, "P-before", "so that the end offsets are not all 0");
        producer(Topics.EVALUATION_SERVICE, Topics.EVALUATION_EVENTS, "E-before", "so that the end offsets are not all 0");
        Map<TopicPartition, Long> before = endOffsets();
        assertThat(before.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(2);

        Throwable evaluationToBudget = refusal(broker.clientProperties(Topics.EVALUATION_SERVICE), Topics.BUDGET_EVENTS);
        Throwable budgetToEvaluation = refusal(broker.clientProperties(Topics.BUDGET_SERVICE), Topics.EVALUATION_EVENTS);
        // disclosure-service writes no topic at all: its idempotent producer is refused a producer id (which needs
        // WRITE on some topic), a plain producer is refused at the topic
        Throwable disclosureToBudget = refusal(broker.clientProperties("disclosure-service"), Topics.BUDGET_EVENTS);
        Throwable disclosureToEvaluation = refusal(broker.clientProperties("disclosure-service"),
                Topics.EVALUATION_EVENTS);
        Map<String, Object> plain = new HashMap<>(broker.clientProperties("disclosure-service"));
        plain.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        plain.put(ProducerConfig.ACKS_CONFIG, "1");
        Throwable disclosurePlainToBudget = refusal(plain, Topics.BUDGET_EVENTS);
        Throwable disclosurePlainToEvaluation = refusal(plain, Topics.EVALUATION_EVENTS);

        List<Throwable> refusals = List.of(evaluationToBudget, budgetToEvaluation, disclosureToBudget,
                disclosureToEvaluation, disclosurePlainToBudget, disclosurePlainToEvaluation);
        assertThat(List.of(evaluationToBudget, budgetToEvaluation, disclosurePlainToBudget, disclosurePlainToEvaluation))
                .allSatisfy(refused -> assertThat(refused).isInstanceOf(TopicAuthorizationException.class));
        assertThat(List.of(disclosureToBudget, disclosureToEvaluation))
                .allSatisfy(refused -> assertThat(refused).isInstanceOf(ClusterAuthorizationException.class));
        assertThat(endOffsets()).isEqualTo(before);
        System.out.println("foreign writes refused: " + refusals.stream().map(t -> t.getClass().getSimpleName())
                .toList() + "; end offsets unchanged " + before);
    }

    @Test
    void anUnknownUserOrAWrongPasswordIsNotAuthenticated() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();

        Throwable unknown = refusal(broker.clientProperties("mallory", "whatever"), Topics.EVALUATION_EVENTS);
        Throwable wrongPassword = refusal(broker.clientProperties(Topics.EVALUATION_SERVICE, "not-the-password"),
                Topics.EVALUATION_EVENTS);
        Throwable wrongAdminPassword = refusal(broker.clientProperties("admin", "not-the-password"),
                Topics.BUDGET_EVENTS);

        assertThat(List.of(unknown, wrongPassword, wrongAdminPassword))
                .allSatisfy(refused -> assertThat(refused).isInstanceOf(SaslAuthenticationException.class));
        assertThat(endOffsets()).isEqualTo(before);
        System.out.println("not authenticated: " + List.of(unknown, wrongPassword, wrongAdminPassword).stream()
                .map(t -> t.getClass().getSimpleName()).toList() + "; end offsets unchanged " + before);
    }

    @Test
    void aConsumerReadsOnlyItsTopicsInItsGroups() {
        // disclosure-service may read budget.events, but not in evaluation-service's group
        Throwable foreignGroup = consumeFailure(broker.clientProperties("disclosure-service"),
                "jixiao-evaluation-budget", Topics.BUDGET_EVENTS);
        // budget-service writes budget.events but does not read it
        Throwable unreadTopic = consumeFailure(broker.clientProperties(Topics.BUDGET_SERVICE),
                "jixiao-budget-evaluation-inbox", Topics.BUDGET_EVENTS);

        assertThat(foreignGroup).isInstanceOf(GroupAuthorizationException.class);
        assertThat(unreadTopic).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theBrokerCreatedTheTopicsAndTheAdminIsASuperUser() throws Exception {
        try (Admin admin = broker.admin()) {
            assertThat(admin.describeTopics(List.of(Topics.BUDGET_EVENTS, Topics.EVALUATION_EVENTS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS)).allSatisfy((name, topic) ->
                    assertThat(topic.partitions()).hasSize(3));
        }
        assertThat(broker.isSecured()).isTrue();
        assertThat(broker.serviceEnvironment("disclosure-service"))
                .containsEntry("JIXIAO_KAFKA_USERNAME", "disclosure-service")
                .containsEntry("JIXIAO_KAFKA_PASSWORD", broker.users().orElseThrow().password("disclosure-service"))
                .containsEntry("JIXIAO_KAFKA_SASL_MECHANISM", "PLAIN");
    }

    private static RecordMetadata producer(String user, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker.clientProperties(user)))) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** What an idempotent, acks=all producer with {@code client} gets when it sends one record to {@code topic}. */
    private static Throwable refusal(Map<String, Object> client, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(client))) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "K-refused", "must not land"))
                    .get(30, TimeUnit.SECONDS);
            throw new AssertionError("the broker accepted " + client.get("sasl.jaas.config") + " on " + sent);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (KafkaException e) {
            return e;
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer from the broker", e);
        }
    }

    private static Throwable consumeFailure(Map<String, Object> client, String group, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(client, group))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            throw new AssertionError("the broker let " + client.get("sasl.jaas.config") + " read " + topic
                    + " in " + group);
        } catch (KafkaException e) {
            return e;
        }
    }

    /** An idempotent acks=all producer unless {@code client} says otherwise. */
    private static Map<String, Object> producerConfig(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putAll(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> client, String group) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }

    /** The end offset of every partition of both topics, as the admin sees them. */
    private static Map<TopicPartition, Long> endOffsets() throws Exception {
        try (Admin admin = broker.admin()) {
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(List.of(Topics.BUDGET_EVENTS, Topics.EVALUATION_EVENTS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).forEach((name, topic) -> topic.partitions()
                            .forEach(p -> partitions.add(new TopicPartition(name, p.partition()))));
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(),
                            p -> OffsetSpec.latest()))).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }
}
