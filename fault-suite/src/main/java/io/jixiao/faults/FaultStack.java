package io.jixiao.faults;

import io.jixiao.events.Topics;
import io.jixiao.fixtures.LocalTokens;
import io.jixiao.infra.Directories;
import io.jixiao.infra.EmbeddedKafkaBroker;
import io.jixiao.infra.EmbeddedPostgresServer;
import io.jixiao.infra.FreePorts;
import io.jixiao.infra.KafkaUsers;
import io.jixiao.local.LocalStackProcesses;
import io.jixiao.local.LocalStackProcessesBuilder;
import io.jixiao.local.ServiceProcess;
import io.jixiao.local.ServiceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole suite under test, owned by this JVM so that the suite can break any part of it: a real PostgreSQL
 * and a real Kafka broker (KRaft) in temporary directories on free ports, which it can stop and start again,
 * and the four service jars as child processes (free ports, databases of their own) which it can kill -9,
 * restart, or run twice. The gateway's rate limit is lifted for the load driver (it is one client).
 */
public final class FaultStack implements AutoCloseable {
    /** Roles of the suite's token: every role, every district (the admin endpoints need {@code *}). */
    static final List<String> ROLES = List.of("FINANCE", "UNIT", "EVALUATOR", "AUDITOR", "INTEGRATION");

    private final Path home;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final LocalStackProcesses processes;
    private final Map<String, String> databases;
    private final String token;
    private final boolean keep;

    private FaultStack(Path home, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
                       LocalStackProcesses processes, Map<String, String> databases, String token, boolean keep) {
        this.home = home;
        this.postgres = postgres;
        this.kafka = kafka;
        this.processes = processes;
        this.databases = databases;
        this.token = token;
        this.keep = keep;
    }

    /** Instances of each domain service in the cluster mode. */
    static final int CLUSTER_INSTANCES = 2;

    /** Starts PostgreSQL, Kafka and the four services (each awaited until healthy). */
    public static FaultStack start(boolean keep, Log log) {
        return start(keep, log, false);
    }

    /**
     * Starts PostgreSQL, Kafka and the four services (each awaited until healthy); {@code cluster}: Kafka as three
     * node processes ({@link EmbeddedKafkaBroker#startClusterProcesses}, secured as the single broker: SASL/PLAIN,
     * ACLs; replication factor 3, {@code min.insync.replicas=2}), two instances of each domain service and the
     * gateway balancing over them ({@code lb://}, readiness checks), as {@code local-stack --cluster} runs them.
     */
    public static FaultStack start(boolean keep, Log log, boolean cluster) {
        Path home;
        try {
            home = Files.createTempDirectory("jixiao-faults-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long t0 = System.nanoTime();
        EmbeddedPostgresServer postgres;
        try {
            postgres = EmbeddedPostgresServer.builder().logFile(home.resolve("logs/postgres.log")).start();
        } catch (RuntimeException e) {
            deleteQuietly(home);
            throw e;
        }
        EmbeddedKafkaBroker kafka = null;
        LocalStackProcesses processes = null;
        try {
            kafka = cluster
                    ? EmbeddedKafkaBroker.startClusterProcesses(home.resolve("kafka"), new int[3], new int[3],
                            KafkaUsers.jixiao())
                    : EmbeddedKafkaBroker.start(home.resolve("kafka"), 0);
            kafka.createTopicIfMissing(Topics.BUDGET_EVENTS, 3);
            kafka.createTopicIfMissing(Topics.EVALUATION_EVENTS, 3);
            log.line("PostgreSQL on port %d, Kafka on %s (%s)", postgres.port(), kafka.bootstrapServers(), home);
            Map<String, String> databases = Map.of(LocalStackProcesses.BUDGET, "fs_budget",
                    LocalStackProcesses.EVALUATION, "fs_evaluation", LocalStackProcesses.DISCLOSURE, "fs_disclosure");
            LocalStackProcessesBuilder builder = LocalStackProcesses.builder()
                    .servicesDirectory(servicesDirectory())
                    .homeDirectory(home)
                    .postgres(postgres.serverUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                    .kafka(kafka.bootstrapServers())
                    .healthTimeout(healthTimeout(cluster))
                    .environment(LocalStackProcesses.GATEWAY, "JIXIAO_DATA", home.toString());
            LocalStackProcesses.GATEWAY_WITHOUT_RATE_LIMITS.forEach((key, value) -> builder.environment(LocalStackProcesses.GATEWAY, key, value));
            if (cluster) {
                builder.instances(CLUSTER_INSTANCES);
                for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
                    kafka.serviceEnvironment(service).forEach((k, v) -> builder.environment(service, k, v));
                }
            }
            int[] ports = cluster ? clusterPorts() : FreePorts.pickDistinct(LocalStackProcesses.ALL_SERVICES.size());
            for (int i = 0; i < ports.length; i++) {
                builder.port(LocalStackProcesses.ALL_SERVICES.get(i), ports[i]);
            }
            for (Map.Entry<String, String> db : databases.entrySet()) {
                postgres.createDatabaseIfMissing(db.getValue());
                builder.database(db.getKey(), db.getValue());
            }
            processes = builder.build();
            String token = LocalTokens.mint(home, "fault-suite", ROLES, List.of("*"));
            processes.startAll();
            log.line("%s up in %d s; gateway %s; logs in %s", cluster ? "Kafka's three nodes and the services' "
                            + processes.services().size() + " instances" : "four services",
                    Duration.ofNanos(System.nanoTime() - t0).toSeconds(), processes.gatewayUrl(),
                    processes.logsDirectory());
            return new FaultStack(home, postgres, kafka, processes, databases, token, keep);
        } catch (RuntimeException e) {
            if (processes != null) {
                processes.close();
            }
            if (kafka != null) {
                kafka.stop();
                copyLogs(home, kafka);   // why a service did not start is in its log
            }
            postgres.stop();
            if (!keep) {
                deleteQuietly(home);
            }
            throw e;
        }
    }

    /**
     * How long a service may take to become healthy: {@code -Djixiao.e2e.health-timeout} (e.g. {@code PT15M} on a
     * loaded machine), else 4 minutes, 8 on the cluster (seven service JVMs and three Kafka nodes start together).
     */
    static Duration healthTimeout(boolean cluster) {
        String given = System.getProperty("jixiao.e2e.health-timeout");
        return given != null && !given.isBlank() ? Duration.parse(given) : Duration.ofMinutes(cluster ? 8 : 4);
    }

    /**
     * Free ports for the four services where the second instance's port (the service's + 10, the launcher's rule)
     * is free as well.
     */
    private static int[] clusterPorts() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int[] ports = FreePorts.pickDistinct(LocalStackProcesses.ALL_SERVICES.size());
            boolean secondsFree = true;
            for (int port : ports) {
                secondsFree &= !FreePorts.inUse(port + 10) && java.util.Arrays.stream(ports).noneMatch(p -> p == port + 10);
            }
            if (secondsFree) {
                return ports;
            }
        }
        throw new IllegalStateException("no free ports for two instances of each service");
    }

