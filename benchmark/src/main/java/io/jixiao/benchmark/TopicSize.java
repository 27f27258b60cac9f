package io.jixiao.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** How many records the topics hold (sum of end offsets; topics keep everything), and whether the suite's consumers have read them. */
final class TopicSize {
    private TopicSize() {
    }

    static long events(Map<String, Object> client, List<String> topics) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "size-" + UUID.randomUUID());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            long total = 0;
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map((PartitionInfo info) -> new TopicPartition(topic, info.partition())).toList();
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                total += ends.values().stream().mapToLong(Long::longValue).sum();
            }
            return total;
        }
    }

    /**
     * Waits until every consumer group of the suite ({@code jixiao-*}) has committed the end of each partition of
     * {@code topics} it reads: each projection commits to Kafka after storing a poll, so then all have caught up.
     */
    static void awaitCaughtUp(Map<String, Object> client, List<String> topics, Duration timeout) throws Exception {
        Properties p = new Properties();
        p.putAll(client);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(p)) {
            // the partitions do not change while the benchmark waits: described once, their ends asked each round
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
            while (true) {
                List<String> groups = admin.listConsumerGroups().all().get().stream()
                        .map(ConsumerGroupListing::groupId).filter(g -> g.startsWith("jixiao-")).toList();
                Map<TopicPartition, Long> ends = new HashMap<>();
                admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
                long behind = 0;
                for (String group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                        Long end = ends.get(e.getKey());
                        if (end != null && e.getValue() != null) {
                            behind += Math.max(0, end - e.getValue().offset());
                        }
                    }
                }
                if (behind == 0 && !groups.isEmpty()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("projections still " + behind + " records behind after " + timeout);
                }
                Thread.sleep(500);
            }
        }
    }
}
