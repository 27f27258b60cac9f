package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.Topics;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.local.LocalStackProcesses;
import io.jixiao.local.e2e.RunningStack.Answer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of budget-service behind the gateway (docs/operations.md, "Cluster"): commands land on both, both
 * hold segments of the tracking processors and publish; one is killed (-9) and the other takes every segment over
 * within the documented time; commands go on (retried with the same Idempotency-Key while the gateway still routes
 * to the dead one); every stored event of the test's projects is on Kafka exactly once.
 */
class ClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String D = "430203";
    private static final String FIRST = LocalStackProcesses.BUDGET;
    private static final String SECOND = LocalStackProcesses.BUDGET + "-2";
    private static final List<String> PROCESSORS = List.of("kafka-publisher", "result-application-retry");
    /** Claim timeout (10 s) + token claim interval (5 s), docs/operations.md's takeover table. */
    private static final Duration TAKEOVER = Duration.ofSeconds(15);
    private static RunningStack stack;
    /** Project ids of this run: the test JVM's broker keeps the records of earlier stacks. */
    private static final String RUN = "c" + java.util.UUID.randomUUID().toString().substring(0, 6) + "-";
    private final List<String> projects = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = RunningStack.startBudgetCluster("cluster");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void bothInstancesWorkAndTheSurvivorTakesEverythingOverWhenOneIsKilled() throws Exception {
        assertThat(stack.call("PUT", "/api/budget/districts/" + D + "/settings", "{\"goalBeforeBudget\":false}")
                .status()).isEqualTo(200);
        assertThat(stack.call("PUT", "/api/budget/districts/" + D + "/units/czj", "{\"name\":\"株洲市芦淞区财政局\"}")
                .status()).isIn(200, 201);

        // both hold their share of each processor's 4 segments
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(owners())
                .containsEntry("kafka-publisher", Map.of(FIRST, 2L, SECOND, 2L))
                .containsEntry("result-application-retry", Map.of(FIRST, 2L, SECOND, 2L)));

        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            answeredBy.addAll(projectWithMoney(RUN + i));
        }
        assertThat(answeredBy).as("commands handled on both instances").containsExactlyInAnyOrder(FIRST, SECOND);
        Set<String> viewedBy = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            Answer view = stack.call("GET", "/api/budget/admin/processors", null);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body().path("liveInstances").asInt()).isEqualTo(2);
            assertThat(view.body().path("processors").get(0).path("segments").size()).isEqualTo(2);
            viewedBy.add(view.body().path("instance").asText());
        }
        assertThat(viewedBy).containsExactlyInAnyOrder(FIRST, SECOND);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(this::everyStoredEventOnKafkaOnce);

        long killed = System.nanoTime();
        stack.processes.kill(SECOND);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(owners())
                .containsEntry("kafka-publisher", Map.of(FIRST, 4L))
                .containsEntry("result-application-retry", Map.of(FIRST, 4L)));
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("ClusterIT: %s holds every segment %d ms after %s was killed (load average %s)%n", FIRST,
                takeover.toMillis(), SECOND, loadAverage());

        for (int i = 8; i < 12; i++) {
            assertThat(projectWithMoney(RUN + i)).containsOnly(FIRST);
        }
        await().atMost(Duration.ofMinutes(1)).untilAsserted(this::everyStoredEventOnKafkaOnce);
        assertThat(takeover).as("takeover within the documented time").isLessThanOrEqualTo(TAKEOVER.plusSeconds(15));
    }

    /** Registers a project and appropriates money to it; the instances that answered. */
    private Set<String> projectWithMoney(String id) {
        String path = "/api/budget/districts/" + D + "/projects/" + id;
        Set<String> instances = new HashSet<>();
        instances.add(retried("PUT", path, "{\"unitId\":\"czj\",\"name\":\"集群项目\",\"category\":\"专项资金\","
                + "\"fiscalYear\":2026}", "register-" + id));
        instances.add(retried("POST", path + "/appropriations", "{\"amount\":\"1000.00\",\"source\":\"一般公共预算\","
                + "\"date\":\"2026-02-01\"}", "appropriate-" + id));
        projects.add("project:" + D + ":" + id);
        return instances;
    }

    /** As a client does: 503 (or no answer) is retried with the same Idempotency-Key; the instance that answered. */
    private static String retried(String method, String path, String body, String key) {
        java.util.concurrent.atomic.AtomicReference<String> answeredBy = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Answer answer = stack.call(method, path, body, "Idempotency-Key", key);
            if (answer.status() == 200 || answer.status() == 201) {
                answeredBy.set(answer.instance());
                return true;
            }
            assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isIn(502, 503, 504, 599);
            return false;
        });
        return answeredBy.get();
    }

    /** Per tracking processor, the owners of its claims and how many segments each holds. */
    private static Map<String, Map<String, Long>> owners() throws Exception {
        Map<String, Map<String, Long>> owners = new TreeMap<>();
        try (Connection c = SharedTestInfra.postgres().connect(stack.prefix + "_budget");
             ResultSet rs = c.createStatement().executeQuery("SELECT processorname, coalesce(owner, '-'), count(*) "
                     + "FROM tokenentry GROUP BY 1, 2")) {
            while (rs.next()) {
                owners.computeIfAbsent(rs.getString(1), p -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        return owners;
    }

    /** Each of the test's projects: its stored events are on budget.events, each once. */
    private void everyStoredEventOnKafkaOnce() throws Exception {
        Map<String, List<String>> published = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = SharedTestInfra.kafka().readerFromStart()) {
            consumer.subscribe(List.of(Topics.BUDGET_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int empty = 0;
            while (System.nanoTime() < deadline && empty < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                empty = records.isEmpty() && !consumer.assignment().isEmpty() ? empty + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    if (projects.contains(r.key())) {
                        JsonNode envelope = JSON.readTree(r.value());
                        published.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(envelope.path("eventId").asText());
                    }
                }
            }
        }
        for (String project : projects) {
            List<String> stored = new ArrayList<>();
            try (Connection c = SharedTestInfra.postgres().connect(stack.prefix + "_budget");
                 var statement = c.prepareStatement("SELECT eventidentifier FROM domainevententry "
                         + "WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
                statement.setString(1, project);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
            }
            assertThat(stored).as(project + " stored").hasSize(2);
            assertThat(published.getOrDefault(project, List.of())).as(project + " on Kafka, in order, once each")
                    .containsExactlyElementsOf(stored);
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
