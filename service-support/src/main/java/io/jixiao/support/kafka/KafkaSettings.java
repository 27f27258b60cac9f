package io.jixiao.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jixiao.kafka.*}: where Kafka is and what this service publishes.
 *
 * @param bootstrapServers   Kafka bootstrap servers (env {@code JIXIAO_KAFKA_BOOTSTRAP_SERVERS})
 * @param publishTopic       the topic this service's events go to; empty = it publishes nothing
 * @param partitions         partitions of each topic created at start
 */
@ConfigurationProperties("jixiao.kafka")
public record KafkaSettings(String bootstrapServers, String publishTopic, Integer partitions) {
    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "localhost:29092" : bootstrapServers;
        partitions = partitions == null ? 3 : partitions;
    }
}
