package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jixiao.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Three KRaft nodes as processes of their own, secured as the single broker: one killed with SIGKILL, acks=all
 * writes go on, the node comes back on its ports and log, and every acknowledged record is there. And the local
 * stack's single broker as a process of its own.
 */
class KafkaNodeProcessesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int[] FREE = {0, 0, 0};

    @Test
    void aNodeKilledWithSigkillComesBackAndNothingAcknowledgedIsLost() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedKafkaBroker cluster = EmbeddedKafkaBroker.startClusterProcesses(null, FREE, FREE,
                KafkaUsers.jixiao())) {
            System.out.printf("three node processes up in %d ms%n", millisSince(started));
            assertThat(cluster.runsNodesAsProcesses()).isTrue();
            List<String> sent = new ArrayList<>();
            sendOnceAuthorized(cluster, "before", 3, sent);

            long pid = cluster.pid(2).orElseThrow();
            long killing = System.nanoTime();
            cluster.killNode(2);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(cluster.isRunning(2)).isFalse();
            send(cluster, "node-2-killed", 3, sent);
            System.out.printf("node 2 killed (SIGKILL) and 3 acks=all sends without it: %d ms%n", millisSince(killing));

            long restarting = System.nanoTime();
            cluster.startNode(2);
            System.out.printf("node 2 registered again after %d ms%n", millisSince(restarting));
            assertThat(cluster.isRunning(2)).isTrue();
            assertThat(cluster.pid(2).orElseThrow()).isNotEqualTo(pid);
            send(cluster, "after", 1, sent);

            assertThat(readAll(cluster, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(java.nio.file.Files.getPosixFilePermissions(cluster.logDirectory().resolve("node-1.properties")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void aSingleSecuredBrokerRunsInAJvmOfItsOwnWithTheNodeOptionsAndEndsWithStop() throws Exception {
        long pid;
        java.nio.file.Path directory;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startSecuredProcess(null, 0, 0, KafkaUsers.jixiao())) {
            assertThat(broker.runsNodesAsProcesses()).isTrue();
            assertThat(broker.size()).isEqualTo(1);
            directory = broker.logDirectory();
            pid = broker.pid(1).orElseThrow();
            assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
            // the command line as the kernel holds it (ProcessHandle.Info leaves out a line as long as a test's class path)
            List<String> arguments = List.of(java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid + "",
                    "cmdline")).split("\0"));
            assertThat(arguments).containsSubsequence(EmbeddedKafkaBroker.NODE_JVM_OPTIONS)
                    .contains(KafkaNode.class.getName());

            List<String> sent = new ArrayList<>();
            sendOnceAuthorized(broker, "single", 2, sent);
            assertThat(readAll(broker, sent.size())).containsExactlyInAnyOrderElementsOf(sent);
            // secured as the in-JVM broker: evaluation-service may not write budget-service's topic
            Map<String, Object> config = new HashMap<>(broker.clientProperties(Topics.EVALUATION_SERVICE));
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            try (KafkaProducer<String, String> other = new KafkaProducer<>(config, new StringSerializer(),
                    new StringSerializer())) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> other
                                .send(new ProducerRecord<>(Topics.BUDGET_EVENTS, "P-x", "not the owner"))
                                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                        .satisfies(failure -> assertThat(notAuthorizedYet(failure)).isTrue());
            }
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(directory).doesNotExist();
    }

    /**
     * {@link #send} once the ACLs reached the node asked: the nodes apply them from the metadata log each in its own
     * time, and until then a send is refused as unauthorized (a record is listed in {@code sent} only once acknowledged).
     */
    private static void sendOnceAuthorized(EmbeddedKafkaBroker broker, String prefix, int count, List<String> sent) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsMatching(KafkaNodeProcessesTest::notAuthorizedYet)
                .until(() -> {
                    send(broker, prefix, count, sent);
                    return true;
                });
    }

    private static void send(EmbeddedKafkaBroker broker, String prefix, int count, List<String> sent)
            throws Exception {
        Map<String, Object> config = new HashMap<>(broker.clientProperties(Topics.BUDGET_SERVICE));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 90_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(Topics.BUDGET_EVENTS, "P-" + i, prefix + "-" + i))
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                sent.add(prefix + "-" + i);
            }
        }
    }

    private static List<String> readAll(EmbeddedKafkaBroker broker, int count) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = broker.readerFromStart()) {
            reader.subscribe(List.of(Topics.BUDGET_EVENTS));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    private static boolean notAuthorizedYet(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TopicAuthorizationException) {
                return true;
            }
        }
        return false;
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
