package io.jixiao.support.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.jixiao.audit.CanonicalForm;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventLink;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The event store is the outbox: this handler runs in a tracking processor over the service's own
 * event store and sends each published event to Kafka (idempotent producer, {@code acks=all}, key =
 * aggregate id). Sends of one batch go out together; the batch's token is stored only after Kafka
 * acknowledged every send, so a crash or outage repeats events (at-least-once) and never skips one.
 *
 * <p>Every record carries the header {@link Topics#PRODUCER_HEADER} with this service's name: consumers park a
 * record on a topic whose owner did not produce it (docs/decisions/0008-kafka-topic-ownership.md). A service that
 * is not the owner of its publish topic does not start, since every record it sent would be parked.
 *
 * <p>Every envelope carries its hash link ({@link EventLink}): the row's stored bytes, its hash, its predecessor's,
 * and the sequence and hash of the aggregate's last published event before it, read from the event store in one
 * query per batch; its payload is the stored payload, written as stored. Consumers check the link and park an event that
 * breaks it (docs/audit.md). The handler only collects a batch's events; they are read, sent (in the order they
 * came) and acknowledged when the batch prepares its commit.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher implements AutoCloseable {
    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String BATCH = KafkaEventPublisher.class.getName() + ".batch";

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper objectMapper;
    private final String topic;
    private final byte[] producerName;
    private final JdbcTemplate jdbc;
    private final String[] publishedTypes;

    /** The stored rows of a batch's events, each with the aggregate's last published event before it. */
    private static final String STORED = "SELECT e.eventidentifier, e.payloadtype, e.payloadrevision, e.timestamp, "
            + "e.metadata, e.payload, e.previoushash, e.hash, p.sequencenumber, p.hash FROM domainevententry e "
            + "LEFT JOIN LATERAL (SELECT q.sequencenumber, q.hash FROM domainevententry q "
            + "WHERE q.aggregateidentifier = e.aggregateidentifier AND q.sequencenumber < e.sequencenumber "
            + "AND q.payloadtype = ANY(?) ORDER BY q.sequencenumber DESC LIMIT 1) p ON true "
            + "WHERE e.eventidentifier = ANY(?)";

    /**
     * {@code producerName}: this service, {@code spring.application.name}; the owner of the publish topic.
     * {@code jdbc}: the service's event store, where each published event's stored bytes and hashes are read.
     */
    public KafkaEventPublisher(KafkaSettings settings, ObjectMapper objectMapper, String producerName, JdbcTemplate jdbc) {
        java.util.Objects.requireNonNull(producerName, "producerName (spring.application.name)");
        String owner = Topics.owner(settings.publishTopic()).orElse(null);
        if (owner != null && !owner.equals(producerName)) {
            throw new IllegalStateException(settings.publishTopic() + " belongs to " + owner + ", not to '"
                    + producerName + "' (spring.application.name): its consumers would park every record sent");
        }
        Properties props = new Properties();
        props.putAll(settings.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());   // UTF-8 JSON
        this.producer = new KafkaProducer<>(props);
        this.objectMapper = objectMapper;
        this.topic = settings.publishTopic();
        this.producerName = producerName.getBytes(StandardCharsets.UTF_8);
        this.jdbc = jdbc;
        this.publishedTypes = EventTypes.all().values().stream().map(Class::getName).toArray(String[]::new);
    }

    /**
     * Every event of the store; the published ones are collected. It takes the message, not the payload, so that no
     * event is deserialized here: the type is read from the stored row's type name and the envelope carries the
     * stored payload bytes as they are.
     */
    @EventHandler(payloadType = Object.class)
    public void on(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent && EventTypes.isPublished(event.getPayloadType())) {
            batch().add(domainEvent);
        }
    }

    /** The current batch's published events, sent and awaited before the batch (and its token) commits. */
    private List<DomainEventMessage<?>> batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            List<DomainEventMessage<?>> events = new ArrayList<>();
            root.onPrepareCommit(uow -> awaitAll(send(events)));
            return events;
        });
    }

    private List<Future<RecordMetadata>> send(List<DomainEventMessage<?>> events) {
        Map<String, EventLink> links = links(events);
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            EventLink link = links.get(event.getIdentifier());
            if (link == null) {
                throw new IllegalStateException("event " + event.getIdentifier() + " is not in the event store");
            }
            try {
                EventEnvelope envelope = new EventEnvelope(event.getIdentifier(),
                        event.getPayloadType().getSimpleName(), event.getType(), event.getAggregateIdentifier(),
                        event.getSequenceNumber(), event.getTimestamp(), EventMetadata.from(event.getMetaData()),
                        storedJson(link.payload()), link);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.aggregateId(),
                        objectMapper.writeValueAsBytes(envelope));
                record.headers().add(Topics.PRODUCER_HEADER, producerName);
                sent.add(producer.send(record));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event " + event.getIdentifier() + " could not be written", e);
            }
        }
        return sent;
    }

    /** The hash links of the events, by event id, read in one query. */
    private Map<String, EventLink> links(List<DomainEventMessage<?>> events) {
        Map<String, EventLink> links = new HashMap<>();
        if (events.isEmpty()) {
            return links;
        }
        Object[] ids = events.stream().map(DomainEventMessage::getIdentifier).toArray();
        jdbc.query(connection -> {
            java.sql.PreparedStatement statement = connection.prepareStatement(STORED);
            statement.setArray(1, connection.createArrayOf("varchar", publishedTypes));
            statement.setArray(2, connection.createArrayOf("varchar", ids));
            return statement;
        }, rs -> {
            long previousPublished = rs.getLong(9);
            boolean none = rs.wasNull();
            links.put(rs.getString(1), new EventLink(rs.getString(2), rs.getString(3), rs.getString(4),
                    text(rs.getBytes(5)), text(rs.getBytes(6)), CanonicalForm.hex(rs.getBytes(7)),
                    CanonicalForm.hex(rs.getBytes(8)), none ? null : previousPublished,
                    CanonicalForm.hex(rs.getBytes(10))));
        });
        return links;
    }

    /** The stored payload as the envelope's {@code payload}, written as it is stored: not parsed and written again. */
    private JsonNode storedJson(String payload) {
        return objectMapper.getNodeFactory().rawValueNode(new RawValue(payload));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
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
