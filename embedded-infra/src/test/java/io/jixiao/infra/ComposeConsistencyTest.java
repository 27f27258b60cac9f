package io.jixiao.infra;

import static io.jixiao.infra.ComposeFile.DOMAIN_SERVICES;
import static io.jixiao.infra.ComposeFile.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml against the services' own configuration (plain file reading, no Docker): every variable a
 * service's application.yml reads without a usable default is set for every instance, the gateway balances over
 * every instance on its service's port, each service uses its database, and the Kafka nodes form one cluster whose
 * replication fits the number of nodes, which every client names and whose ACLs cover every consumer group.
 */
class ComposeConsistencyTest {

    /** {@code ${NAME}} or {@code ${NAME:default}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    @Test
    void everyVariableWithoutADefaultIsSetForItsService() throws IOException {
        ComposeFile compose = ComposeFile.read();
        for (String service : List.of("budget-service", "evaluation-service", "disclosure-service", "gateway")) {
            Map<String, String> placeholders = placeholders(ROOT.resolve(service + "/src/main/resources/application.yml"));
            List<String> required = placeholders.entrySet().stream()
                    .filter(entry -> entry.getValue() == null || entry.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            for (String instance : compose.instances(service)) {
                Map<String, Object> environment = compose.environment(instance);
                assertThat(environment.keySet()).as(instance + " in docker-compose.yml").containsAll(required);
                if (DOMAIN_SERVICES.contains(service)) {
                    // read by relaxed binding, required outside local mode (docs/operations.md, docs/security.md)
                    assertThat(environment).as(instance).containsKeys("JIXIAO_CALLER_KEY", "JIXIAO_AUDIT_SIGNING_KEY",
                            "SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_PASSWORD", "JIXIAO_KAFKA_BOOTSTRAP_SERVERS",
                            "JIXIAO_KAFKA_USERNAME", "JIXIAO_KAFKA_PASSWORD");
                }
            }
        }
        // the gateway's caller keys and identity provider are placeholders with an empty default: required
        assertThat(placeholders(ROOT.resolve("gateway/src/main/resources/application.yml")))
                .containsEntry("JIXIAO_CALLER_KEY_BUDGET", "").containsEntry("JIXIAO_JWT_JWK_SET_URI", "");
    }

    @Test
    void everySecretIsRequiredWithoutADefault() throws IOException {
        String file = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher variable = Pattern.compile("\\$\\{(\\w+)(:?[-?])?[^}]*}").matcher(file);
        List<String> secrets = new ArrayList<>();
        while (variable.find()) {
            if (variable.group(1).startsWith("JIXIAO_PERSONAL_PREVIOUS_MASTER_KEYS_")) {
                // master keys being rotated away: set only during a rotation, empty otherwise (docs/operations.md)
                assertThat(variable.group()).as("a previous master key list is optional and empty by default")
                        .isEqualTo("${" + variable.group(1) + ":-}");
            } else if (variable.group(1).matches(".*(PASSWORD|KEY|SECRET).*")) {
                secrets.add(variable.group(1));
                assertThat(variable.group(2)).as(variable.group() + ": a secret has no default").isEqualTo(":?");
            }
        }
        assertThat(secrets).contains("JIXIAO_KAFKA_ADMIN_PASSWORD", "POSTGRES_PASSWORD", "JIXIAO_CALLER_KEY_BUDGET");
    }

    @Test
    void theGatewayBalancesOverEveryInstanceAndEachUsesItsServicesPortAndDatabase() throws IOException {
        ComposeFile compose = ComposeFile.read();
        Map<String, Object> gateway = compose.environment("gateway");
        Map<String, List<String>> listed = gatewayInstances(gateway);
        Set<String> instanceIds = new HashSet<>();
        for (String service : DOMAIN_SERVICES) {
            Map<String, String> defaults = placeholders(ROOT.resolve(service + "/src/main/resources/application.yml"));
            String port = defaults.get("SERVER_PORT");
            String database = defaults.get("SPRING_DATASOURCE_URL").replaceAll(".*/", "");
            List<String> instances = compose.instances(service);
            List<String> uris = new ArrayList<>();
            for (String instance : instances) {
                Map<String, Object> environment = compose.environment(instance);
                assertThat(String.valueOf(environment.get("SERVER_PORT"))).as(instance + " port").isEqualTo(port);
                assertThat(String.valueOf(environment.get("SPRING_DATASOURCE_URL"))).endsWith("/" + database);
                assertThat(environment).as(instance + ": its own Kafka user is its service's")
                        .containsEntry("JIXIAO_KAFKA_USERNAME", service);
                assertThat(environment).as(instance + ": the instance id is its host name")
                        .containsEntry("JIXIAO_INSTANCE_ID", instance);
                assertThat(instanceIds.add(instance)).as("instance ids are distinct").isTrue();
                uris.add("http://" + instance + ":" + port);
            }
            String route = String.valueOf(gateway.get("JIXIAO_ROUTES_" + service.replace("-service", "")
                    .toUpperCase(Locale.ROOT)));

