package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml against the services' own configuration (plain file reading, no Docker): every variable a
 * service's application.yml reads without a usable default is set, ports and databases agree with the gateway's
 * routes, and the topics' replication factor and {@code min.insync.replicas} fit the number of Kafka nodes.
 */
class ComposeConsistencyTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    /** {@code ${NAME}} or {@code ${NAME:default}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final List<String> DOMAIN_SERVICES = List.of("budget-service", "evaluation-service",
            "disclosure-service");

    @Test
    void everyVariableWithoutADefaultIsSetForItsService() throws IOException {
        Map<String, Object> services = services();
        for (String service : List.of("budget-service", "evaluation-service", "disclosure-service", "gateway")) {
            Map<String, String> placeholders = placeholders(ROOT.resolve(service + "/src/main/resources/application.yml"));
            List<String> required = placeholders.entrySet().stream()
                    .filter(entry -> entry.getValue() == null || entry.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            Map<String, Object> environment = environment(services, service);
            assertThat(environment.keySet()).as(service + " in docker-compose.yml").containsAll(required);
            if (DOMAIN_SERVICES.contains(service)) {
                // read by relaxed binding, required outside local mode (docs/operations.md, docs/security.md)
                assertThat(environment).as(service).containsKeys("JIXIAO_CALLER_KEY", "JIXIAO_AUDIT_SIGNING_KEY",
                        "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD", "JIXIAO_KAFKA_BOOTSTRAP_SERVERS",
                        "JIXIAO_KAFKA_USERNAME", "JIXIAO_KAFKA_PASSWORD");
            }
        }
        // the gateway's caller keys and identity provider are placeholders with an empty default: required
        assertThat(placeholders(ROOT.resolve("gateway/src/main/resources/application.yml")))
                .containsEntry("JIXIAO_CALLER_KEY_BUDGET", "").containsEntry("JIXIAO_JWT_JWK_SET_URI", "");
    }

    @Test
    void theGatewayRoutesToTheServicesPortsAndEachServiceUsesItsDatabase() throws IOException {
        Map<String, Object> services = services();
        Map<String, Object> gateway = environment(services, "gateway");
        for (String service : DOMAIN_SERVICES) {
            Map<String, Object> environment = environment(services, service);
            String port = String.valueOf(environment.get("SERVER_PORT"));
            Map<String, String> defaults = placeholders(ROOT.resolve(service + "/src/main/resources/application.yml"));
            String route = String.valueOf(gateway.get("JIXIAO_ROUTES_" + service.replace("-service", "")
                    .toUpperCase(java.util.Locale.ROOT)));
            String database = defaults.get("SPRING_DATASOURCE_URL").replaceAll(".*/", "");

            assertThat(port).as(service + " port").isEqualTo(defaults.get("SERVER_PORT"));
            assertThat(route).as("gateway route to " + service).isEqualTo("http://" + service + ":" + port);
            assertThat(String.valueOf(environment.get("SPRING_DATASOURCE_URL"))).endsWith("/" + database);
        }
    }

    @Test
    void topicsReplicateAsTheKafkaNodesAllow() throws IOException {
        Map<String, Object> services = services();
        List<String> brokers = services.keySet().stream().filter(name -> name.matches("kafka(-\\d+)?")).toList();
        Map<String, Object> kafka = environment(services, brokers.get(0));
        @SuppressWarnings("unchecked")
        String script = (String) ((List<Object>) ((Map<String, Object>) services.get("kafka-init")).get("command")).get(0);
        int replicationFactor = number(script, "--replication-factor (\\d+)");
        int partitions = number(script, "--partitions (\\d+)");
        int minInSync = Integer.parseInt(String.valueOf(kafka.getOrDefault("KAFKA_MIN_INSYNC_REPLICAS", "1")));

        assertThat(replicationFactor).as("topics' replication factor").isEqualTo(brokers.size());
        assertThat(String.valueOf(kafka.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")))
                .isEqualTo(Integer.toString(brokers.size()));
        assertThat(minInSync).as("min.insync.replicas: one node may fail, an acks=all write still needs two copies")
                .isEqualTo(brokers.size() == 1 ? 1 : brokers.size() - 1);
        assertThat(partitions).as("partitions: instances of a consumer group split them").isGreaterThanOrEqualTo(2);
        assertThat(String.valueOf(kafka.get("KAFKA_NUM_PARTITIONS"))).isEqualTo(Integer.toString(partitions));
    }

    private static int number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex + " in kafka-init").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** Each {@code ${NAME[:default]}} of {@code file}: name → default (null without one). */
    private static Map<String, String> placeholders(Path file) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> services, String service) {
        Map<String, Object> definition = (Map<String, Object>) services.get(service);
        assertThat(definition).as(service + " in docker-compose.yml").isNotNull();
        return (Map<String, Object>) definition.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            return (Map<String, Object>) ((Map<String, Object>) new Yaml().load(reader)).get("services");
        }
    }
}
