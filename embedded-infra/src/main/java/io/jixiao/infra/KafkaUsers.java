package io.jixiao.infra;

import io.jixiao.events.Topics;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who may use a secured {@link EmbeddedKafkaBroker}: an admin (a super user, also the broker's own principal on
 * its client listener) and the users with their passwords and permissions. A user may write (and describe) the
 * topics it {@link User#writes() writes}, read (and describe) the topics it {@link User#reads() reads}, and read
 * (join, commit offsets in) the consumer groups it {@link User#groups() uses}: literal names, nothing else.
 * The broker creates the {@link #topics() topics} itself, so no user needs CREATE.
 *
 * <p>Passwords travel in the clear to the broker's JAAS configuration and over SASL/PLAIN on loopback: this
 * describes a development broker, not a production credential store (production uses SCRAM, see
 * docs/operations.md).
 */
public final class KafkaUsers {

    /** A user of the broker: the Kafka principal is {@code User:<name>}. */
    public record User(String name, String password, Set<String> writes, Set<String> reads, Set<String> groups) {
        public User {
            requireToken("user name", name);
            requireToken("password of " + name, password);
            writes = Set.copyOf(writes);
            reads = Set.copyOf(reads);
            groups = Set.copyOf(groups);
        }

        @Override
        public String toString() {
            return "User[" + name + ", writes " + writes + ", reads " + reads + ", groups " + groups + "]";
        }
    }

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminName;
    private final String adminPassword;
    private final Map<String, User> users;
    private final Map<String, Integer> topics;

    private KafkaUsers(String adminName, String adminPassword, Map<String, User> users, Map<String, Integer> topics) {
        this.adminName = adminName;
        this.adminPassword = adminPassword;
        this.users = Map.copyOf(users);
        this.topics = Map.copyOf(topics);
    }

    /**
     * The suite's layout, with random passwords: {@code admin}; {@code budget-service} writes {@code budget.events},
     * reads {@code evaluation.events}; {@code evaluation-service} writes {@code evaluation.events}, reads
     * {@code budget.events}; {@code disclosure-service} reads both; each in the consumer groups of its projections
     * ({@code jixiao-<projection name>}, see each service's {@code Projection#name()}). Both topics are created
     * with 3 partitions.
     */
    public static KafkaUsers jixiao() {
        return jixiao(randomPassword());
    }

    /** As {@link #jixiao()}, with the admin's password chosen by the caller (a tool that reads the topics). */
    public static KafkaUsers jixiao(String adminPassword) {
        return builder("admin", adminPassword)
                .topic(Topics.BUDGET_EVENTS, 3)
                .topic(Topics.EVALUATION_EVENTS, 3)
                .user(Topics.BUDGET_SERVICE, randomPassword(), Set.of(Topics.BUDGET_EVENTS),
                        Set.of(Topics.EVALUATION_EVENTS), Set.of("jixiao-budget-evaluation-inbox"))
                .user(Topics.EVALUATION_SERVICE, randomPassword(), Set.of(Topics.EVALUATION_EVENTS),
                        Set.of(Topics.BUDGET_EVENTS), Set.of("jixiao-evaluation-budget"))
                .user("disclosure-service", randomPassword(), Set.of(),
                        Set.of(Topics.BUDGET_EVENTS, Topics.EVALUATION_EVENTS),
                        Set.of("jixiao-district-journal", "jixiao-project-timeline"))
                .build();
    }

    public static Builder builder(String adminName, String adminPassword) {
        return new Builder(adminName, adminPassword);
    }

    /** 24 random letters and digits. */
    public static String randomPassword() {
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    public String adminName() {
        return adminName;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public List<User> users() {
        return users.values().stream().sorted(java.util.Comparator.comparing(User::name)).toList();
    }

    /** The password of {@code name} (the admin or a user). */
    public String password(String name) {
        if (adminName.equals(name)) {
            return adminPassword;
        }
        User user = users.get(name);
        if (user == null) {
            throw new IllegalArgumentException("no Kafka user " + name + " (known: " + users.keySet() + ")");
        }
        return user.password();
    }

    /** Topic → partitions: created by the broker after start, unless they exist. */
    public Map<String, Integer> topics() {
        return topics;
    }

    /** The broker's static PLAIN users: {@code user_<name>="<password>"} for the admin and every user. */
    String plainJaasConfig() {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                .append(" username=\"").append(adminName).append("\" password=\"").append(adminPassword).append('"')
                .append(" user_").append(adminName).append("=\"").append(adminPassword).append('"');
        for (User user : users()) {
            jaas.append(" user_").append(user.name()).append("=\"").append(user.password()).append('"');
        }
        return jaas.append(';').toString();
    }

    public static String clientJaasConfig(String name, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + name
                + "\" password=\"" + password + "\";";
    }

    @Override
    public String toString() {
        return "KafkaUsers[admin " + adminName + ", " + users() + ", topics " + topics + "]";
    }

    /** Names and passwords go into a JAAS configuration: no quotes, backslashes, spaces or semicolons. */
    private static void requireToken(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty() || !value.matches("[A-Za-z0-9._~@+=:-]+")) {
            throw new IllegalArgumentException(what + " must be non-empty letters, digits or ._~@+=:-");
        }
    }

    public static final class Builder {
        private final String adminName;
        private final String adminPassword;
        private final Map<String, User> users = new LinkedHashMap<>();
        private final Map<String, Integer> topics = new LinkedHashMap<>();

        private Builder(String adminName, String adminPassword) {
            requireToken("admin name", adminName);
            requireToken("admin password", adminPassword);
            this.adminName = adminName;
            this.adminPassword = adminPassword;
        }

        public Builder user(String name, String password, Set<String> writes, Set<String> reads, Set<String> groups) {
            if (name.equals(adminName) || users.containsKey(name)) {
                throw new IllegalArgumentException("Kafka user " + name + " is declared twice");
            }
            users.put(name, new User(name, password, new LinkedHashSet<>(writes), new LinkedHashSet<>(reads),
                    new LinkedHashSet<>(groups)));
            return this;
        }

        public Builder topic(String name, int partitions) {
            topics.put(name, partitions);
            return this;
        }

        public KafkaUsers build() {
            return new KafkaUsers(adminName, adminPassword, users, topics);
        }
    }
}
