package io.jixiao.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in KRaft combined mode (broker and controller in one node), run inside
 * this JVM from the Kafka server jars.
 *
 * <p>With a log directory the topics and records survive {@link #stop()} and the next start on
 * the same directory; without one the broker lives in a temporary directory that {@link #stop()}
 * deletes. Single-node settings: replication factors 1, {@code min.insync.replicas=1}, no
 * auto-created topics, 3 partitions by default, unlimited retention.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDirectory;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDirectory, int port, int controllerPort) {
        this.temporary = logDirectory == null;
        this.logDirectory = temporary
                ? Directories.createTemp("jixiao-kafka-")
                : Directories.create(logDirectory.toAbsolutePath());
        // picked together, so that the two listeners never get the same port
        int[] free = FreePorts.pickDistinct(2);
        this.port = port != 0 ? port : free[0];
        this.controllerPort = controllerPort != 0 ? controllerPort : free[1] != this.port ? free[1] : free[0];
    }

    /** Starts a broker; {@code logDirectory} null = a temporary one, {@code port} 0 = a free port. */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port) {
        return start(logDirectory, port, 0);
    }

    /** As {@link #start(Path, int)}, with the controller listener on {@code controllerPort} (0 = a free port). */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port, int controllerPort) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDirectory, port, controllerPort);
        try {
            broker.startAgain();
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    /** {@code localhost:<port>}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Creates {@code topic} with {@code partitions} partitions and {@code retention.ms=-1} unless it exists. */
    public void createTopicIfMissing(String topic, int partitions) {
        NewTopic newTopic = new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1"));
        try (Admin admin = admin()) {
            admin.createTopics(List.of(newTopic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating topic " + topic, e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    /** Stops the broker (clean shutdown) and keeps its logs, e.g. to simulate an outage. */
    public synchronized void stopForOutage() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
    }

    /** Starts the broker again on the same ports and log directory. */
    public synchronized void startAgain() {
        if (server != null) {
            return;
        }
        QuietKafkaLogging.apply();
        requireFree(port);
        requireFree(controllerPort);
        Properties settings = KafkaBrokerSettings.of(logDirectory, port, controllerPort);
        KafkaStorage.formatIfNeeded(logDirectory, settings);
        KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(settings), Time.SYSTEM);
        try {
            starting.startup();
            awaitReady();
        } catch (RuntimeException e) {
            starting.shutdown();
            starting.awaitShutdown();
            throw new IllegalStateException("Kafka did not start on port " + port + " in " + logDirectory, e);
        }
        server = starting;
    }

    /** Stops the broker and starts it again on the same ports and log directory. */
    public void restart() {
        stopForOutage();
        startAgain();
    }

    /** Stops the broker cleanly; a temporary log directory is deleted. */
    public synchronized void stop() {
        stopForOutage();
        if (temporary) {
            Directories.deleteRecursively(logDirectory);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "Kafka on " + bootstrapServers() + " in " + logDirectory;
    }

    private void awaitReady() {
        try (Admin admin = admin()) {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (!brokerIsListed(admin)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not register within " + READY_TIMEOUT);
                }
                pause();
            }
        }
    }

    private static boolean brokerIsListed(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private static void requireFree(int port) {
        if (FreePorts.inUse(port)) {
            throw new IllegalStateException("port " + port + " is already in use; cannot start Kafka");
        }
    }
}
