package io.jixiao.support.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.EventTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The event store is the outbox: this handler runs in a tracking processor over the service's own
 * event store and sends each published event to Kafka (idempotent producer, {@code acks=all}, key =
 * aggregate id). Sends of one batch go out together; the batch's token is stored only after Kafka
 * acknowledged every send, so a crash or outage repeats events (at-least-once) and never skips one.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher implements AutoCloseable {
    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaProducer<String, String> producer;
    private final ObjectMapper objectMapper;
    private final String topic;

    public KafkaEventPublisher(KafkaSettings settings, ObjectMapper objectMapper) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        this.objectMapper = objectMapper;
        this.topic = settings.publishTopic();
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) throws JsonProcessingException {
        if (!(event instanceof DomainEventMessage<?> domainEvent) || !EventTypes.isPublished(payload.getClass())) {
            return;
        }
        EventEnvelope envelope = new EventEnvelope(domainEvent.getIdentifier(), payload.getClass().getSimpleName(),
                domainEvent.getType(), domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                domainEvent.getTimestamp(), EventMetadata.from(domainEvent.getMetaData()),
                objectMapper.valueToTree(payload));
        Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, envelope.aggregateId(),
                objectMapper.writeValueAsString(envelope)));
        pendingSends().add(sent);
    }

    /** The sends of the current batch; awaited before the batch (and its token) commits. */
    private List<Future<RecordMetadata>> pendingSends() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            root.onPrepareCommit(uow -> awaitAll(pending));
            return pending;
        });
    }

    private static void awaitAll(List<Future<RecordMetadata>> pending) {
        try {
            for (Future<RecordMetadata> future : pending) {
                future.get(35, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge a publish; the batch will be retried", e);
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
