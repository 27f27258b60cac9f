package io.jixiao.local;

import io.jixiao.infra.EmbeddedKafkaBroker;
import io.jixiao.infra.KafkaUsers;
import io.jixiao.infra.EmbeddedPostgresServer;
import io.jixiao.infra.PostgresDatabases;
import java.io.PrintStream;

/**
 * PostgreSQL and Kafka for the launcher: embedded ones with their data under the home directory,
 * or the external ones named in the environment. {@link StackShutdown} stops the embedded ones.
 */
final class LocalInfrastructure {

    private final boolean embeddedPostgres;
    private final String postgresServerUrl;
    private final String postgresUser;
    private final String postgresPassword;
    private final String kafkaBootstrapServers;
    private final EmbeddedKafkaBroker kafka;

    private LocalInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, LocalStackSettings settings) {
        this.embeddedPostgres = postgres != null;
        this.postgresServerUrl = postgres != null ? postgres.serverUrl() : settings.externalPostgresUrl().orElseThrow();
        this.postgresUser = postgres != null ? EmbeddedPostgresServer.USER : settings.postgresUser();
        this.postgresPassword = postgres != null ? EmbeddedPostgresServer.PASSWORD : settings.postgresPassword();
        this.kafkaBootstrapServers = kafka != null ? kafka.bootstrapServers() : settings.externalKafka().orElseThrow();
        this.kafka = kafka;
    }

    /**
     * Starts what is not external, creating the databases where it can. {@code started} is told
     * about each embedded server as soon as it runs, so that a failure later can still stop it.
     */
    static LocalInfrastructure start(LocalStackSettings settings, StackShutdown started, PrintStream out) {
        EmbeddedPostgresServer postgres = null;
        if (settings.externalPostgresUrl().isEmpty()) {
            out.println("Starting PostgreSQL on port " + settings.postgresPort() + " (data: " + settings.postgresData() + ")");
            postgres = EmbeddedPostgresServer.builder()
                    .dataDirectory(settings.postgresData())
                    .port(settings.postgresPort())
                    .logFile(settings.logs().resolve("postgres.log"))
                    .stopOnJvmExit(false)
                    .start();
            started.postgres(postgres);
        } else {
            out.println("Using PostgreSQL at " + settings.externalPostgresUrl().get());
        }
        EmbeddedKafkaBroker kafka = null;
        if (settings.externalKafka().isEmpty()) {
            // as production runs it: every client logs in, and only a topic's owning service may write it
            KafkaUsers users = KafkaUsers.jixiao(settings.kafkaAdminPassword().orElseGet(KafkaUsers::randomPassword));
            if (settings.cluster()) {
                // each node a process of its own, as the operators of a real cluster run them: one can die alone
                out.println("Starting a Kafka cluster of three node processes on ports "
                        + java.util.Arrays.toString(settings.kafkaPorts()) + " (data: " + settings.kafkaData() + ")");
                kafka = EmbeddedKafkaBroker.startClusterProcesses(settings.kafkaData(), settings.kafkaPorts(),
                        settings.kafkaControllerPorts(), users);
            } else {
                // a process of its own: its JVM compiles Kafka's code with C1 alone (decision 0058)
                out.println("Starting Kafka on port " + settings.kafkaPort() + " (data: " + settings.kafkaData() + ")");
                kafka = EmbeddedKafkaBroker.startSecuredProcess(settings.kafkaData(), settings.kafkaPort(),
                        settings.kafkaControllerPort(), users);
            }
            started.kafka(kafka);
        } else {
            out.println("Using Kafka at " + settings.externalKafka().get());
        }
        LocalInfrastructure infrastructure = new LocalInfrastructure(postgres, kafka, settings);
        infrastructure.createDatabases(out);
        return infrastructure;
    }

    String postgresServerUrl() {
        return postgresServerUrl;
    }

    String postgresUser() {
        return postgresUser;
    }

    String postgresPassword() {
        return postgresPassword;
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** What {@code service} needs to reach Kafka: bootstrap servers and, on the embedded broker, its own login. */
    java.util.Map<String, String> kafkaEnvironment(String service) {
        return kafka != null ? kafka.serviceEnvironment(service)
                : java.util.Map.of("JIXIAO_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
    }

    private void createDatabases(PrintStream out) {
        for (String database : LocalStackSettings.DATABASES) {
            try {
                PostgresDatabases.createIfMissing(postgresServerUrl, postgresUser, postgresPassword, database);
            } catch (IllegalStateException e) {
                if (embeddedPostgres) {
                    throw e;
                }
                out.println("Could not create database " + database + " on the external server ("
                        + e.getCause().getMessage() + "); assuming it exists");
            }
        }
    }
}
