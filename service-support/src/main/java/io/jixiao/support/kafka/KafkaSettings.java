package io.jixiao.support.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jixiao.kafka.*}: where Kafka is, who this service is there, and what it publishes.
 *
 * <p>With {@code username} and {@code password} every client of the service (publisher, projection consumers,
 * topic check) logs in with SASL as that user; the broker's ACLs then decide what it may write and read
 * (docs/operations.md, "Kafka credentials and ACLs"). Without them the clients connect unauthenticated, as to the
 * embedded broker of the tests.
 *
 * @param bootstrapServers Kafka bootstrap servers (env {@code JIXIAO_KAFKA_BOOTSTRAP_SERVERS})
 * @param publishTopic     the topic this service's events go to; empty = it publishes nothing
 * @param partitions       partitions of each topic created at start
 * @param username         the service's Kafka user (env {@code JIXIAO_KAFKA_USERNAME}); unset = no login
 * @param password         its password (env {@code JIXIAO_KAFKA_PASSWORD}); set exactly when the user is
 * @param securityProtocol {@code security.protocol} (env {@code JIXIAO_KAFKA_SECURITY_PROTOCOL}); with a user
 *                         by default {@code SASL_PLAINTEXT}, use {@code SASL_SSL} where the network is not trusted
 * @param saslMechanism    {@code sasl.mechanism} (env {@code JIXIAO_KAFKA_SASL_MECHANISM}): {@code SCRAM-SHA-512}
 *                         (the default), {@code SCRAM-SHA-256} or {@code PLAIN} (the embedded development broker)
 */
@ConfigurationProperties("jixiao.kafka")
public record KafkaSettings(String bootstrapServers, String publishTopic, Integer partitions, String username,
                            String password, String securityProtocol, String saslMechanism) {
    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "localhost:29092" : bootstrapServers;
        partitions = partitions == null ? 3 : partitions;
        username = blankToNull(username);
        password = blankToNull(password);
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("jixiao.kafka.username and jixiao.kafka.password go together: "
                    + (username == null ? "a password without a user" : "user " + username + " without a password"));
        }
        securityProtocol = blankToNull(securityProtocol) != null ? securityProtocol.trim().toUpperCase(Locale.ROOT)
                : username != null ? "SASL_PLAINTEXT" : null;
        saslMechanism = blankToNull(saslMechanism) != null ? saslMechanism.trim().toUpperCase(Locale.ROOT)
                : username != null ? "SCRAM-SHA-512" : null;
        if (username != null) {
            loginModule(saslMechanism);   // an unknown mechanism fails at start, not at the first connection
            if (!securityProtocol.startsWith("SASL_")) {
                throw new IllegalArgumentException("jixiao.kafka.username needs a SASL security protocol, not "
                        + securityProtocol);
            }
        }
    }

    /** Unauthenticated clients of {@code bootstrapServers} (tests). */
    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, null, null, null, null, null, null);
    }

    /** Whether the clients log in ({@link #username()} is set). */
    public boolean authenticates() {
        return username != null;
    }

    /**
     * What every Kafka client of the service starts from: the bootstrap servers and, with a user, the security
     * protocol, the SASL mechanism and the JAAS login. Each client adds its own settings to a copy.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (securityProtocol != null) {
            properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
        }
        if (username != null) {
            properties.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, loginModule(saslMechanism) + " required username="
                    + quoted(username) + " password=" + quoted(password) + ";");
        }
        return properties;
    }

    private static String loginModule(String mechanism) {
        if ("PLAIN".equals(mechanism)) {
            return "org.apache.kafka.common.security.plain.PlainLoginModule";
        }
        if ("SCRAM-SHA-256".equals(mechanism) || "SCRAM-SHA-512".equals(mechanism)) {
            return "org.apache.kafka.common.security.scram.ScramLoginModule";
        }
        throw new IllegalArgumentException("jixiao.kafka.sasl-mechanism must be SCRAM-SHA-512, SCRAM-SHA-256 or "
                + "PLAIN with a user name and password, not " + mechanism);
    }

    /** A JAAS option value: in double quotes, with backslashes and double quotes escaped. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", publishTopic=" + publishTopic
                + ", partitions=" + partitions + ", username=" + username + ", password=" + (password == null
                ? null : "****") + ", securityProtocol=" + securityProtocol + ", saslMechanism=" + saslMechanism + "]";
    }
}
