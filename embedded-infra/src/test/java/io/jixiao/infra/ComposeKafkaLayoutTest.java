package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml's Kafka, without Docker: its three nodes ({@code kafka-1} … {@code kafka-3}) with their broker
 * settings (the KAFKA_ variables, named as the apache/kafka image turns them into properties; every listener, the
 * controllers' included, takes SASL logins only), the topics, SCRAM users and ACLs its
 * {@code kafka-init} script creates (read from the script, created with the Admin API that kafka-topics.sh,
 * kafka-configs.sh and kafka-acls.sh call), and each service's credentials from its environment. Ports and host
 * names are local; everything about security is the file's.
 */
class ComposeKafkaLayoutTest {

    private static final Map<String, String> SECRETS = Map.of(
            "JIXIAO_KAFKA_ADMIN_PASSWORD", "adminSecret1",
            "JIXIAO_KAFKA_BUDGET_PASSWORD", "budgetSecret2",
            "JIXIAO_KAFKA_EVALUATION_PASSWORD", "evaluationSecret3",
            "JIXIAO_KAFKA_DISCLOSURE_PASSWORD", "disclosureSecret4");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void theComposeClusterLetsEachServiceWriteOnlyItsOwnTopicAndGoesOnWithOneNodeDown() throws Exception {
        ComposeFile compose = ComposeFile.read();
        List<String> brokers = compose.brokers();
        int[] free = FreePorts.pickDistinct(3 * brokers.size());
        Map<String, int[]> ports = new LinkedHashMap<>();   // node → client (9092), admin (9094), controller (9093)
        for (int i = 0; i < brokers.size(); i++) {
            ports.put(brokers.get(i), new int[] {free[3 * i], free[3 * i + 1], free[3 * i + 2]});
        }
        String clusterId = String.valueOf(compose.environment(brokers.get(0)).get("CLUSTER_ID"));
        Map<String, Path> logDirectories = new LinkedHashMap<>();
        Map<String, Properties> settings = new LinkedHashMap<>();
        for (String broker : brokers) {
            Path logDirectory = Directories.createTemp("jixiao-compose-" + broker + "-");
            logDirectories.put(broker, logDirectory);
            settings.put(broker, brokerSettings(compose.environment(broker), logDirectory, broker, ports));
            KafkaStorage.formatIfNeeded(logDirectory, settings.get(broker), clusterId);
        }
        assertThat(settings.get(brokers.get(0))).containsEntry("authorizer.class.name",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");

        Map<String, KafkaRaftServer> servers = startTogether(settings);
        try {
            Map<String, Object> admin = login(addresses(ports, 1), "PLAIN", "admin",
                    SECRETS.get("JIXIAO_KAFKA_ADMIN_PASSWORD"));
            List<String> topics = runInitScript(admin, compose.kafkaInitScript());
            Map<String, List<Integer>> replicas = replicasByPartition(admin, topics);

            String client = addresses(ports, 0);
            Map<String, Object> budget = serviceLogin(compose, "budget-service", client);
            Map<String, Object> evaluation = serviceLogin(compose, "evaluation-service", client);
            Map<String, Object> disclosure = serviceLogin(compose, "disclosure-service", client);

            RecordMetadata budgetSent = send(budget, "budget.events", "P-1");
            RecordMetadata evaluationSent = send(evaluation, "evaluation.events", "E-1");
            Throwable budgetToEvaluation = refusal(budget, "evaluation.events");
            Throwable evaluationToBudget = refusal(evaluation, "budget.events");
            Throwable disclosureToBudget = refusal(disclosure, "budget.events");
            Map<String, Object> wrongPassword = new HashMap<>(budget);
            wrongPassword.put("sasl.jaas.config", jaas("SCRAM-SHA-512", "budget-service", "guessed"));
            Throwable notLoggedIn = refusal(wrongPassword, "budget.events");
            String stopped = brokers.get(brokers.size() - 1);
            long s0 = System.nanoTime();
            stop(servers.remove(stopped));
            RecordMetadata sentWithOneDown = send(budget, "budget.events", "P-2");
            double secondsWithOneDown = (System.nanoTime() - s0) / 1e9;

            assertThat(replicas).as("partitions of " + topics)
                    .hasSize(topics.size() * compose.initNumber("--partitions (\\d+)"))
                    .allSatisfy((partition, nodes) -> assertThat(nodes).hasSize(brokers.size()));
            assertThat(budgetSent.hasOffset()).isTrue();
            assertThat(evaluationSent.hasOffset()).isTrue();
            assertThat(budgetToEvaluation).isInstanceOf(TopicAuthorizationException.class);
            assertThat(evaluationToBudget).isInstanceOf(TopicAuthorizationException.class);
            assertThat(disclosureToBudget).isInstanceOf(ClusterAuthorizationException.class);
            assertThat(notLoggedIn).isInstanceOf(SaslAuthenticationException.class);
            assertThat(sentWithOneDown.hasOffset()).as("acks=all with " + stopped + " down").isTrue();
            assertThat(readInGroup(disclosure, "jixiao-district-journal", "budget.events", 2))
                    .extracting(ConsumerRecord::key).containsExactlyInAnyOrder("P-1", "P-2");
            System.out.println("compose layout: " + brokers.size() + " nodes, " + replicas.size()
                    + " partitions of " + brokers.size() + " replicas; owners wrote " + budgetSent + " and "
                    + evaluationSent + "; refused " + List.of(budgetToEvaluation, evaluationToBudget,
                    disclosureToBudget, notLoggedIn).stream().map(t -> t.getClass().getSimpleName()).toList()
                    + "; " + stopped + " stopped and one more write acknowledged in "
                    + String.format(Locale.ROOT, "%.1f s", secondsWithOneDown));
        } finally {
            together(servers.values(), ComposeKafkaLayoutTest::stop);
            logDirectories.values().forEach(Directories::deleteRecursively);
        }
    }

    /** Every node in its own thread: each one's broker waits in startup until the controller quorum is there. */
    private static Map<String, KafkaRaftServer> startTogether(Map<String, Properties> settings) throws Exception {
        Map<String, KafkaRaftServer> servers = new LinkedHashMap<>();
        settings.forEach((broker, properties) -> servers.put(broker,
                new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM)));
        try {
            together(servers.values(), KafkaRaftServer::startup);
        } catch (RuntimeException e) {
            together(servers.values(), ComposeKafkaLayoutTest::stop);
            throw new AssertionError("the compose Kafka nodes did not start", e);
        }
        return servers;
    }

    /**
     * {@code action} on every server at once; rethrows the first failure. Stopping together matters too: a
     * controller left alone waits for a quorum to approve its shutdown until that times out (minutes).
     */
    private static void together(java.util.Collection<KafkaRaftServer> servers,
                                 java.util.function.Consumer<KafkaRaftServer> action) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(servers.size());
        try {
            java.util.concurrent.CompletableFuture.allOf(servers.stream()
                    .map(server -> java.util.concurrent.CompletableFuture.runAsync(() -> action.accept(server), pool))
                    .toArray(java.util.concurrent.CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            pool.shutdown();
        }
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /** {@code localhost:port} of every node for listener {@code index} (0 client, 1 admin, 2 controller). */
    private static String addresses(Map<String, int[]> ports, int index) {
        return String.join(",", ports.values().stream().map(p -> "localhost:" + p[index]).toList());
    }

    private static Map<String, List<Integer>> replicasByPartition(Map<String, Object> admin, List<String> topics)
            throws Exception {
        Map<String, List<Integer>> replicas = new LinkedHashMap<>();
        try (Admin client = Admin.create(admin)) {
            client.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(partition -> replicas.put(topic + "-" + partition.partition(),
                            partition.replicas().stream().map(node -> node.id()).toList())));
        }
        return replicas;
    }

    /**
     * {@code KAFKA_A_B__C___D} → {@code a.b_c-d}, as the apache/kafka image does; every node's host and ports
     * ({@code kafka-2:9093}, and the node's own {@code :9092} in its listeners) local, and the local directory.
     */
    private static Properties brokerSettings(Map<String, Object> kafka, Path logDirectory, String broker,
                                             Map<String, int[]> ports) {
        int[] own = ports.get(broker);
        Properties settings = KafkaBrokerSettings.of(logDirectory, own[0], own[2]);   // the small footprint
        kafka.forEach((name, value) -> {
            if (!name.startsWith("KAFKA_")) {
                return;
            }
            String property = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                    .replace("___", "\u0001").replace("__", "\u0002").replace('_', '.')
                    .replace('\u0001', '-').replace('\u0002', '_');
            String local = interpolate(String.valueOf(value));
            for (Map.Entry<String, int[]> node : ports.entrySet()) {
                local = local.replace(node.getKey() + ":9092", "localhost:" + node.getValue()[0])
                        .replace(node.getKey() + ":9094", "localhost:" + node.getValue()[1])
                        .replace(node.getKey() + ":9093", "localhost:" + node.getValue()[2]);
            }
            local = local.replace("://:9092", "://localhost:" + own[0]).replace("://:9094", "://localhost:" + own[1])
                    .replace("://:9093", "://localhost:" + own[2]);
            settings.put(property, local);
        });
        settings.put("log.dirs", logDirectory.toString());
        return settings;
    }

    /** The topics, SCRAM users and ACLs of the kafka-init script, created as its commands create them. */
    private static List<String> runInitScript(Map<String, Object> admin, String script) throws Exception {
        Matcher topics = Pattern.compile("for topic in ([^;]+); do").matcher(script);
        assertThat(topics.find()).as("the topic loop in kafka-init").isTrue();
        Matcher partitions = Pattern.compile("--partitions (\\d+)").matcher(script);
        assertThat(partitions.find()).isTrue();
        Matcher replication = Pattern.compile("--replication-factor (\\d+)").matcher(script);
        assertThat(replication.find()).isTrue();
        Map<String, String> topicConfigs = new HashMap<>();
        Matcher config = Pattern.compile("--config ([\\w.]+)=(\\S+)").matcher(script);
        while (config.find()) {
            topicConfigs.put(config.group(1), config.group(2));
        }
        Matcher iterations = Pattern.compile("SCRAM-SHA-512=\\[iterations=(\\d+)").matcher(script);
        assertThat(iterations.find()).isTrue();
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (String line : script.split("\n")) {
            Matcher user = Pattern.compile("^user (\\S+) \"\\$\\$(\\w+)\"$").matcher(line.strip());
            if (user.matches()) {
                users.add(new UserScramCredentialUpsertion(user.group(1), new ScramCredentialInfo(
                        ScramMechanism.SCRAM_SHA_512, Integer.parseInt(iterations.group(1))),
                        SECRETS.get(user.group(2))));
            }
            Matcher allow = Pattern.compile("^allow (\\S+) (.+)$").matcher(line.strip());
            if (allow.matches()) {
                acls.addAll(acls("User:" + allow.group(1), allow.group(2).split("\\s+")));
            }
        }
        assertThat(users).hasSize(3);
        List<String> names = List.of(topics.group(1).trim().split("\\s+"));
        try (Admin client = Admin.create(admin)) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : names) {
                newTopics.add(new NewTopic(topic, Integer.parseInt(partitions.group(1)),
                        Short.parseShort(replication.group(1))).configs(topicConfigs));
            }
            client.createTopics(newTopics).all().get(60, TimeUnit.SECONDS);
            client.alterUserScramCredentials(users).all().get(30, TimeUnit.SECONDS);
            client.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!client.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS).containsAll(acls)
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        return names;
    }

    /** {@code --operation Read --operation Describe --topic t --group g} → one ACL per operation and resource. */
    private static List<AclBinding> acls(String principal, String[] arguments) {
        List<AclOperation> operations = new ArrayList<>();
        List<ResourcePattern> resources = new ArrayList<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            switch (arguments[i]) {
                case "--operation" -> operations.add(AclOperation.fromString(arguments[i + 1]));
                case "--topic" -> resources.add(new ResourcePattern(ResourceType.TOPIC, arguments[i + 1],
                        PatternType.LITERAL));
                case "--group" -> resources.add(new ResourcePattern(ResourceType.GROUP, arguments[i + 1],
                        PatternType.LITERAL));
                default -> throw new IllegalArgumentException("kafka-init: unexpected " + arguments[i]);
            }
        }
        List<AclBinding> bindings = new ArrayList<>();
        for (ResourcePattern resource : resources) {
            for (AclOperation operation : operations) {
                bindings.add(new AclBinding(resource, new AccessControlEntry(principal, "*", operation,
                        AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    /** The service's Kafka login from its environment (and the shared x-service-env), as KafkaSettings builds it. */
    private static Map<String, Object> serviceLogin(ComposeFile compose, String service, String bootstrap) {
        Map<String, Object> environment = compose.environment(service);
        String mechanism = (String) environment.get("JIXIAO_KAFKA_SASL_MECHANISM");
        Map<String, Object> login = login(bootstrap, mechanism, (String) environment.get("JIXIAO_KAFKA_USERNAME"),
                interpolate((String) environment.get("JIXIAO_KAFKA_PASSWORD")));
        login.put("security.protocol", environment.get("JIXIAO_KAFKA_SECURITY_PROTOCOL"));
        return login;
    }

    private static Map<String, Object> login(String bootstrap, String mechanism, String user, String password) {
        Map<String, Object> login = new HashMap<>();
        login.put("bootstrap.servers", bootstrap);
        login.put("security.protocol", "SASL_PLAINTEXT");
        login.put("sasl.mechanism", mechanism);
        login.put("sasl.jaas.config", jaas(mechanism, user, password));
        return login;
    }

    private static String jaas(String mechanism, String user, String password) {
        String module = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /** Compose's {@code ${VAR:?message}} with the test's secrets (a missing one fails, as compose would). */
    private static String interpolate(String value) {
        Matcher variable = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String secret = SECRETS.get(variable.group(1));
            assertThat(secret).as("a value for " + variable.group(1)).isNotNull();
            variable.appendReplacement(out, Matcher.quoteReplacement(secret));
        }
        return variable.appendTail(out).toString();
    }

    private static RecordMetadata send(Map<String, Object> login, String topic, String key) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(login))) {
            return producer.send(new ProducerRecord<>(topic, key, "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    private static Throwable refusal(Map<String, Object> login, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(login))) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "refused", "{}")).get(30, TimeUnit.SECONDS);
            throw new AssertionError("the broker accepted a write to " + topic + ": " + sent);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (KafkaException e) {
            // the refusal of the producer's id arrives on the sender thread; a send after it finds the producer in
            // an error state and throws a KafkaException whose cause is the broker's refusal
            return e.getMessage() != null && e.getMessage().contains("error state") && e.getCause() != null
                    ? e.getCause() : e;
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer from the broker", e);
        }
    }

    private static List<ConsumerRecord<String, String>> readInGroup(Map<String, Object> login, String group,
                                                                   String topic, int records) {
        Map<String, Object> config = new LinkedHashMap<>(login);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read.size() < records && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
            consumer.commitSync();
        }
        return read;
    }

    private static Map<String, Object> producerConfig(Map<String, Object> login) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }
}