            assertThat(instances).as("instances of " + service).hasSize(2);
            assertThat(route).as("gateway route to " + service).isEqualTo("lb://" + service);
            assertThat(listed.get(service)).as("the gateway's instances of " + service)
                    .containsExactlyInAnyOrderElementsOf(uris);
        }
        @SuppressWarnings("unchecked")
        List<String> dependsOn = (List<String>) compose.service("gateway").get("depends_on");
        assertThat(dependsOn).containsExactlyInAnyOrderElementsOf(instanceIds);
    }

    @Test
    void threeKafkaNodesFormOneQuorumEveryClientNames() throws IOException {
        ComposeFile compose = ComposeFile.read();
        List<String> brokers = compose.brokers();
        assertThat(brokers).as("Kafka nodes").hasSize(3);
        Map<String, Object> first = compose.environment(brokers.get(0));
        Set<String> nodeIds = new TreeSet<>();
        List<String> expectedVoters = new ArrayList<>();
        for (String broker : brokers) {
            Map<String, Object> environment = compose.environment(broker);
            String nodeId = String.valueOf(environment.get("KAFKA_NODE_ID"));
            nodeIds.add(nodeId);
            expectedVoters.add(nodeId + "@" + broker + ":" + listenerPort(environment, "CONTROLLER"));
            assertThat(String.valueOf(environment.get("KAFKA_ADVERTISED_LISTENERS"))).as(broker + " advertises itself")
                    .isEqualTo("CLIENT://" + broker + ":" + listenerPort(environment, "CLIENT") + ",ADMIN://" + broker
                            + ":" + listenerPort(environment, "ADMIN"));
            assertThat(compose.service(broker)).as(broker + " has a health check").containsKey("healthcheck");
            // apart from the node's id and address every node has the same settings: one cluster, one security
            Map<String, Object> same = new HashMap<>(environment);
            Map<String, Object> reference = new HashMap<>(first);
            for (String own : List.of("KAFKA_NODE_ID", "KAFKA_ADVERTISED_LISTENERS")) {
                same.remove(own);
                reference.remove(own);
            }
            assertThat(same).as(broker + " settings against " + brokers.get(0)).isEqualTo(reference);
        }
        assertThat(nodeIds).as("node ids distinct").hasSize(brokers.size());
        assertThat(String.valueOf(first.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).split(","))
                .containsExactlyInAnyOrderElementsOf(expectedVoters);
        assertThat(String.valueOf(first.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(","))
                .as("no listener, the controller's included, takes clients without a login")
                .allSatisfy(mapping -> assertThat(mapping).matches("\\w+:SASL_(PLAINTEXT|SSL)"));
        assertThat(String.valueOf(first.get("KAFKA_SUPER_USERS"))).doesNotContain("ANONYMOUS");

        List<String> clientAddresses = brokers.stream().map(b -> b + ":" + listenerPort(first, "CLIENT")).toList();
        for (String service : DOMAIN_SERVICES) {
            for (String instance : compose.instances(service)) {
                assertThat(String.valueOf(compose.environment(instance).get("JIXIAO_KAFKA_BOOTSTRAP_SERVERS"))
                        .split(",")).as(instance + " bootstrap servers").containsExactlyInAnyOrderElementsOf(clientAddresses);
            }
        }
        List<String> adminAddresses = brokers.stream().map(b -> b + ":" + listenerPort(first, "ADMIN")).toList();
        assertThat(compose.kafkaInitScript()).as("kafka-init names every node")
                .contains("--bootstrap-server " + String.join(",", adminAddresses));
        @SuppressWarnings("unchecked")
        Map<String, Object> initDependsOn = (Map<String, Object>) compose.service("kafka-init").get("depends_on");
        assertThat(initDependsOn).containsOnlyKeys(brokers).allSatisfy((broker, condition) ->
                assertThat(condition).isEqualTo(Map.of("condition", "service_healthy")));
    }

    @Test
    void topicsReplicateAsTheKafkaNodesAllow() throws IOException {
        ComposeFile compose = ComposeFile.read();
        int brokers = compose.brokers().size();
        Map<String, Object> kafka = compose.environment(compose.brokers().get(0));
        int replicationFactor = compose.initNumber("--replication-factor (\\d+)");
        int partitions = compose.initNumber("--partitions (\\d+)");
        int topicMinInSync = compose.initNumber("--config min.insync.replicas=(\\d+)");
        int minInSync = number(kafka, "KAFKA_MIN_INSYNC_REPLICAS");
        int mostInstances = DOMAIN_SERVICES.stream().mapToInt(s -> compose.instances(s).size()).max().orElseThrow();

        assertThat(replicationFactor).as("topics' replication factor").isEqualTo(brokers).isLessThanOrEqualTo(brokers);
        assertThat(number(kafka, "KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo(replicationFactor);
        assertThat(number(kafka, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo(replicationFactor);
        assertThat(number(kafka, "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")).isEqualTo(replicationFactor);
        assertThat(minInSync).as("min.insync.replicas: one node may fail, an acks=all write still needs two copies")
                .isEqualTo(brokers - 1).isLessThan(replicationFactor);
        assertThat(topicMinInSync).isEqualTo(minInSync);
        assertThat(number(kafka, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")).isEqualTo(minInSync);
        assertThat(partitions).as("partitions: every instance of a consuming service gets one")
                .isGreaterThanOrEqualTo(mostInstances).isEqualTo(number(kafka, "KAFKA_NUM_PARTITIONS"));
        // min.insync.replicas protects only writes that wait for every in-sync replica
        assertThat(Files.readString(ROOT.resolve(
                "service-support/src/main/java/io/jixiao/support/kafka/KafkaEventPublisher.java")))
                .contains("ProducerConfig.ACKS_CONFIG, \"all\"");
    }

    @Test
    void kafkaInitGrantsEveryServiceWhatItsUserHasOnTheEmbeddedBroker() throws IOException {
        ComposeFile compose = ComposeFile.read();
        Map<String, Map<String, Set<String>>> granted = new HashMap<>();
        for (String line : compose.kafkaInitScript().split("\n")) {
            Matcher allow = Pattern.compile("^allow (\\S+) (.+)$").matcher(line.strip());
            if (!allow.matches()) {
                continue;
            }
            String[] arguments = allow.group(2).split("\\s+");
            List<String> operations = new ArrayList<>();
            for (int i = 0; i + 1 < arguments.length; i += 2) {
                if (arguments[i].equals("--operation")) {
                    operations.add(arguments[i + 1]);
                } else {
                    String key = arguments[i].substring(2) + " " + String.join("+", operations);
                    granted.computeIfAbsent(allow.group(1), u -> new HashMap<>())
                            .computeIfAbsent(key, k -> new TreeSet<>()).add(arguments[i + 1]);
                }
            }
        }
        // the services run against these ACLs on the local stack's broker: a consumer group missing there fails
        for (KafkaUsers.User user : KafkaUsers.jixiao().users()) {
            Map<String, Set<String>> of = granted.getOrDefault(user.name(), Map.of());
            assertThat(of.getOrDefault("group Read", Set.of())).as(user.name() + "'s consumer groups")
                    .containsExactlyInAnyOrderElementsOf(user.groups()).isNotEmpty();
            assertThat(of.getOrDefault("topic Read+Describe", Set.of())).as(user.name() + " reads")
                    .containsExactlyInAnyOrderElementsOf(user.reads());
            assertThat(of.getOrDefault("topic Write+Describe", Set.of())).as(user.name() + " writes")
                    .containsExactlyInAnyOrderElementsOf(user.writes());
        }
        assertThat(granted.keySet()).containsExactlyInAnyOrderElementsOf(
                KafkaUsers.jixiao().users().stream().map(KafkaUsers.User::name).toList());
    }

    /** The port of {@code listener} in a node's {@code KAFKA_LISTENERS} ({@code NAME://[host]:port,...}). */
    private static String listenerPort(Map<String, Object> environment, String listener) {
        Matcher matcher = Pattern.compile(listener + "://[^:,]*:(\\d+)").matcher(String.valueOf(
                environment.get("KAFKA_LISTENERS")));
        assertThat(matcher.find()).as(listener + " in KAFKA_LISTENERS").isTrue();
        return matcher.group(1);
    }

    private static int number(Map<String, Object> environment, String name) {
        assertThat(environment).containsKey(name);
        return Integer.parseInt(String.valueOf(environment.get(name)));
    }

    /** The gateway's {@code spring.cloud.discovery.client.simple.instances}: service → instance URIs. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> gatewayInstances(Map<String, Object> gateway) {
        Object json = gateway.get("SPRING_APPLICATION_JSON");
        assertThat(json).as("the gateway's SPRING_APPLICATION_JSON").isNotNull();
        Map<String, Object> node = (Map<String, Object>) new Yaml().load(String.valueOf(json));   // JSON is YAML
        for (String key : List.of("spring", "cloud", "discovery", "client", "simple", "instances")) {
            node = (Map<String, Object>) node.get(key);
            assertThat(node).as(key + " in SPRING_APPLICATION_JSON").isNotNull();
        }
        Map<String, List<String>> instances = new LinkedHashMap<>();
        node.forEach((service, list) -> instances.put(service, ((List<Map<String, Object>>) list).stream()
                .map(instance -> String.valueOf(instance.get("uri"))).toList()));
        return instances;
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
}
