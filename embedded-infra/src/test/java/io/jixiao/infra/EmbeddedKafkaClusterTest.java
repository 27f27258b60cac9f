package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

/** Three KRaft nodes in this JVM: RF 3, min ISR 2, acks=all writes go on while one node is down. */
class EmbeddedKafkaClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int[] FREE = {0, 0, 0};

    /** One cluster for everything: starting three nodes on a shared machine takes minutes. */
    @Test
    void keepsProducingAndConsumingWhileOneBrokerIsDown() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedKafkaBroker cluster = EmbeddedKafkaBroker.startCluster(null, FREE, FREE, null)) {
            System.out.printf("three nodes up in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            cluster.createTopicIfMissing("budget.events", 3);
            String bootstrap = cluster.bootstrapServers();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                KafkaTestClients.send(bootstrap, "budget.events", "P-" + i, "before-" + i);
                sent.add("before-" + i);
            }

            long start = System.nanoTime();
            cluster.stopNode(2);
            for (int i = 0; i < 6; i++) {
                KafkaTestClients.send(bootstrap, "budget.events", "P-" + i, "one-down-" + i);
                sent.add("one-down-" + i);
            }
            System.out.printf("stopping node 2 and 6 acks=all sends without it took %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            List<ConsumerRecord<String, String>> readWhileDown =
                    KafkaTestClients.readFromBeginning(bootstrap, "budget.events", 12, TIMEOUT);

            cluster.startNode(2);
            KafkaTestClients.send(bootstrap, "budget.events", "P-0", "after-restart");
            sent.add("after-restart");

            assertThat(cluster.isRunning(2)).isTrue();
            assertThat(readWhileDown).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrderElementsOf(sent.subList(0, 12));
            assertThat(KafkaTestClients.readFromBeginning(bootstrap, "budget.events", 13, TIMEOUT))
                    .extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(inSyncReplicasOnceCaughtUp(cluster, "budget.events")).hasSize(3).allMatch(isr -> isr == 3);
            try (Admin admin = cluster.admin()) {
                Map<String, String> expected = Map.of(
                        "min.insync.replicas", "2",
                        "default.replication.factor", "3",
                        "offsets.topic.replication.factor", "3");
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
                assertThat(cluster.ports()).hasSize(3).doesNotHaveDuplicates();
                assertThat(KafkaTestClients.brokerConfig(admin, 3, expected)).isEqualTo(expected);
            }
        }
    }

    /** The ISR size of every partition, once all have caught up again (at most {@link #TIMEOUT}). */
    private static List<Integer> inSyncReplicasOnceCaughtUp(EmbeddedKafkaBroker cluster, String topic)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Admin admin = cluster.admin()) {
            while (true) {
                List<TopicPartitionInfo> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topic).partitions();
                assertThat(partitions).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
                List<Integer> isr = partitions.stream().map(TopicPartitionInfo::isr).map(List::size).toList();
                if (isr.stream().allMatch(size -> size == 3) || System.nanoTime() > deadline) {
                    return isr;
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }
}
