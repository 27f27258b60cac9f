package io.jixiao.budget;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.infra.SharedTestInfra;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code evaluation.events} on the shared broker, written as evaluation-service's publisher writes it: each record
 * stamped with its producer header (the inbox parks records its topic's owner did not produce). The envelopes come
 * linked by the caller ({@code EventLinks.Chain}).
 */
public final class EvaluationTopic implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final ObjectMapper json;

    public EvaluationTopic(ObjectMapper json) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.json = json;
    }

    /** Sends {@code envelope} keyed by its aggregate and waits until the broker has it. */
    public void send(EventEnvelope envelope) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.EVALUATION_EVENTS,
                    envelope.aggregateId(), json.writeValueAsString(envelope));
            record.headers().add(Topics.PRODUCER_HEADER, Topics.EVALUATION_SERVICE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
