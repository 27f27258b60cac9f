package io.jixiao.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of {@link LocalStackProcesses}; only {@link #postgres} and {@link #kafka} are required.
 * Defaults follow docs/contracts-internal.md: ports 8081/8082/8083 and gateway 8080, databases
 * budget/evaluation/disclosure, heaps 256 MiB (gateway 192 MiB). Every process listens on the loopback interface
 * only and runs in local mode; each domain service gets a fresh random caller key at every build, which only it and
 * the gateway know.
 */
public final class LocalStackProcessesBuilder {

    /** The interface every process of the local stack listens on. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of(
            LocalStackProcesses.GATEWAY, 8080,
            LocalStackProcesses.BUDGET, 8081,
            LocalStackProcesses.EVALUATION, 8082,
            LocalStackProcesses.DISCLOSURE, 8083);
    private static final Map<String, String> DEFAULT_DATABASES = Map.of(
            LocalStackProcesses.BUDGET, "budget",
            LocalStackProcesses.EVALUATION, "evaluation",
            LocalStackProcesses.DISCLOSURE, "disclosure");
    private static final int SERVICE_HEAP_MB = 256;
    /** The port of a domain service's instance {@code i} (from 1) is its port + (i - 1) × this: 8091, 8092, 8093. */
    static final int INSTANCE_PORT_STEP = 10;
    private static final int GATEWAY_HEAP_MB = 192;

    private Path servicesDirectory;
    private Path homeDirectory = Path.of(".jixiao");
    private String postgresServerUrl;
    private String postgresUser = "postgres";
    private String postgresPassword = "postgres";
    private String kafkaBootstrapServers;
    private final Map<String, String> callerKeys = new HashMap<>();
    private Duration healthTimeout = LocalStackProcesses.DEFAULT_HEALTH_TIMEOUT;
    private final Map<String, Integer> ports = new HashMap<>(DEFAULT_PORTS);
    private final Map<String, String> databases = new HashMap<>(DEFAULT_DATABASES);
    private final Map<String, Integer> heaps = new HashMap<>();
    private final Map<String, Map<String, String>> extraEnvironment = new HashMap<>();
    private int instances = 1;

    LocalStackProcessesBuilder() {
    }

    /** Folder of budget-service.jar, evaluation-service.jar, disclosure-service.jar, gateway.jar. */
    public LocalStackProcessesBuilder servicesDirectory(Path directory) {
        this.servicesDirectory = directory;
        return this;
    }

    /** Where {@code logs/} and {@code run/} (pid files) go; default {@code ./.jixiao}. */
    public LocalStackProcessesBuilder homeDirectory(Path directory) {
        this.homeDirectory = directory;
        return this;
    }

    /** The PostgreSQL server, {@code jdbc:postgresql://host:port} (no database), and its credentials. */
    public LocalStackProcessesBuilder postgres(String serverUrl, String user, String password) {
        this.postgresServerUrl = serverUrl;
        this.postgresUser = user;
        this.postgresPassword = password;
        return this;
    }

    public LocalStackProcessesBuilder kafka(String bootstrapServers) {
        this.kafkaBootstrapServers = bootstrapServers;
        return this;
    }

    /** The key the gateway signs {@code service}'s caller assertions with (default: a random one per build). */
    public LocalStackProcessesBuilder callerKey(String service, String key) {
        if (!DEFAULT_DATABASES.containsKey(service)) {
            throw new IllegalArgumentException(service + " takes no caller key");
        }
        callerKeys.put(service, key);
        return this;
    }

    public LocalStackProcessesBuilder port(String service, int port) {
        ports.put(known(service), port);
        return this;
    }

    /** The database a domain service uses on the server (default: budget, evaluation, disclosure). */
    public LocalStackProcessesBuilder database(String service, String database) {
        if (!DEFAULT_DATABASES.containsKey(service)) {
            throw new IllegalArgumentException(service + " has no database");
        }
        databases.put(service, database);
        return this;
    }

    public LocalStackProcessesBuilder heapMb(String service, int heapMb) {
        heaps.put(known(service), heapMb);
        return this;
    }

    /** An extra environment variable for one service (e.g. a Spring property for a fault test). */
    public LocalStackProcessesBuilder environment(String service, String key, String value) {
        extraEnvironment.computeIfAbsent(known(service), name -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    /**
     * Instances of each domain service (default 1). With more, instance {@code i > 1} is named
     * {@code <service>-<i>}, listens on the service's port + (i - 1) × 10 and has its own log and pid file, and
     * the gateway reaches the service as {@code lb://<service>} over the listed instances
     * ({@code SPRING_APPLICATION_JSON}), skipping those whose readiness probe does not answer.
     */
    public LocalStackProcessesBuilder instances(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one instance per service, not " + count);
        }
        this.instances = count;
        return this;
    }

    public LocalStackProcessesBuilder healthTimeout(Duration timeout) {
        this.healthTimeout = timeout;
        return this;
    }

    public LocalStackProcesses build() {
        Objects.requireNonNull(postgresServerUrl, "postgres(serverUrl, user, password) is required");
        Objects.requireNonNull(kafkaBootstrapServers, "kafka(bootstrapServers) is required");
        Path jars = servicesDirectory != null ? servicesDirectory : ServicesDirectory.locate();
        DEFAULT_DATABASES.keySet().forEach(service -> callerKeys.computeIfAbsent(service,
                ignored -> io.jixiao.identity.CallerKey.random()));
        Map<String, ServiceSpec> specs = new LinkedHashMap<>();
        for (String name : LocalStackProcesses.ALL_SERVICES) {
            Map<String, String> environment = LocalStackProcesses.GATEWAY.equals(name)
                    ? gatewayEnvironment()
                    : domainEnvironment(name);
            Map<String, String> extra = extraEnvironment.getOrDefault(name, Map.of());
            if (instances > 1 && LocalStackProcesses.GATEWAY.equals(name) && extra.containsKey("SPRING_APPLICATION_JSON")) {
                // it would replace the list of instances, and the gateway would answer every request with 503
                throw new IllegalArgumentException("with several instances the gateway's SPRING_APPLICATION_JSON lists"
                        + " them; give other gateway settings as environment variables");
            }
            environment.putAll(extra);
            ServiceSpec spec = new ServiceSpec(name, jars.resolve(name + ".jar").toAbsolutePath(),
                    ports.get(name), heaps.getOrDefault(name, defaultHeap(name)), environment);
            specs.put(name, spec.withEnvironment("JIXIAO_INSTANCE_ID", name));
            if (!LocalStackProcesses.GATEWAY.equals(name)) {
                for (int i = 2; i <= instances; i++) {
                    String instance = instanceName(name, i);
                    specs.put(instance, spec.withName(instance).withPort(instancePort(name, i))
                            .withEnvironment("JIXIAO_INSTANCE_ID", instance));
                }
            }
        }
        return new LocalStackProcesses(specs, homeDirectory, healthTimeout, Map.copyOf(callerKeys));
    }

    private Map<String, String> domainEnvironment(String name) {
        Map<String, String> env = commonEnvironment(name);
        env.put("SPRING_DATASOURCE_URL", databaseUrl(postgresServerUrl, databases.get(name)));
        env.put("SPRING_DATASOURCE_USERNAME", postgresUser);
        env.put("SPRING_DATASOURCE_PASSWORD", postgresPassword);
        env.put("JIXIAO_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("JIXIAO_CALLER_KEY", callerKeys.get(name));
        return env;
    }

    private Map<String, String> gatewayEnvironment() {
        Map<String, String> env = commonEnvironment(LocalStackProcesses.GATEWAY);
        StringBuilder instanceList = new StringBuilder();
        for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
            env.put("JIXIAO_ROUTES_" + LocalStackProcesses.variableSuffix(service), instances == 1 ? url(service) : "lb://" + service);
            instanceList.append(instanceList.isEmpty() ? "" : ",").append('"').append(service).append("\":[");
            for (int i = 1; i <= instances; i++) {
                instanceList.append(i == 1 ? "" : ",").append("{\"uri\":\"http://localhost:")
                        .append(instancePort(service, i)).append("\"}");
            }
            instanceList.append(']');
        }
        if (instances > 1) {
            env.put("SPRING_APPLICATION_JSON",
                    "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{"
                            + instanceList + "}}}}}}}");
        }
        callerKeys.forEach((service, key) -> env.put(
                "JIXIAO_CALLER_KEY_" + LocalStackProcesses.variableSuffix(service), key));
        return env;
    }

    private Map<String, String> commonEnvironment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(ports.get(name)));
        env.put("SERVER_ADDRESS", LOOPBACK);
        // local mode: the gateway's own signing key instead of an identity provider, the embedded database's password
        env.put("JIXIAO_LOCAL_MODE", "true");
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.put("JIXIAO_DATA", homeDirectory.toAbsolutePath().toString());   // the gateway's signing key lives here
        return env;
    }

    private String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** {@code budget-service} for instance 1, {@code budget-service-2} for instance 2. */
    static String instanceName(String service, int instance) {
        return instance == 1 ? service : service + "-" + instance;
    }

    private int instancePort(String service, int instance) {
        return ports.get(service) + (instance - 1) * INSTANCE_PORT_STEP;
    }

    private static int defaultHeap(String name) {
        return LocalStackProcesses.GATEWAY.equals(name) ? GATEWAY_HEAP_MB : SERVICE_HEAP_MB;
    }

    private static String known(String service) {
        if (!LocalStackProcesses.ALL_SERVICES.contains(service)) {
            throw new IllegalArgumentException("unknown service " + service + "; known: " + LocalStackProcesses.ALL_SERVICES);
        }
        return service;
    }

    /** {@code jdbc:postgresql://host:port[?params]} plus a database: {@code jdbc:postgresql://host:port/db[?params]}. */
    static String databaseUrl(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String server = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String parameters = query < 0 ? "" : serverUrl.substring(query);
        return stripTrailingSlash(server) + "/" + database + parameters;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
