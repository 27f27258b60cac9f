package io.jixiao.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher reads from its environment and arguments. Every variable is optional:
 *
 * <table>
 * <tr><td>{@code JIXIAO_DATA}</td><td>home of data and logs, default {@code ./.jixiao} ({@code ./.jixiao-cluster}
 *     with {@code --cluster})</td></tr>
 * <tr><td>{@code JIXIAO_PG_PORT}</td><td>embedded PostgreSQL port, default 54329</td></tr>
 * <tr><td>{@code JIXIAO_KAFKA_PORT}</td><td>embedded Kafka port, default 29092</td></tr>
 * <tr><td>{@code JIXIAO_KAFKA_CONTROLLER_PORT}</td><td>its KRaft controller listener, default Kafka's port + 1</td></tr>
 * <tr><td>{@code JIXIAO_PG_URL}</td><td>an external PostgreSQL server, {@code jdbc:postgresql://host:port};
 *     no embedded one is started</td></tr>
 * <tr><td>{@code JIXIAO_PG_USER}, {@code JIXIAO_PG_PASSWORD}</td><td>its credentials, default postgres/postgres</td></tr>
 * <tr><td>{@code JIXIAO_KAFKA_BOOTSTRAP_SERVERS}</td><td>an external Kafka; no embedded broker is started</td></tr>
 * <tr><td>{@code JIXIAO_CALLER_KEY_BUDGET}, {@code _EVALUATION}, {@code _DISCLOSURE}</td><td>the key the gateway
 *     signs each service's caller assertions with; default a fresh random one per start</td></tr>
 * <tr><td>{@code JIXIAO_KAFKA_ADMIN_PASSWORD}</td><td>the embedded broker's admin password (a tool that reads the
 *     topics logs in as {@code admin} with it); default a fresh random one per start. Each service logs in as
 *     itself with a random password; only a topic's owner may write it</td></tr>
 * <tr><td>{@code JIXIAO_GATEWAY_PORT}, {@code JIXIAO_BUDGET_PORT}, {@code JIXIAO_EVALUATION_PORT},
 *     {@code JIXIAO_DISCLOSURE_PORT}</td><td>default 8080, 8081, 8082, 8083</td></tr>
 * <tr><td>{@code JIXIAO_START_TIMEOUT_SECONDS}</td><td>per service health wait, default 120</td></tr>
 * </table>
 *
 * Arguments: {@code --no-fixtures} (skip {@link LocalStack#afterStart}), {@code --infra-only}
 * (PostgreSQL and Kafka only, e.g. to run the services from an IDE), {@code --cluster} (three Kafka nodes on
 * Kafka's port, + 2 and + 4, controllers on + 1, + 3 and + 5; two instances of each domain service, the second on
 * the service's port + 10; the gateway balancing over both).
 */
record LocalStackSettings(
        Path home,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        Optional<String> externalPostgresUrl,
        String postgresUser,
        String postgresPassword,
        Optional<String> externalKafka,
        Map<String, Integer> ports,
        Map<String, String> callerKeys,
        Optional<String> kafkaAdminPassword,
        Duration healthTimeout,
        boolean loadFixtures,
        boolean infraOnly,
        boolean cluster) {

    private static final List<String> ARGUMENTS = List.of("--no-fixtures", "--infra-only", "--cluster");
    /** Instances of each domain service with {@code --cluster}. */
    static final int CLUSTER_INSTANCES = 2;

    static final List<String> DATABASES = List.of("budget", "evaluation", "disclosure");

    static LocalStackSettings from(Map<String, String> env, List<String> arguments) {
        for (String argument : arguments) {
            if (!ARGUMENTS.contains(argument)) {
                throw new IllegalArgumentException("unknown argument " + argument
                        + "; known: " + String.join(", ", ARGUMENTS));
            }
        }
        int kafkaPort = number(env, "JIXIAO_KAFKA_PORT", 29092);
        return new LocalStackSettings(
                // a cluster keeps its own data: its Kafka topics and the offsets stored in PostgreSQL belong together
                Path.of(text(env, "JIXIAO_DATA").orElse(arguments.contains("--cluster") ? ".jixiao-cluster" : ".jixiao"))
                        .toAbsolutePath().normalize(),
                number(env, "JIXIAO_PG_PORT", 54329),
                kafkaPort,
                number(env, "JIXIAO_KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                text(env, "JIXIAO_PG_URL"),
                text(env, "JIXIAO_PG_USER").orElse("postgres"),
                text(env, "JIXIAO_PG_PASSWORD").orElse("postgres"),
                text(env, "JIXIAO_KAFKA_BOOTSTRAP_SERVERS"),
                Map.of(LocalStackProcesses.GATEWAY, number(env, "JIXIAO_GATEWAY_PORT", 8080),
                        LocalStackProcesses.BUDGET, number(env, "JIXIAO_BUDGET_PORT", 8081),
                        LocalStackProcesses.EVALUATION, number(env, "JIXIAO_EVALUATION_PORT", 8082),
                        LocalStackProcesses.DISCLOSURE, number(env, "JIXIAO_DISCLOSURE_PORT", 8083)),
                callerKeys(env),
                text(env, "JIXIAO_KAFKA_ADMIN_PASSWORD"),
                Duration.ofSeconds(number(env, "JIXIAO_START_TIMEOUT_SECONDS", 120)),
                !arguments.contains("--no-fixtures"),
                arguments.contains("--infra-only"),
                arguments.contains("--cluster"));
    }

    /** The client ports of the Kafka nodes: one, or with {@code --cluster} three (Kafka's port, + 2, + 4). */
    int[] kafkaPorts() {
        return cluster ? new int[] {kafkaPort, kafkaPort + 2, kafkaPort + 4} : new int[] {kafkaPort};
    }

    /** The controller ports of the Kafka nodes: the controller port, and with {@code --cluster} + 2 and + 4. */
    int[] kafkaControllerPorts() {
        return cluster ? new int[] {kafkaControllerPort, kafkaControllerPort + 2, kafkaControllerPort + 4}
                : new int[] {kafkaControllerPort};
    }

    Path logs() {
        return home.resolve("logs");
    }

    Path postgresData() {
        return home.resolve("postgres");
    }

    Path kafkaData() {
        return home.resolve("kafka");
    }

    String gatewayUrl() {
        return "http://localhost:" + ports.get(LocalStackProcesses.GATEWAY);
    }

    LocalStackProcesses processes(LocalInfrastructure infrastructure) {
        LocalStackProcessesBuilder builder = LocalStackProcesses.builder()
                .homeDirectory(home)
                .postgres(infrastructure.postgresServerUrl(), infrastructure.postgresUser(),
                        infrastructure.postgresPassword())
                .kafka(infrastructure.kafkaBootstrapServers())
                .healthTimeout(healthTimeout)
                .instances(cluster ? CLUSTER_INSTANCES : 1);
        ports.forEach(builder::port);
        callerKeys.forEach(builder::callerKey);
        for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
            infrastructure.kafkaEnvironment(service).forEach((key, value) -> builder.environment(service, key, value));
        }
        return builder.build();
    }

    /** Caller keys given in the environment (a tool that calls services directly); the rest are made at random. */
    private static Map<String, String> callerKeys(Map<String, String> env) {
        Map<String, String> keys = new java.util.HashMap<>();
        for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
            String variable = "JIXIAO_CALLER_KEY_" + LocalStackProcesses.variableSuffix(service);
            text(env, variable).ifPresent(key -> keys.put(service, key));
        }
        return Map.copyOf(keys);
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        Optional<String> value = text(env, name);
        try {
            return value.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not " + value.get(), e);
        }
    }
}
