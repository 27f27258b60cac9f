package io.jixiao.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the machine itself can do, measured in the same run: the ceilings the suite's figures are held against. */
public final class RawBaselines {
    private final Duration slice;

    public RawBaselines(Duration slice) {
        this.slice = slice;
    }

    /** Single-row INSERT, one commit each, by {@code clients} JDBC connections in parallel: commits per second. */
    public double postgresCommitsPerSecond(String jdbcUrl, String user, String password, int clients) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_row (id BIGSERIAL PRIMARY KEY, k TEXT, v BIGINT, at TIMESTAMPTZ DEFAULT now())");
        }
        AtomicLong commits = new AtomicLong();
        long deadline = System.nanoTime() + slice.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                     PreparedStatement insert = c.prepareStatement("INSERT INTO bench_row (k, v) VALUES (?, ?)")) {
                    c.setAutoCommit(true);
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, "k");
                        insert.setLong(2, 1);
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        long start = System.nanoTime();
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return commits.get() / seconds(start);
    }

    /** 50-row batched INSERTs, one commit per batch, one client: batches per second. */
    public double postgresBatchesPerSecond(String jdbcUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement insert = c.prepareStatement("INSERT INTO bench_row (k, v) VALUES (?, ?)")) {
            c.setAutoCommit(false);
            long batches = 0;
            long start = System.nanoTime();
            long deadline = start + slice.toNanos();
            while (System.nanoTime() < deadline) {
                for (int i = 0; i < 50; i++) {
                    insert.setString(1, "k");
                    insert.setLong(2, i);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                batches++;
            }
            return batches / seconds(start);
        }
    }

    /** Kafka produce (500-byte records, acks=all, idempotent) then consume of the same records: records per second each. */
    public double[] kafkaRecordsPerSecond(Map<String, Object> client, int records) throws Exception {
        String topic = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        Properties admin = new Properties();
        admin.putAll(client);
        try (Admin a = Admin.create(admin)) {
            a.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        byte[] value = new byte[500];
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, ("k" + (i % 1000)).getBytes(), value));
            }
            producer.flush();
        }
        double produced = records / seconds(start);
        Properties c = new Properties();
        c.putAll(client);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        long consumed = 0;
        long consumeStart = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (consumed < records && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return new double[] {produced, consumed / seconds(consumeStart)};
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
