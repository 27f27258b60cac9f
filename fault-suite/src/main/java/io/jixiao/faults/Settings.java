package io.jixiao.faults;

import java.time.Duration;
import java.util.List;

/**
 * How hard and how long the suite pushes: the full run (the documented command) or the short mode that runs in
 * {@code ./mvnw verify}.
 *
 * @param name              "full" or "short"
 * @param workers           load workers sending commands (each paced, see {@code pause})
 * @param pause             pause of a worker between two commands (the load driver's pacing)
 * @param warmUp            load before a fault is injected
 * @param afterRecovery     load after the faulty part is back, before the load stops
 * @param kafkaOutage       how long the broker stays down (fault 2)
 * @param brokerOutage      how long one Kafka node of the cluster stays killed (fault 7, cluster mode)
 * @param postgresOutage    how long PostgreSQL stays down (fault 4)
 * @param sharedWork        how long two disclosure instances share the work before one is killed (fault 5)
 * @param lostResponses     how long every request is sent twice (fault 6)
 * @param quiescence        how long to wait for the projections to catch up after a fault
 * @param badRequests       malformed and hostile requests sent by the bad-input generator
 * @param districts         districts the load works in
 * @param projectsPerDistrict projects per district
 * @param importJobLines    lines of the import job killed at half (0: none)
 */
public record Settings(String name, int workers, Duration pause, Duration warmUp, Duration afterRecovery,
                       Duration kafkaOutage, Duration brokerOutage, Duration postgresOutage, Duration sharedWork,
                       Duration lostResponses, Duration quiescence, int badRequests, List<String> districts,
                       int projectsPerDistrict, int importJobLines) {

    public static final int FISCAL_YEAR = 2026;

    /**
     * The full run: Kafka down 30 s (a cluster's node killed for 60 s), PostgreSQL 15 s, 10,000 bad requests, an
     * import job of 100,000 lines.
     */
    public static Settings full() {
        return new Settings("full", 8, Duration.ofMillis(40), Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(15), Duration.ofSeconds(15),
                Duration.ofSeconds(20),
                Duration.ofSeconds(240), 10_000, List.of("430202", "430203", "430211", "430212"), 6, 100_000);
    }

    /** The short mode for the test run: short outages, modest load, 2,000 bad requests, an import job of 5,000 lines. */
    public static Settings shortMode() {
        return new Settings("short", 4, Duration.ofMillis(60), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(3),
                Duration.ofSeconds(4),
                Duration.ofSeconds(180), 2_000, List.of("430202", "430203", "430211"), 4, 5_000);
    }

    public Settings withBadRequests(int count) {
        return new Settings(name, workers, pause, warmUp, afterRecovery, kafkaOutage, brokerOutage, postgresOutage,
                sharedWork, lostResponses, quiescence, count, districts, projectsPerDistrict, importJobLines);
    }

    public Settings withWorkers(int count) {
        return new Settings(name, count, pause, warmUp, afterRecovery, kafkaOutage, brokerOutage, postgresOutage,
                sharedWork, lostResponses, quiescence, badRequests, districts, projectsPerDistrict, importJobLines);
    }

    public Settings withImportJobLines(int lines) {
        return new Settings(name, workers, pause, warmUp, afterRecovery, kafkaOutage, brokerOutage, postgresOutage,
                sharedWork, lostResponses, quiescence, badRequests, districts, projectsPerDistrict, lines);
    }

    public boolean isShort() {
        return "short".equals(name);
    }
}
