package io.jixiao.support.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.support.kafka.KafkaSettings;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds one {@link Projection} from Kafka with exactly-once effect on its rows: each poll's records are
 * applied in one PostgreSQL transaction together with the next offsets and the applied event ids;
 * on (re)assignment the consumer seeks to the stored offsets, not Kafka's. An event already applied is
 * skipped (the publisher is at-least-once): by the applied ids the runner keeps, or by the projection's own
 * rows where it {@link Projection#deduplicatesItself() deduplicates itself}. A record that fails on its own is
 * parked in {@code projection_dead_letter} and the projection goes on; database outages are waited out, not parked.
 *
 * <p>A record on a topic with a known owner ({@link Topics#OWNERS}) must carry that owner in its
 * {@link Topics#PRODUCER_HEADER}; one that names another producer, or none, is parked like an undecodable one and
 * never applied (docs/decisions/0008-kafka-topic-ownership.md). A {@link #retryParked retry} is an operator's
 * decision and applies the parked value without that check.
 *
 * <p>Every event's hash link is checked before it is applied ({@link ChainHeads}): an event without one, whose hash
 * is not that of the stored bytes it carries, or that does not follow the event accepted before it in its aggregate
 * is parked like a poison event and changes no read model. A retry applies it without the check.
 */
public class ProjectionRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);

    /** A poll is one transaction: large enough that a rebuild writes in big batches; a live poll takes what is there. */
    static final int MAX_POLL_RECORDS = 2000;
    private static final long KAFKA_COMMIT_INTERVAL_NANOS = 500_000_000L;
    /** What the broker gathers for a live poll before it answers, unless {@link #FETCH_MAX_WAIT_MS} passed first. */
    static final int FETCH_MIN_BYTES = 64 * 1024;
    static final int FETCH_MAX_WAIT_MS = 250;

    private final Projection projection;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper objectMapper;
    private final Map<String, Object> kafkaClient;
    private final Map<String, byte[]> topicOwners;
    private final ChainHeads chainHeads;
    private final Thread thread;
    private final AtomicReference<CompletableFuture<Void>> rebuildRequest = new AtomicReference<>();
    private volatile boolean running = true;
    private volatile boolean rebuildStarted;
    private boolean uncommitted;
    private long lastKafkaCommit;
    private volatile Map<TopicPartition, Long> rebuildTarget = Map.of();
    private volatile Map<TopicPartition, Long> rebuildFrom = Map.of();
    private volatile RebuildProgress rebuildProgress;
    private long progressLoggedAt;
    private volatile KafkaConsumer<String, String> consumer;

    /** An unauthenticated consumer of {@code bootstrapServers}; the suite's topic owners. */
    public ProjectionRunner(Projection projection, JdbcTemplate jdbc, TransactionTemplate tx,
                            ObjectMapper objectMapper, String bootstrapServers) {
        this(projection, jdbc, tx, objectMapper, KafkaSettings.of(bootstrapServers), Topics.OWNERS);
    }

    /**
     * @param kafka       where Kafka is and how to log in ({@link KafkaSettings#clientProperties()})
     * @param topicOwners topic → the only producer whose records are applied ({@link Topics#OWNERS}); records of
     *                    topics not in it are not checked
     */
    public ProjectionRunner(Projection projection, JdbcTemplate jdbc, TransactionTemplate tx,
                            ObjectMapper objectMapper, KafkaSettings kafka, Map<String, String> topicOwners) {
        this.projection = projection;
        this.jdbc = jdbc;
        this.tx = tx;
        this.objectMapper = objectMapper;
        this.kafkaClient = Map.copyOf(kafka.clientProperties());
        Map<String, byte[]> owners = new HashMap<>();
        topicOwners.forEach((topic, owner) -> owners.put(topic, owner.getBytes(StandardCharsets.UTF_8)));
        this.topicOwners = Map.copyOf(owners);
        this.chainHeads = new ChainHeads(projection.name());
        this.thread = new Thread(this::run, "projection-" + projection.name());
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public String name() {
        return projection.name();
    }

    /** How far the last rebuild has come ({@code IDLE} when there was none since start). */
    public RebuildProgress rebuildProgress() {
        RebuildProgress progress = rebuildProgress;
        return progress != null ? progress : RebuildProgress.idle(projection.name());
    }

    /** Empties the read model and its offsets and reads the topics again from the start; completes when caught up. */
    public CompletableFuture<Void> rebuild() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!rebuildRequest.compareAndSet(null, done)) {
            return rebuildRequest.get();
        }
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        return done;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, String> c = newConsumer()) {
                consumer = c;
                c.subscribe(projection.topics(), new SeekToStoredOffsets(c));
                while (running) {
                    handleRebuildRequest(c);
                    ConsumerRecords<String, String> records;
                    try {
                        records = c.poll(Duration.ofMillis(200));
                    } catch (WakeupException e) {
                        continue;
                    }
                    if (!records.isEmpty()) {
                        process(c, records);
                        reportRebuildProgress(c);
                    }
                    completeRebuildIfCaughtUp(c);
                    commitToKafkaIfDue(c, records.isEmpty());
                }
            } catch (WakeupException e) {
                // closing or rebuilding: loop decides
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("projection {} consumer failed, restarting in 1 s: {}", projection.name(), e.toString());
                    pause(1000);
                }
            }
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        Properties props = new Properties();
        props.putAll(kafkaClient);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "jixiao-" + projection.name());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, projection.name() + "-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);  // a full poll from one partition
        // under load the broker gathers about 100 events (64 KiB) or waits 250 ms for them, so that a poll, its
        // transaction and its commit serve many events rather than one or two; an idle consumer asks four times a
        // second. Every fetch costs the consumer and the broker CPU whether it brings events or not: at 16 KiB /
        // 50 ms the fetches were a fifth of budget-service's CPU, 44% of disclosure's and 61% of evaluation's while a
        // district was loaded (docs/benchmarks.md, "Fewer fetches"); a lone event waits up to 250 ms, within the
        // workbench's second
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private void process(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>();
        records.forEach(list::add);
        boolean rebuilding = rebuildStarted;
        try {
            tx.executeWithoutResult(status -> {
                if (rebuilding) {
                    // a crash loses the last few commits, rows and offsets together: they are read again from Kafka
                    jdbc.execute("SET LOCAL synchronous_commit = off");
                }
                applyBatch(list);
                storeOffsets(list);
            });
        } catch (RuntimeException batchFailure) {
            if (isOutage(batchFailure)) {
                waitOutOutage(c, list, batchFailure);
                return;
            }
            for (ConsumerRecord<String, String> record : list) {
                if (!processAlone(c, record)) {
                    return;
                }
            }
        }
        uncommitted = true;
    }

    /** Applies one record in its own transaction, parking it if it fails; false if the database is down. */
    private boolean processAlone(KafkaConsumer<String, String> c, ConsumerRecord<String, String> record) {
        try {
            tx.executeWithoutResult(status -> {
                applyOnce(record, true);
                storeOffsets(List.of(record));
            });
            return true;
        } catch (RuntimeException failure) {
            if (isOutage(failure)) {
                waitOutOutage(c, List.of(record), failure);
                return false;
            }
            log.error("projection {} parks {}-{}@{}: {}", projection.name(), record.topic(), record.partition(),
                    record.offset(), failure.toString());
            tx.executeWithoutResult(status -> {
                park(record, failure);
                storeOffsets(List.of(record));
            });
            rememberIntactLink(record, failure);
            return true;
        }
    }

    /**
     * Applies a whole poll: the event ids are claimed in one statement (those already applied, and repeats inside
     * the poll, are passed over) and the fresh events go to the projection together. Any failure fails the poll,
     * which the caller then applies record by record.
     */
    private void applyBatch(List<ConsumerRecord<String, String>> records) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            events.add(parse(record));
        }
        chainHeads.check(events, jdbc);
        List<String> ids = events.stream().map(EventEnvelope::eventId).distinct().toList();
        Set<String> fresh = projection.deduplicatesItself() ? new HashSet<>(ids) : claim(ids);
        List<EventEnvelope> toApply = new ArrayList<>(fresh.size());
        for (EventEnvelope event : events) {
            if (fresh.remove(event.eventId())) {
                toApply.add(event);
            }
        }
        if (!toApply.isEmpty()) {
            projection.applyAll(toApply, jdbc);
        }
    }

    /** Records the event ids as applied; answers those that were not applied before. */
    private Set<String> claim(List<String> eventIds) {
        List<String> fresh = jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO projection_applied_event "
                    + "(projection, event_id) SELECT ?, unnest(?::varchar[]) ON CONFLICT DO NOTHING RETURNING event_id");
            statement.setString(1, projection.name());
            statement.setArray(2, connection.createArrayOf("varchar", eventIds.toArray()));
            return statement;
        }, (rs, i) -> rs.getString(1));
        return new HashSet<>(fresh);
    }

    /** {@code checkLink}: false only for an operator's retry of a parked event. */
    private void applyOnce(ConsumerRecord<String, String> record, boolean checkLink) {
        EventEnvelope event = parse(record);
        if (checkLink) {
            chainHeads.check(List.of(event), jdbc);
        }
        if (projection.deduplicatesItself()) {
            projection.apply(event, jdbc);
            return;
        }
        int fresh = jdbc.update("INSERT INTO projection_applied_event (projection, event_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING", projection.name(), event.eventId());
        if (fresh == 1) {
            projection.apply(event, jdbc);
        }
    }

    private EventEnvelope parse(ConsumerRecord<String, String> record) {
        checkProducer(record);
        try {
            EventEnvelope event = objectMapper.readValue(record.value(), EventEnvelope.class);
            if (event.eventId() == null || event.type() == null) {
                throw new IllegalArgumentException("envelope without eventId or type");
            }
            return event;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getMessage(), e);
        }
    }

    /** A header lookup and a byte comparison per record: the owner of the record's topic must have produced it. */
    private void checkProducer(ConsumerRecord<String, String> record) {
        byte[] owner = topicOwners.get(record.topic());
        if (owner == null) {
            return;
        }
        Header producer = record.headers().lastHeader(Topics.PRODUCER_HEADER);
        if (producer == null || !Arrays.equals(owner, producer.value())) {
            throw new ForeignProducer(record.topic() + " belongs to " + new String(owner, StandardCharsets.UTF_8)
                    + ", but this record was produced by " + (producer == null || producer.value() == null
                    ? "an unnamed producer (no " + Topics.PRODUCER_HEADER + " header)"
                    : "'" + new String(producer.value(), StandardCharsets.UTF_8) + "'"));
        }
    }

    /** A record whose producer is not the owner of its topic: parked, never applied. */
    static final class ForeignProducer extends IllegalArgumentException {
        ForeignProducer(String message) {
            super(message);
        }
    }

    private void park(ConsumerRecord<String, String> record, RuntimeException failure) {
        String eventId = null;
        String type = null;
        try {
            var node = objectMapper.readTree(record.value());
            eventId = node.path("eventId").asText(null);
            type = node.path("type").asText(null);
        } catch (java.io.IOException | RuntimeException ignored) {
            // unparseable: parked with its raw value
        }
        jdbc.update("INSERT INTO projection_dead_letter (projection, topic, partition_no, record_offset, event_id, "
                        + "event_type, record_value, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                projection.name(), record.topic(), record.partition(), record.offset(), eventId, type,
                record.value() == null ? "" : record.value(), String.valueOf(rootCause(failure)));
    }

    /**
     * A parked event that follows the aggregate's last accepted one (the projection could not apply it, or its
     * content was altered) is remembered as the aggregate's head: its next genuine event links to it
     * ({@link ChainHeads#rememberIfItFollows}). Nothing of a foreign producer's record is remembered.
     */
    private void rememberIntactLink(ConsumerRecord<String, String> record, RuntimeException failure) {
        if (failure instanceof ForeignProducer) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> chainHeads.rememberIfItFollows(parse(record), jdbc));
        } catch (RuntimeException unreadable) {
            // not an envelope: nothing to remember
        }
    }

    /** Applies a parked event again (after a fix); it stays parked with the new error if it fails again. */
    public boolean retryParked(long deadLetterId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT record_value FROM projection_dead_letter WHERE id = ? "
                + "AND projection = ? AND status = 'PARKED'", deadLetterId, projection.name());
        String value = (String) row.get("record_value");
        try {
            tx.executeWithoutResult(status -> {
                applyOnce(new ConsumerRecord<>("retry", 0, 0, null, value), false);
                jdbc.update("UPDATE projection_dead_letter SET status = 'RETRIED', resolved_at = now() WHERE id = ?",
                        deadLetterId);
            });
            return true;
        } catch (RuntimeException e) {
            jdbc.update("UPDATE projection_dead_letter SET error = ? WHERE id = ?", String.valueOf(rootCause(e)),
                    deadLetterId);
            return false;
        }
    }

    private void storeOffsets(List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        next.forEach((tp, offset) -> jdbc.update("INSERT INTO projection_offset (projection, topic, partition_no, "
                + "next_offset) VALUES (?, ?, ?, ?) ON CONFLICT (projection, topic, partition_no) DO UPDATE SET "
                + "next_offset = GREATEST(projection_offset.next_offset, EXCLUDED.next_offset), updated_at = now()",
                projection.name(), tp.topic(), tp.partition(), offset));
    }

    /**
     * Kafka's own committed offsets only show lag to operators (the offsets stored with the rows are the truth), so
     * they are committed at most twice a second while records flow, and at once when a poll comes back empty.
     */
    private void commitToKafkaIfDue(KafkaConsumer<String, String> c, boolean idle) {
        long now = System.nanoTime();
        if (!uncommitted || (!idle && now - lastKafkaCommit < KAFKA_COMMIT_INTERVAL_NANOS)) {
            return;
        }
        try {
            c.commitAsync();
            uncommitted = false;
            lastKafkaCommit = now;
        } catch (RuntimeException ignored) {
            // a rebalance in progress; the database offsets are authoritative
        }
    }

    private void waitOutOutage(KafkaConsumer<String, String> c, List<ConsumerRecord<String, String>> records,
                               RuntimeException failure) {
        log.warn("projection {}: database unavailable ({}), retrying", projection.name(), rootCause(failure).toString());
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach((tp, offset) -> {
            if (c.assignment().contains(tp)) {
                c.seek(tp, offset);
            }
        });
        pause(1000);
    }

    private void handleRebuildRequest(KafkaConsumer<String, String> c) {
        CompletableFuture<Void> request = rebuildRequest.get();
        if (request == null || rebuildStarted || c.assignment().isEmpty()) {
            return;  // nothing asked, already under way, or no partitions yet (the next poll assigns them)
        }
        tx.executeWithoutResult(status -> {
            for (String table : projection.tables()) {
                jdbc.execute("TRUNCATE TABLE " + table);
            }
            jdbc.update("DELETE FROM projection_offset WHERE projection = ?", projection.name());
            jdbc.update("DELETE FROM projection_applied_event WHERE projection = ?", projection.name());
            chainHeads.forget(jdbc);
        });
        c.seekToBeginning(c.assignment());
        // the log as it is now is what the rebuild must reach: asked once, not after every poll (a call to the
        // broker that waits behind the consumer's in-flight fetch took most of a rebuild's time)
        rebuildTarget = c.endOffsets(c.assignment());
        rebuildFrom = c.beginningOffsets(c.assignment());
        rebuildProgress = RebuildProgress.started(projection.name(), rebuildFrom, rebuildTarget);
        progressLoggedAt = System.nanoTime();
        rebuildStarted = true;
        log.info("projection {} rebuilding from the start of {}: {} events", projection.name(), projection.topics(),
                rebuildProgress.total());
    }

    private void completeRebuildIfCaughtUp(KafkaConsumer<String, String> c) {
        CompletableFuture<Void> request = rebuildRequest.get();
        if (request == null || !rebuildStarted) {
            return;
        }
        Map<TopicPartition, Long> target = rebuildTarget;
        boolean caughtUp = c.assignment().stream()
                .allMatch(tp -> target.containsKey(tp) ? c.position(tp) >= target.get(tp)
                        : c.position(tp) >= c.endOffsets(List.of(tp)).get(tp));   // assigned since: ask the broker
        if (caughtUp) {
            rebuildProgress = rebuildProgress.finished();
            log.info("{}", rebuildProgress);
            rebuildStarted = false;
            rebuildRequest.set(null);
            request.complete(null);
        }
    }

    /** During a rebuild: the events read of the total, for the admin endpoint, and in the log every 2 s. */
    private void reportRebuildProgress(KafkaConsumer<String, String> c) {
        if (!rebuildStarted || rebuildProgress == null) {
            return;
        }
        Map<TopicPartition, Long> positions = new java.util.HashMap<>();
        c.assignment().forEach(tp -> positions.put(tp, c.position(tp)));
        rebuildProgress = rebuildProgress.at(rebuildFrom, rebuildTarget, positions);
        if (System.nanoTime() - progressLoggedAt > 2_000_000_000L) {
            progressLoggedAt = System.nanoTime();
            log.info("{}", rebuildProgress);
        }
    }

    /** Stored offsets win over Kafka's committed ones: the rows and the offsets were written together. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> c;

        SeekToStoredOffsets(KafkaConsumer<String, String> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                List<Long> stored = jdbc.queryForList("SELECT next_offset FROM projection_offset WHERE projection = ? "
                        + "AND topic = ? AND partition_no = ?", Long.class, projection.name(), tp.topic(), tp.partition());
                if (stored.isEmpty()) {
                    c.seekToBeginning(List.of(tp));
                } else {
                    c.seek(tp, stored.get(0));
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // nothing buffered: each poll is stored before the next
        }
    }

    private static boolean isOutage(Throwable failure) {
        if (io.jixiao.support.web.DatabaseOutage.causedBy(failure)) {
            return true;   // the same judgement as the HTTP answers (503), e.g. Hikari's evicted "Connection is closed"
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessException || t instanceof SQLTransientException
                    || t instanceof java.net.ConnectException
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
