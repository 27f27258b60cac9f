package io.jixiao.infra;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server and one Kafka broker per JVM, for tests: each starts on first use, on a
 * free port in a temporary directory, and a shutdown hook stops whatever was started.
 *
 * <p>Give each Spring test context its own database with {@link #freshDatabase(String)}. Note
 * that a {@code @DynamicPropertySource} supplier may be called more than once: compute the URL
 * once (e.g. in a static field) and hand out that value. Tests that take a server down
 * (outages) should start their own {@link EmbeddedPostgresServer} or {@link EmbeddedKafkaBroker}
 * rather than stop the shared ones.
 */
public final class SharedTestInfra {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaBroker kafka;
    private static boolean hookRegistered;

    private SharedTestInfra() {
    }

    /** The shared PostgreSQL server, started on first use. */
    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            registerShutdownHook();
            postgres = EmbeddedPostgresServer.builder().stopOnJvmExit(false).start();
        }
        return postgres;
    }

    /** The shared Kafka broker, started on first use. */
    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            registerShutdownHook();
            kafka = EmbeddedKafkaBroker.start(null, 0);
        }
        return kafka;
    }

    /**
     * Creates a new, empty database on the shared server and returns its JDBC URL. The name is
     * {@code prefix} (lower-cased, reduced to letters, digits and underscores) plus a number.
     */
    public static String freshDatabase(String prefix) {
        String name = databaseName(prefix, DATABASES.incrementAndGet());
        EmbeddedPostgresServer server = postgres();
        server.createDatabaseIfMissing(name);
        return server.jdbcUrl(name);
    }

    static String databaseName(String prefix, int number) {
        String cleaned = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "db_" + cleaned;
        }
        if (cleaned.length() > 40) {
            cleaned = cleaned.substring(0, 40);
        }
        return cleaned + "_" + number;
    }

    private static void registerShutdownHook() {
        if (!hookRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedTestInfra::stopAll, "shared-test-infra-stop"));
            hookRegistered = true;
        }
    }

    private static synchronized void stopAll() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }
}
