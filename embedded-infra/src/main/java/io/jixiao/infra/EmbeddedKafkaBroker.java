package io.jixiao.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in KRaft combined mode (broker and controller in one node), run inside
 * this JVM from the Kafka server jars.
 *
 * <p>With a log directory the topics and records survive {@link #stop()} and the next start on
 * the same directory; without one the broker lives in a temporary directory that {@link #stop()}
 * deletes. Single-node settings: replication factors 1, {@code min.insync.replicas=1}, no
 * auto-created topics, 3 partitions by default, unlimited retention.
 *
 * <p>By default the client listener is PLAINTEXT and anyone who reaches it may do anything. Started with
 * {@link #startSecured} it authenticates every client (SASL_PLAINTEXT with PLAIN, the static users of a
 * {@link KafkaUsers}) and authorizes every request (StandardAuthorizer, no ACL = denied): after start the admin
 * creates the topics and the ACLs of the users, so a user writes only the topics it owns. PLAIN sends the
 * password in the clear, acceptable here because the broker listens on loopback only; the controller listener
 * stays PLAINTEXT on localhost.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path logDirectory;
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private final KafkaUsers users;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDirectory, int port, int controllerPort, KafkaUsers users) {
        this.users = users;
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
        return start(new EmbeddedKafkaBroker(logDirectory, port, controllerPort, null));
    }

    /**
     * As {@link #start(Path, int, int)}, secured for {@code users}: clients authenticate (SASL/PLAIN) and need
     * ACLs. Once the broker runs, the admin creates the topics of {@code users} (unless they exist) and the ACLs of
     * each user: WRITE on the topics it writes, READ on the topics it reads, READ on its consumer groups (WRITE and
     * READ imply DESCRIBE). Idempotent producers need nothing more: WRITE on a topic allows InitProducerId.
     * On a kept log directory the ACLs of an earlier start stay; those of {@code users} are added.
     */
    public static EmbeddedKafkaBroker startSecured(Path logDirectory, int port, int controllerPort, KafkaUsers users) {
        java.util.Objects.requireNonNull(users, "users");
        EmbeddedKafkaBroker broker = start(new EmbeddedKafkaBroker(logDirectory, port, controllerPort, users));
        try {
            broker.createTopicsAndAcls();
        } catch (RuntimeException e) {
            broker.stop();
            throw e;
        }
        return broker;
    }

    private static EmbeddedKafkaBroker start(EmbeddedKafkaBroker broker) {
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

    /** Whether clients must authenticate (started with {@link #startSecured}). */
    public boolean isSecured() {
        return users != null;
    }

    /** The users of a secured broker; empty for an open one. */
    public java.util.Optional<KafkaUsers> users() {
        return java.util.Optional.ofNullable(users);
    }

    /**
     * Client properties (bootstrap servers, SASL_PLAINTEXT, PLAIN, the JAAS login) for {@code user}, the admin or
     * one of the {@link KafkaUsers}; for an open broker only the bootstrap servers. Add serializers, group id etc.
     */
    public Map<String, Object> clientProperties(String user) {
        if (users == null) {
            return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        }
        return clientProperties(user, users.password(user));
    }

    /** {@link #readerFromStart(String)} as the admin (any client of an open broker). */
    public org.apache.kafka.clients.consumer.KafkaConsumer<String, String> readerFromStart() {
        return readerFromStart(users == null ? null : users.adminName());
    }

    /**
     * A consumer of strings as {@code user} (see {@link #clientProperties(String)}), in a group of its own that reads
     * every topic it subscribes to from the start: a test reading what a service published.
     */
    public org.apache.kafka.clients.consumer.KafkaConsumer<String, String> readerFromStart(String user) {
        Map<String, Object> properties = new HashMap<>(clientProperties(user));
        properties.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG,
                "reader-" + java.util.UUID.randomUUID());
        properties.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new org.apache.kafka.clients.consumer.KafkaConsumer<>(properties,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer());
    }

    /** As {@link #clientProperties(String)} with any name and password, e.g. to see a wrong one refused. */
    public Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (users != null) {
            properties.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            properties.put("sasl.mechanism", "PLAIN");
            properties.put("sasl.jaas.config", KafkaUsers.clientJaasConfig(user, password));
        }
        return properties;
    }

    /**
     * The environment that makes a Jixiao service ({@code jixiao.kafka.*} of service-support) a client of this
     * broker as {@code user}: bootstrap servers and, when secured, user name, password, SASL_PLAINTEXT and PLAIN.
     */
    public Map<String, String> serviceEnvironment(String user) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JIXIAO_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        if (users != null) {
            env.put("JIXIAO_KAFKA_USERNAME", user);
            env.put("JIXIAO_KAFKA_PASSWORD", users.password(user));
            env.put("JIXIAO_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
            env.put("JIXIAO_KAFKA_SASL_MECHANISM", "PLAIN");
        }
        return env;
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

    /** An admin client for this broker (on a secured one, logged in as the admin); the caller closes it. */
    public Admin admin() {
        Map<String, Object> properties = new HashMap<>(users == null
                ? Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers())
                : clientProperties(users.adminName()));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(properties);
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
        Properties settings = users == null
                ? KafkaBrokerSettings.of(logDirectory, port, controllerPort)
                : KafkaBrokerSettings.secured(logDirectory, port, controllerPort, users);
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
        return "Kafka on " + bootstrapServers() + (users == null ? "" : " (SASL/PLAIN, ACLs)") + " in " + logDirectory;
    }

    private void createTopicsAndAcls() {
        users.topics().forEach(this::createTopicIfMissing);
        List<AclBinding> acls = new ArrayList<>();
        for (KafkaUsers.User user : users.users()) {
            String principal = "User:" + user.name();
            for (String topic : user.writes()) {
                acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.WRITE));
                acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.DESCRIBE));
            }
            for (String topic : user.reads()) {
                acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.READ));
                acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.DESCRIBE));
            }
            for (String group : user.groups()) {
                acls.add(allow(principal, ResourceType.GROUP, group, AclOperation.READ));
            }
        }
        if (acls.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // the controller stores them; wait until the broker's authorizer (what describeAcls answers from) has them
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS).containsAll(acls)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply the ACLs within " + READY_TIMEOUT);
                }
                pause();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the ACLs of " + users, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating ACLs", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out creating ACLs", e);
        }
    }

    private static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
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