    /** Whether this stack runs Kafka as three node processes and two instances of each domain service. */
    public boolean isCluster() {
        return kafka.runsNodesAsProcesses();
    }

    /**
     * Where the service jars are: {@code -Djixiao.services.dir}, else {@code services/} beside fault-suite.jar,
     * else {@code fault-suite/target/services} or {@code local-stack/target/services} under the working directory.
     */
    static Path servicesDirectory() {
        String explicit = System.getProperty("jixiao.services.dir");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        try {
            Path jar = Path.of(FaultStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent().resolve("services");
            if (Files.isRegularFile(beside.resolve("budget-service.jar"))) {
                return beside;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        for (String candidate : List.of("fault-suite/target/services", "target/services", "local-stack/target/services")) {
            Path dir = Path.of(candidate).toAbsolutePath();
            if (Files.isRegularFile(dir.resolve("budget-service.jar"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no service jars found; build first: ./mvnw -B -DskipTests package "
                + "(or name their folder with -Djixiao.services.dir=...)");
    }

    public String gatewayUrl() {
        return processes.gatewayUrl();
    }

    public String token() {
        return token;
    }

    /** A token of the suite's signing key with other roles or districts (for the authorization checks). */
    public String token(String subject, List<String> roles, List<String> districts) {
        return LocalTokens.mint(home, subject, roles, districts);
    }

    public LocalStackProcesses processes() {
        return processes;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public Path home() {
        return home;
    }

    /** A connection to one service's database ({@link LocalStackProcesses#BUDGET} …). */
    public Connection connect(String service) throws SQLException {
        return postgres.connect(databases.get(service));
    }

    /** A second instance of disclosure-service on a free port, same database and consumer groups. */
    public ServiceProcess addDisclosureInstance(String name) {
        ServiceSpec spec = processes.service(LocalStackProcesses.DISCLOSURE).spec().withName(name)
                .withPort(FreePorts.pick());
        processes.addInstance(spec);
        return processes.start(name);
    }

    @Override
    public void close() {
        try {
            processes.close();
        } finally {
            try {
                kafka.stop();
            } finally {
                postgres.stop();
                copyLogs(home, kafka);
                if (!keep) {
                    deleteQuietly(home);
                }
            }
        }
    }

    /** The services' and PostgreSQL's logs to {@code -Djixiao.fault-suite.logs} (the tests keep them under target/). */
    private static void copyLogs(Path home, EmbeddedKafkaBroker kafka) {
        String target = System.getProperty("jixiao.fault-suite.logs");
        if (target == null || target.isBlank()) {
            return;
        }
        try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
            Path dir = Files.createDirectories(Path.of(target));
            List<Path> files = new java.util.ArrayList<>(logs.toList());
            for (int node = 1; kafka.runsNodesAsProcesses() && node <= kafka.size(); node++) {
                files.add(kafka.nodeLog(node));
            }
            for (Path log : files) {
                if (Files.isRegularFile(log)) {
                    Files.copy(log, dir.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the logs are a help, not a result
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Directories.deleteRecursively(dir);
        } catch (UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
