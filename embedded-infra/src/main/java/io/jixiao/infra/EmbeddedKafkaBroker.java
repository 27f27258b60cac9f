package io.jixiao.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
 * this JVM from the Kafka server jars; or, started with {@link #startCluster}, a cluster of three such nodes.
 *
 * <p>A cluster: three in-JVM servers, node ids 1, 2 and 3, each in combined mode (broker and controller; the three
 * controllers are the KRaft quorum, so one node may be down and the cluster still elects a leader and accepts
 * writes), each with its own log directory ({@code node-<id>} under the cluster's), client port and controller
 * port. Topics are created with replication factor 3 and {@code min.insync.replicas=2}, so a producer with
 * {@code acks=all} (the services' publisher) keeps writing while one broker is down and loses no acknowledged
 * record. {@link #stopNode(int)} and {@link #startNode(int)} take one node down and bring it back.
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
    /** A node process starts a JVM first: more time on a loaded machine. */
    private static final Duration PROCESS_READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration PROCESS_STOP_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The JVM of a node process: a small heap and the serial collector, and C1 alone, compiling a method after about
     * 40 calls instead of 200: a node's hot code is a small part of Kafka, and C2's compiler thread cost a broker
     * 0.6–1.1 CPU-s of a stack's first large load and 0.5–0.6 of each of the next several (decision 0058).
     */
    public static final List<String> NODE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.2");

    /** Nodes of a cluster started with {@link #startCluster}. */
    public static final int CLUSTER_SIZE = 3;

    private final Path logDirectory;
    private final boolean temporary;
    private final KafkaUsers users;
    private final List<Node> nodes;
    /** Whether each node runs as a process of its own ({@link KafkaNode}) instead of in this JVM. */
    private final boolean processes;

    /**
     * One KRaft node: its id, log directory, client and controller ports, and the server (in this JVM) or the
     * process while it runs.
     */
    private static final class Node {
        final int id;
        final Path logDirectory;
        final int port;
        final int controllerPort;
        KafkaRaftServer server;
        Process process;

        Node(int id, Path logDirectory, int port, int controllerPort) {
            this.id = id;
            this.logDirectory = logDirectory;
            this.port = port;
            this.controllerPort = controllerPort;
        }

        synchronized boolean runs() {
            return server != null || (process != null && process.isAlive());
        }
    }

    /**
     * {@code ports} and {@code controllerPorts}: one per node (0 = a free port); one node keeps its log in
     * {@code logDirectory} itself, several in {@code node-<id>} under it.
     */
    private EmbeddedKafkaBroker(Path logDirectory, int[] ports, int[] controllerPorts, KafkaUsers users) {
        this(logDirectory, ports, controllerPorts, users, false);
    }

    private EmbeddedKafkaBroker(Path logDirectory, int[] ports, int[] controllerPorts, KafkaUsers users,
                                boolean processes) {
        this.users = users;
        this.processes = processes;
        this.temporary = logDirectory == null;
        this.logDirectory = temporary
                ? Directories.createTemp("jixiao-kafka-")
                : Directories.create(logDirectory.toAbsolutePath());
        int size = ports.length;
        // picked together, so that no two listeners get the same port
        java.util.Deque<Integer> free = new java.util.ArrayDeque<>();
        for (int candidate : FreePorts.pickDistinct(2 * size)) {
            free.add(candidate);
        }
        java.util.Set<Integer> given = new java.util.HashSet<>();
        for (int i = 0; i < size; i++) {
            given.add(ports[i]);
            given.add(controllerPorts[i]);
        }
        free.removeIf(given::contains);
        List<Node> created = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int id = i + 1;
            Path directory = size == 1 ? this.logDirectory : Directories.create(this.logDirectory.resolve("node-" + id));
            created.add(new Node(id, directory,
                    ports[i] != 0 ? ports[i] : free.pop(),
                    controllerPorts[i] != 0 ? controllerPorts[i] : free.pop()));
        }
        this.nodes = List.copyOf(created);
    }

    /** Starts a broker; {@code logDirectory} null = a temporary one, {@code port} 0 = a free port. */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port) {
        return start(logDirectory, port, 0);
    }

    /** As {@link #start(Path, int)}, with the controller listener on {@code controllerPort} (0 = a free port). */
    public static EmbeddedKafkaBroker start(Path logDirectory, int port, int controllerPort) {
        return start(new EmbeddedKafkaBroker(logDirectory, new int[] {port}, new int[] {controllerPort}, null));
    }

    /**
     * A cluster of {@link #CLUSTER_SIZE} nodes (see the class comment) on {@code ports} and {@code controllerPorts}
     * (one each per node, 0 = a free port); {@code users} null = open, else secured as {@link #startSecured}, with
     * its topics created at replication factor 3. {@code logDirectory} null = a temporary one.
     */
    public static EmbeddedKafkaBroker startCluster(Path logDirectory, int[] ports, int[] controllerPorts,
            KafkaUsers users) {
        return startCluster(logDirectory, ports, controllerPorts, users, false);
    }

    /**
     * As {@link #startCluster}, each node a child process of this JVM ({@link KafkaNode}, its output in
     * {@code node-<id>.log} beside the nodes' log directories), so that {@link #killNode(int)} can kill one with
     * SIGKILL. The nodes stop when this JVM ends, even by SIGKILL (they watch their standard input).
     */
    public static EmbeddedKafkaBroker startClusterProcesses(Path logDirectory, int[] ports, int[] controllerPorts,
            KafkaUsers users) {
        return startCluster(logDirectory, ports, controllerPorts, users, true);
    }

    private static EmbeddedKafkaBroker startCluster(Path logDirectory, int[] ports, int[] controllerPorts,
            KafkaUsers users, boolean processes) {
        if (ports.length != CLUSTER_SIZE || controllerPorts.length != CLUSTER_SIZE) {
            throw new IllegalArgumentException("a cluster needs " + CLUSTER_SIZE + " ports and controller ports");
        }
        EmbeddedKafkaBroker cluster = start(new EmbeddedKafkaBroker(logDirectory, ports, controllerPorts, users,
                processes));
        if (users != null) {
            cluster.createTopicsAndAclsOrStop();
        }
        return cluster;
    }

    /**
     * As {@link #start(Path, int, int)}, secured for {@code users}: clients authenticate (SASL/PLAIN) and need
     * ACLs. Once the broker runs, the admin creates the topics of {@code users} (unless they exist) and the ACLs of
     * each user: WRITE on the topics it writes, READ on the topics it reads, READ on its consumer groups (WRITE and
     * READ imply DESCRIBE). Idempotent producers need nothing more: WRITE on a topic allows InitProducerId.
     * On a kept log directory the ACLs of an earlier start stay; those of {@code users} are added.
     */
    public static EmbeddedKafkaBroker startSecured(Path logDirectory, int port, int controllerPort, KafkaUsers users) {
        return startSecured(logDirectory, port, controllerPort, users, false);
    }

    /**
     * As {@link #startSecured}, the broker a child process of this JVM ({@link KafkaNode}, its output in
     * {@code node-1.log} in {@code logDirectory}) with the JVM options of {@link #NODE_JVM_OPTIONS}; it stops when this
     * JVM ends, even by SIGKILL. The local stack runs its broker so: a JVM of its own compiles Kafka's code with C1
     * alone instead of the launcher's C2 (docs/decisions/0058-kafka-in-a-jvm-of-its-own.md).
     */
    public static EmbeddedKafkaBroker startSecuredProcess(Path logDirectory, int port, int controllerPort,
                                                          KafkaUsers users) {
        return startSecured(logDirectory, port, controllerPort, users, true);
    }

    private static EmbeddedKafkaBroker startSecured(Path logDirectory, int port, int controllerPort, KafkaUsers users,
                                                    boolean process) {
        java.util.Objects.requireNonNull(users, "users");
        EmbeddedKafkaBroker broker = start(new EmbeddedKafkaBroker(logDirectory, new int[] {port},
                new int[] {controllerPort}, users, process));
        broker.createTopicsAndAclsOrStop();
        return broker;
    }

    private void createTopicsAndAclsOrStop() {
        try {
            createTopicsAndAcls();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
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

    /** {@code localhost:<port>}, for a cluster every node's, comma-separated. */
    public String bootstrapServers() {
        return String.join(",", nodes.stream().map(node -> "localhost:" + node.port).toList());
    }

    /** The client port (of a cluster: the first node's). */
    public int port() {
        return nodes.get(0).port;
    }

    /** The controller port (of a cluster: the first node's). */
    public int controllerPort() {
        return nodes.get(0).controllerPort;
    }

    /** The client port of each node, in node id order. */
    public List<Integer> ports() {
        return nodes.stream().map(node -> node.port).toList();
    }

    /** The nodes: 1 for a single broker, {@link #CLUSTER_SIZE} for a cluster. */
    public int size() {
        return nodes.size();
    }

    /** The replication factor topics get: 1 on a single broker, 3 on a cluster. */
    public short replicationFactor() {
        return (short) nodes.size();
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

    /** Whether any node runs. */
    public synchronized boolean isRunning() {
        return nodes.stream().anyMatch(Node::runs);
    }

    /** Whether node {@code id} (1..{@link #size()}) runs. */
    public synchronized boolean isRunning(int id) {
        return node(id).runs();
    }

    /** Whether the nodes run as processes of their own ({@link #startClusterProcesses}, {@link #startSecuredProcess}). */
    public boolean runsNodesAsProcesses() {
        return processes;
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions, {@code retention.ms=-1} and the
     * {@link #replicationFactor()} unless it exists (on a cluster {@code min.insync.replicas=2} is the brokers').
     */
    public void createTopicIfMissing(String topic, int partitions) {
        NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor()).configs(Map.of("retention.ms", "-1"));
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

    /** Stops the broker (clean shutdown; every node of a cluster) and keeps its logs, e.g. to simulate an outage. */
    public synchronized void stopForOutage() {
        // together: a controller stopped last alone would wait for its graceful quorum shutdown to time out
        inParallel(nodes, EmbeddedKafkaBroker::shutdown, "kafka-stop-");
    }

    /** Stops node {@code id} of a cluster cleanly and keeps its log; the others go on. */
    public synchronized void stopNode(int id) {
        shutdown(node(id));
    }

    /**
     * Kills node {@code id} with SIGKILL (no controlled shutdown, nothing flushed): only for nodes that run as
     * processes ({@link #startClusterProcesses}). {@link #startNode(int)} starts it again on its ports and log.
     */
    public synchronized void killNode(int id) {
        Node node = node(id);
        if (!processes) {
            throw new IllegalStateException("node " + id + " runs in this JVM; only a node process can be killed");
        }
        Process process;
        synchronized (node) {
            process = node.process;
            node.process = null;
        }
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process, node);
        }
    }

    /** Where the process of node {@code id} writes its output ({@link #startClusterProcesses}). */
    public Path nodeLog(int id) {
        return logDirectory.resolve("node-" + node(id).id + ".log");
    }

    /** The process id of node {@code id} while it runs as a process. */
    public synchronized java.util.OptionalLong pid(int id) {
        Node node = node(id);
        return node.process == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(node.process.pid());
    }

    /** Starts node {@code id} again on its ports and log directory and waits until every node is registered. */
    public synchronized void startNode(int id) {
        Node node = node(id);
        if (node.runs()) {
            return;
        }
        startServer(node);
        awaitReady();
    }

    /** Starts the broker (every node of a cluster, together: a quorum needs two) on the same ports and log directory. */
    public synchronized void startAgain() {
        List<Node> stopped = nodes.stream().filter(node -> !node.runs()).toList();
        if (stopped.isEmpty()) {
            return;
        }
        QuietKafkaLogging.apply();
        String clusterId = KafkaStorage.clusterId(nodes.stream().map(node -> node.logDirectory).toList());
        List<Properties> settings = new ArrayList<>();
        for (Node node : stopped) {
            requireFree(node.port);
            requireFree(node.controllerPort);
            Properties nodeSettings = settings(node);
            KafkaStorage.formatIfNeeded(node.logDirectory, nodeSettings, clusterId);
            settings.add(nodeSettings);
        }
        Map<Node, Properties> byNode = new HashMap<>();
        for (int i = 0; i < stopped.size(); i++) {
            byNode.put(stopped.get(i), settings.get(i));
        }
        // together: each node's broker waits in startup until the controller quorum (two of three) is there
        inParallel(stopped, node -> startServer(node, byNode.get(node)), "kafka-start-");
        awaitReady();
    }

    private void startServer(Node node) {
        QuietKafkaLogging.apply();
        requireFree(node.port);
        requireFree(node.controllerPort);
        startServer(node, settings(node));
    }

    private void startServer(Node node, Properties settings) {
        if (processes) {
            startProcess(node, settings);
            return;
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings), Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw new IllegalStateException("Kafka did not start on port " + node.port + " in " + node.logDirectory, e);
        }
        synchronized (node) {
            node.server = server;
        }
    }

    /** Starts {@link KafkaNode} with {@code settings} (a file readable by its owner only: it holds passwords). */
    private void startProcess(Node node, Properties settings) {
        Path file = logDirectory.resolve("node-" + node.id + ".properties");
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (java.io.OutputStream out = Files.newOutputStream(file)) {
                settings.store(out, "Kafka node " + node.id + " (written by EmbeddedKafkaBroker)");
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(NODE_JVM_OPTIONS);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), KafkaNode.class.getName(),
                    file.toString()));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(nodeLog(node.id).toFile()));
            Process process = builder.start();
            synchronized (node) {
                node.process = process;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka node " + node.id, e);
        }
    }

    private static void awaitExit(Process process, Node node) {
        try {
            if (!process.waitFor(PROCESS_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(PROCESS_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping Kafka node " + node.id, e);
        }
    }

    private Properties settings(Node node) {
        Properties settings = users == null
                ? KafkaBrokerSettings.of(node.logDirectory, node.port, node.controllerPort)
                : KafkaBrokerSettings.secured(node.logDirectory, node.port, node.controllerPort, users);
        if (nodes.size() == 1) {
            return settings;
        }
        String voters = String.join(",", nodes.stream().map(n -> n.id + "@localhost:" + n.controllerPort).toList());
        return KafkaBrokerSettings.clusterNode(settings, node.id, voters);
    }

    /** Runs {@code action} for every node, each in its own thread; rethrows the first failure. */
    private static void inParallel(List<Node> nodes, java.util.function.Consumer<Node> action, String threadName) {
        if (nodes.size() == 1) {
            action.accept(nodes.get(0));
            return;
        }
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Node node : nodes) {
            Thread thread = new Thread(() -> {
                try {
                    action.accept(node);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, threadName + node.id);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static void shutdown(Node node) {
        KafkaRaftServer server;
        Process process;
        synchronized (node) {
            server = node.server;
            node.server = null;
            process = node.process;
            node.process = null;
        }
        if (process != null) {
            process.destroy();   // SIGTERM: the node's shutdown hook stops its server cleanly
            awaitExit(process, node);
        }
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private Node node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no node " + id + "; nodes 1.." + nodes.size());
        }
        return nodes.get(id - 1);
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
        return (nodes.size() == 1 ? "Kafka on " : "Kafka cluster on ") + bootstrapServers() + (users == null ? "" : " (SASL/PLAIN, ACLs)") + " in " + logDirectory;
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
            // the controller stores them and each node's authorizer learns them from the metadata log in its own
            // time. Ask through each node until the ACLs are listed; an admin client sends the request to whichever
            // node it finds least loaded, so this narrows the window but does not close it: a client's first
            // request may still meet a node that has not applied them (a TopicAuthorizationException, retriable)
            for (Node node : nodes) {
                awaitAcls(node, acls);
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

    private void awaitAcls(Node node, List<AclBinding> acls)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Object> properties = new HashMap<>(clientProperties(users.adminName()));
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + node.port);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(properties)) {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (!admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS).containsAll(acls)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("node on port " + node.port + " did not apply the ACLs within "
                            + READY_TIMEOUT);
                }
                pause();
            }
        }
    }

    private static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /** Waits until every running node is registered as a broker. */
    private void awaitReady() {
        long running = nodes.stream().filter(Node::runs).count();
        Duration timeout = processes ? PROCESS_READY_TIMEOUT : READY_TIMEOUT;
        try (Admin admin = admin()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (brokersListed(admin) < running) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the brokers did not register within " + timeout);
                }
                for (Node node : nodes) {
                    Process process = node.process;
                    if (process != null && !process.isAlive()) {
                        throw new IllegalStateException("Kafka node " + node.id + " exited with " + process.exitValue()
                                + "; see " + nodeLog(node.id));
                    }
                }
                pause();
            }
        }
    }

    private static int brokersListed(Admin admin) {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            return 0;
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
