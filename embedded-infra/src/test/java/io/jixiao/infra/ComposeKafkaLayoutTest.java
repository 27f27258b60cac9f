package io.jixiao.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
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
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml's Kafka, without Docker: the broker settings of its {@code kafka} service (the KAFKA_ variables,
 * named as the apache/kafka image turns them into properties), the topics, SCRAM users and ACLs its
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
    @SuppressWarnings("unchecked")
    void theComposeBrokerLetsEachServiceWriteOnlyItsOwnTopic() throws Exception {
        Map<String, Object> compose = readCompose();
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Path logDirectory = Directories.createTemp("jixiao-compose-kafka-");
        int[] ports = FreePorts.pickDistinct(3);   // client (9092), admin (9094), controller (9093)
        Properties settings = brokerSettings((Map<String, Object>) services.get("kafka"), logDirectory, ports);
        assertThat(settings).containsEntry("authorizer.class.name",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512");

        KafkaStorage.formatIfNeeded(logDirectory, settings);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings), Time.SYSTEM);
        server.startup();
        try {
            Map<String, Object> admin = login("localhost:" + ports[1], "PLAIN", "admin",
                    SECRETS.get("JIXIAO_KAFKA_ADMIN_PASSWORD"));
            String script = (String) ((List<Object>) ((Map<String, Object>) services.get("kafka-init"))
                    .get("command")).get(0);
            runInitScript(admin, script);

            String client = "localhost:" + ports[0];
            Map<String, Object> budget = serviceLogin(services, "budget-service", client);
            Map<String, Object> evaluation = serviceLogin(services, "evaluation-service", client);
            Map<String, Object> disclosure = serviceLogin(services, "disclosure-service", client);

            RecordMetadata budgetSent = send(budget, "budget.events", "P-1");
            RecordMetadata evaluationSent = send(evaluation, "evaluation.events", "E-1");
            Throwable budgetToEvaluation = refusal(budget, "evaluation.events");
            Throwable evaluationToBudget = refusal(evaluation, "budget.events");
            Throwable disclosureToBudget = refusal(disclosure, "budget.events");
            Map<String, Object> wrongPassword = new HashMap<>(budget);
            wrongPassword.put("sasl.jaas.config", jaas("SCRAM-SHA-512", "budget-service", "guessed"));
            Throwable notLoggedIn = refusal(wrongPassword, "budget.events");

            assertThat(budgetSent.hasOffset()).isTrue();
            assertThat(evaluationSent.hasOffset()).isTrue();
            assertThat(budgetToEvaluation).isInstanceOf(TopicAuthorizationException.class);
            assertThat(evaluationToBudget).isInstanceOf(TopicAuthorizationException.class);
            assertThat(disclosureToBudget).isInstanceOf(ClusterAuthorizationException.class);
            assertThat(notLoggedIn).isInstanceOf(SaslAuthenticationException.class);
            assertThat(readInGroup(disclosure, "jixiao-district-journal", "budget.events"))
                    .extracting(ConsumerRecord::key).containsExactly("P-1");
            System.out.println("compose layout: owners wrote " + budgetSent + " and " + evaluationSent + "; refused "
                    + List.of(budgetToEvaluation, evaluationToBudget, disclosureToBudget, notLoggedIn).stream()
                    .map(t -> t.getClass().getSimpleName()).toList());
        } finally {
            server.shutdown();
            server.awaitShutdown();
            Directories.deleteRecursively(logDirectory);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readCompose() throws IOException {
        Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("docker-compose.yml");
        try (Reader reader = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml().load(reader);
        }
    }

    /** {@code KAFKA_A_B__C___D} → {@code a.b_c-d}, as the apache/kafka image does; local ports and directory. */
    @SuppressWarnings("unchecked")
    private static Properties brokerSettings(Map<String, Object> kafka, Path logDirectory, int[] ports) {
        Properties settings = KafkaBrokerSettings.of(logDirectory, ports[0], ports[2]);   // the small footprint
        Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");
        environment.forEach((name, value) -> {
            if (!name.startsWith("KAFKA_")) {
                return;
            }
            String property = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT)
                    .replace("___", "\u0001").replace("__", "\u0002").replace('_', '.')
                    .replace('\u0001', '-').replace('\u0002', '_');
            String local = interpolate(String.valueOf(value)).replace(":9092", ":" + ports[0])
                    .replace(":9094", ":" + ports[1]).replace(":9093", ":" + ports[2]).replace("kafka:", "localhost:");
            settings.put(property, local);
        });
        settings.put("log.dirs", logDirectory.toString());
        return settings;
    }

    /** The topics, SCRAM users and ACLs of the kafka-init script, created as its commands create them. */
    private static void runInitScript(Map<String, Object> admin, String script) throws Exception {
        Matcher topics = Pattern.compile("for topic in ([^;]+); do").matcher(script);
        assertThat(topics.find()).as("the topic loop in kafka-init").isTrue();
        Matcher partitions = Pattern.compile("--partitions (\\d+)").matcher(script);
        assertThat(partitions.find()).isTrue();
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
        try (Admin client = Admin.create(admin)) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics.group(1).trim().split("\\s+")) {
                newTopics.add(new NewTopic(topic, Integer.parseInt(partitions.group(1)), (short) 1));
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
    @SuppressWarnings("unchecked")
    private static Map<String, Object> serviceLogin(Map<String, Object> services, String service, String bootstrap) {
        Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(service))
                .get("environment");
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
                                                                   String topic) {
        Map<String, Object> config = new LinkedHashMap<>(login);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
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
