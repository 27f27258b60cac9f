package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void producesAndConsumesWithAnIdempotentAcksAllProducer() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0)) {
            broker.createTopicIfMissing("budget.events", 3);

            RecordMetadata sent = KafkaTestClients.send(broker.bootstrapServers(), "budget.events", "P-1", "{\"n\":1}");
            List<ConsumerRecord<String, String>> read =
                    KafkaTestClients.readFromBeginning(broker.bootstrapServers(), "budget.events", 1, TIMEOUT);

            assertThat(sent.hasOffset()).isTrue();
            assertThat(read).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("P-1");
                assertThat(record.value()).isEqualTo("{\"n\":1}");
                assertThat(record.partition()).isEqualTo(sent.partition());
                assertThat(record.offset()).isEqualTo(sent.offset());
            });
        }
    }

    @Test
    void runsWithTheSingleNodeSettings() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0); Admin admin = broker.admin()) {
            Map<String, String> expected = Map.of(
                    "num.partitions", "3",
                    "min.insync.replicas", "1",
                    "auto.create.topics.enable", "false",
                    "log.retention.ms", "-1",
                    "offsets.topic.replication.factor", "1");

            assertThat(KafkaTestClients.brokerConfig(admin, 1, expected)).isEqualTo(expected);
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    @Test
    void keepsRecordsAcrossARestartOnTheSamePortAndLogDirectory(@TempDir Path logDirectory) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDirectory, 0)) {
            broker.createTopicIfMissing("evaluation.events", 3);
            KafkaTestClients.send(broker.bootstrapServers(), "evaluation.events", "E-1", "before restart");
            String bootstrapServers = broker.bootstrapServers();

            broker.restart();
            KafkaTestClients.send(broker.bootstrapServers(), "evaluation.events", "E-2", "after restart");

            assertThat(broker.isRunning()).isTrue();
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrapServers);
            assertThat(KafkaTestClients.readFromBeginning(bootstrapServers, "evaluation.events", 2, TIMEOUT))
                    .extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("before restart", "after restart");
        }
    }

    @Test
    void aNewBrokerOnTheSameLogDirectoryKeepsTopicsAndClusterId(@TempDir Path logDirectory) throws Exception {
        int port;
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(logDirectory, 0)) {
            first.createTopicIfMissing("budget.events", 3);
            KafkaTestClients.send(first.bootstrapServers(), "budget.events", "P-9", "kept");
            port = first.port();
        }
        String clusterIdBefore = clusterIdIn(logDirectory);

        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(logDirectory, port)) {
            assertThat(clusterIdIn(logDirectory)).isEqualTo(clusterIdBefore);
            assertThat(KafkaTestClients.readFromBeginning(second.bootstrapServers(), "budget.events", 1, TIMEOUT))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(Tuple.tuple("P-9", "kept"));
        }
        assertThat(logDirectory).exists();
    }

    @Test
    void aTemporaryBrokerDeletesItsLogDirectoryOnStop() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0);
        Path logDirectory = broker.logDirectory();
        assertThat(logDirectory.resolve("meta.properties")).exists();

        broker.stop();

        assertThat(broker.isRunning()).isFalse();
        assertThat(Files.exists(logDirectory)).isFalse();
        assertThat(FreePorts.inUse(broker.port())).isFalse();
    }

    private static String clusterIdIn(Path logDirectory) throws Exception {
        return Files.readAllLines(logDirectory.resolve("meta.properties")).stream()
                .filter(line -> line.startsWith("cluster.id="))
                .findFirst()
                .orElseThrow();
    }
}
