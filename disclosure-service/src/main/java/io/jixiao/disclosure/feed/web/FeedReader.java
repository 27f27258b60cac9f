package io.jixiao.disclosure.feed.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.disclosure.feed.FeedCursor;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventLinks;
import io.jixiao.events.Topics;
import io.jixiao.support.kafka.KafkaSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the published topics from a {@link FeedCursor}: one consumer at a time per read, {@code assign} and
 * {@code seek} (no consumer group, so nothing is committed and no group permission is needed), records in each
 * partition's order (one aggregate's events are in one partition). A record that its topic's owner did not stamp
 * ({@link Topics#PRODUCER_HEADER}), that is not an envelope naming a district, or whose hash link does not hold on its
 * own ({@link EventLinks#problem}) is passed over, as the projections park it; the cursor moves past it either way.
 * Whether an event links to the one before it is the client's check (the feed keeps no chain heads).
 *
 * <p>Consumers are kept between reads (at most {@code maxIdle} idle ones, closed with the reader): a read borrows one,
 * and seeks only the partitions where the consumer is not already at the cursor's offset, so a client that long-polls
 * with the cursor of its last answer (or a webhook's deliverer) opens no connection and seeks nothing per poll.
 */
public class FeedReader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);
    /** The published topics the feed serves. */
    public static final List<String> TOPICS = List.of(Topics.BUDGET_EVENTS, Topics.EVALUATION_EVENTS);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Records one poll may return; a read's {@code limit} is at most this. */
    private static final int MAX_POLL_RECORDS = 1000;

    private final KafkaSettings settings;
    private final ObjectMapper json;
    private final Duration catchUp;
    private final int maxIdle;
    private final Deque<Reusable> idle = new ArrayDeque<>();
    private final AtomicLong opened = new AtomicLong();
    private boolean closed;

    /** A kept consumer and where it stands: its assignment and the position of each partition after its last read. */
    private static final class Reusable {
        final KafkaConsumer<String, String> consumer;
        List<TopicPartition> assigned = List.of();
        final Map<TopicPartition, Long> at = new HashMap<>();

        Reusable(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }
    }

    /**
     * @param catchUp how long one read may go on reading records that were already on the topics when it started
     *                but that the caller may not see, before it answers with no events and a cursor past them
     * @param maxIdle consumers kept open between reads (the reads that may run at once)
     */
    public FeedReader(KafkaSettings settings, ObjectMapper json, Duration catchUp, int maxIdle) {
        this.settings = settings;
        this.json = json;
        this.catchUp = catchUp;
        this.maxIdle = maxIdle;
    }

    /** Kafka consumers this reader has opened since it was made. */
    public long consumersOpened() {
        return opened.get();
    }

    /**
     * One published event: the envelope as published, its district and type, and the cursor just after it.
     *
     * @param published the record's value as it is on the topic (what a webhook signs and sends)
     */
    public record Item(String eventId, String type, String aggregateId, String districtCode, JsonNode envelope,
                       String published, FeedCursor after) {
    }

    /** The events read and the cursor to read on from (past every record looked at). */
    public record Batch(List<Item> events, FeedCursor next) {
    }

    /** Which events a read keeps: those of {@code districts} and, when {@code types} is not empty, of those types. */
    public record Filter(Set<String> districts, Set<String> types) {
        public Filter {
            districts = Set.copyOf(districts);
            types = Set.copyOf(types);
        }

        boolean accepts(String district, String type) {
            return districts.contains(district) && (types.isEmpty() || types.contains(type));
        }
    }

    /**
     * Reads from {@code from} until it has {@code limit} events, or it is at the end of the topics with at least one
     * event, or {@code wait} has passed (long polling: with none yet it waits for new records up to then).
     *
     * @throws IllegalArgumentException when the cursor names a partition that does not exist or an offset past its end
     */
    public Batch read(FeedCursor from, Filter filter, int limit, Duration wait) {
        if (limit > MAX_POLL_RECORDS) {
            throw new IllegalArgumentException("limit above " + MAX_POLL_RECORDS);
        }
        Reusable reusable = borrow();
        boolean healthy = false;
        try {
            Batch batch = read(reusable, from, filter, limit, wait);
            healthy = true;
            return batch;
        } catch (IllegalArgumentException e) {   // a bad cursor: the consumer itself is fine
            healthy = true;
            throw e;
        } finally {
            giveBack(reusable, healthy);
        }
    }

    private Batch read(Reusable reusable, FeedCursor from, Filter filter, int limit, Duration wait) {
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        long catchUpDeadline = deadline + catchUp.toNanos();
        KafkaConsumer<String, String> consumer = reusable.consumer;
        List<TopicPartition> partitions = partitions(consumer);
        if (partitions.isEmpty()) {   // the topics do not exist yet: nothing was ever published
            return new Batch(List.of(), from);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        for (String named : from.offsets().keySet()) {
            if (partitions.stream().noneMatch(p -> FeedCursor.key(p.topic(), p.partition()).equals(named))) {
                throw new IllegalArgumentException("names a partition the topics do not have: " + named);
            }
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long next = from.next(partition.topic(), partition.partition());
            if (next > ends.get(partition)) {
                throw new IllegalArgumentException("is past the end of " + partition);
            }
            positions.put(partition, Math.max(next, beginnings.get(partition)));
        }
        if (!reusable.assigned.equals(partitions)) {
            consumer.assign(partitions);
            reusable.assigned = List.copyOf(partitions);
            reusable.at.clear();
        }
        positions.forEach((partition, position) -> {
            if (!position.equals(reusable.at.get(partition))) {
                consumer.seek(partition, position);
            }
        });
        reusable.at.clear();   // until the read ends normally, the consumer's positions are unknown
        List<Item> events = new ArrayList<>();
        while (true) {
            ConsumerRecords<String, String> records = consumer.poll(POLL);
            boolean full = false;
            for (ConsumerRecord<String, String> record : records) {
                if (events.size() >= limit) {
                    full = true;
                    break;
                }
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                positions.put(partition, record.offset() + 1);
                Item item = item(record, filter, positions);
                if (item != null) {
                    events.add(item);
                }
            }
            if (!full) {
                // past every record returned and any control record after them
                partitions.forEach(p -> positions.put(p, Math.max(positions.get(p), consumer.position(p))));
            }
            long now = System.nanoTime();
            boolean behind = partitions.stream().anyMatch(p -> positions.get(p) < ends.get(p));
            if (full || events.size() >= limit || !events.isEmpty() && !behind
                    || now >= (behind ? catchUpDeadline : deadline)) {
                if (!full) {   // a full poll left records past the cursor in the consumer: seek there next time
                    reusable.at.putAll(positions);
                }
                return new Batch(events, cursor(positions));
            }
        }
    }

    private Reusable borrow() {
        synchronized (idle) {
            Reusable kept = idle.pollFirst();
            if (kept != null) {
                return kept;
            }
        }
        opened.incrementAndGet();
        return new Reusable(newConsumer());
    }

    private void giveBack(Reusable reusable, boolean healthy) {
        synchronized (idle) {
            if (healthy && !closed && idle.size() < maxIdle) {
                idle.offerFirst(reusable);
                return;
            }
        }
        reusable.consumer.close(Duration.ofSeconds(1));
    }

    /** Closes the kept consumers; a read still running closes its own when it ends. */
    @Override
    public void close() {
        List<Reusable> kept;
        synchronized (idle) {
            closed = true;
            kept = new ArrayList<>(idle);
            idle.clear();
        }
        kept.forEach(k -> k.consumer.close(Duration.ofSeconds(1)));
    }

    private Item item(ConsumerRecord<String, String> record, Filter filter, Map<TopicPartition, Long> positions) {
        String owner = Topics.owner(record.topic()).orElse(null);
        Header producer = record.headers().lastHeader(Topics.PRODUCER_HEADER);
        if (owner == null || producer == null || !owner.equals(new String(producer.value(), StandardCharsets.UTF_8))) {
            log.debug("feed passes over {}-{}@{}: not stamped by the topic's owner", record.topic(),
                    record.partition(), record.offset());
            return null;
        }
        JsonNode envelope;
        try {
            envelope = record.value() == null ? null : json.readTree(record.value());
        } catch (IOException e) {
            envelope = null;
        }
        String district = envelope == null ? "" : envelope.path("metadata").path("districtCode").asText("");
        String type = envelope == null ? "" : envelope.path("type").asText("");
        String eventId = envelope == null ? "" : envelope.path("eventId").asText("");
        if (district.isEmpty() || type.isEmpty() || eventId.isEmpty()) {
            log.debug("feed passes over {}-{}@{}: not an envelope naming its district", record.topic(),
                    record.partition(), record.offset());
            return null;
        }
        if (!filter.accepts(district, type)) {
            return null;
        }
        Optional<String> broken = linkProblem(envelope);
        if (broken.isPresent()) {
            log.warn("feed passes over {}-{}@{} (event {}): {}", record.topic(), record.partition(), record.offset(),
                    eventId, broken.get());
            return null;
        }
        return new Item(eventId, type, envelope.path("aggregateId").asText(), district, envelope, record.value(),
                cursor(positions));
    }

    /** What is wrong with the envelope's hash link taken alone ({@link EventLinks#problem}); empty when it holds. */
    private Optional<String> linkProblem(JsonNode envelope) {
        try {
            return EventLinks.problem(json.treeToValue(envelope, EventEnvelope.class));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("not an envelope: " + e.getMessage());
        }
    }

    private static FeedCursor cursor(Map<TopicPartition, Long> positions) {
        Map<String, Long> offsets = new HashMap<>();
        positions.forEach((p, offset) -> offsets.put(FeedCursor.key(p.topic(), p.partition()), offset));
        return new FeedCursor(offsets);
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        return partitions;
    }

    private KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> props = settings.clientProperties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "feed-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
