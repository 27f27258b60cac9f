package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jixiao.local.LocalStackProcesses;
import io.jixiao.local.e2e.RunningStack.Answer;
import io.jixiao.local.e2e.SharedStacks.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The skeleton flow, end to end: the four service jars as processes, a real Kafka broker and a
 * real PostgreSQL, every call through the gateway with a token.
 */
@SharedStacks.On(Kind.PLAIN)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SkeletonFlowIT {
    private static final String DISTRICT = "430204";
    private static RunningStack stack;

    @BeforeAll
    static void start(RunningStack shared) throws Exception {
        stack = shared;
        prepareDistrict(DISTRICT);
    }

    /** The district's rule settings (goals are not required here) and the unit the projects belong to. */
    static void prepareDistrict(String district) {
        assertThat(stack.call("PUT", "/api/budget/districts/" + district + "/settings", "{\"goalBeforeBudget\":false}").status())
                .isBetween(200, 201);
        assertThat(stack.call("PUT", "/api/budget/districts/" + district + "/units/czj", "{\"name\":\"区财政局\"}")
                .status()).isBetween(200, 201);
    }

    private static String project(String district, String id) {
        String path = "/api/budget/districts/" + district + "/projects/" + id;
        assertThat(stack.call("PUT", path, "{\"unitId\":\"czj\",\"name\":\"示例项目\",\"category\":\"专项资金\",\"fiscalYear\":2026}")
                .status()).isEqualTo(201);
        return path;
    }

    private static Answer report(String district, String id) {
        return stack.call("GET", "/api/reports/districts/" + district + "/years/2026/projects/" + id, null);
    }

    @Test
    @Order(1)
    void aBudgetFlowsThroughEveryServiceAndIntoTheDisclosureReadModel() {
        String path = project(DISTRICT, "P");
        assertThat(stack.call("POST", path + "/appropriations", "{\"amount\":\"550000.00\",\"source\":\"一般公共预算\"}").status()).isEqualTo(201);
        assertThat(stack.call("POST", path + "/adjustments", "{\"amount\":\"-100100.00\",\"basis\":\"MID_YEAR\",\"reason\":\"年中调减\"}").status()).isEqualTo(201);
        assertThat(stack.call("POST", path + "/expenditures", "{\"amount\":\"300000.00\"}").status()).isEqualTo(201);

        Answer state = stack.call("GET", path, null);
        assertThat(state.body().get("budget").asText()).isEqualTo("449900.00");
        assertThat(state.body().get("spent").asText()).isEqualTo("300000.00");
        assertThat(state.body().get("available").asText()).isEqualTo("149900.00");

        // how soon is the benchmark's lag figure; a loaded CI machine only has to get there
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> report(DISTRICT, "P").body() != null && report(DISTRICT, "P").body().path("lastSequence").asLong() == 3);
        Answer disclosed = report(DISTRICT, "P");
        assertThat(disclosed.body().get("budget").asText()).isEqualTo("449900.00");
        assertThat(disclosed.body().get("spent").asText()).isEqualTo("300000.00");
        assertThat(disclosed.body().get("available").asText()).isEqualTo("149900.00");
        assertThat(disclosed.body().get("timeline")).hasSize(4);
        assertThat(disclosed.body().get("timeline").get(2).get("actor").asText()).isEqualTo("e2e-tester");
    }

    @Test
    @Order(2)
    void brokenRulesAreRefusedWithProblemJsonAndRecordNothing() {
        String path = "/api/budget/districts/" + DISTRICT + "/projects/P";
        int before = stack.call("GET", path + "/history", null).body().get("eventCount").asInt();

        Answer overspend = stack.call("POST", path + "/expenditures", "{\"amount\":\"149900.01\"}");
        assertThat(overspend.status()).isEqualTo(422);
        assertThat(overspend.contentType()).startsWith("application/problem+json");
        assertThat(overspend.body().get("rule").asText()).isEqualTo("SPENDING_ABOVE_AVAILABLE");

        Answer belowSpent = stack.call("POST", path + "/adjustments", "{\"amount\":\"-149900.01\",\"basis\":\"MID_YEAR\",\"reason\":\"调减\"}");
        assertThat(belowSpent.status()).isEqualTo(422);
        assertThat(belowSpent.body().get("rule").asText()).isEqualTo("BUDGET_BELOW_SPENT");

        assertThat(stack.call("GET", path + "/history", null).body().get("eventCount").asInt()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aThousandConcurrentCommandsArriveInTheProjectionExactlyOnceEach() throws Exception {
        String district = "430211";
        prepareDistrict(district);
        int projects = 20;
        List<String> ids = new ArrayList<>();
        for (int p = 0; p < projects; p++) {
            String id = "bulk-" + p;
            ids.add(id);
            String path = project(district, id);
            assertThat(stack.call("POST", path + "/appropriations", "{\"amount\":\"1000000.00\",\"source\":\"一般公共预算\"}").status()).isEqualTo(201);
        }
        Map<String, AtomicLong> ledgerFen = new ConcurrentHashMap<>();
        List<Callable<Integer>> commands = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            commands.add(() -> {
                String id = ids.get(ThreadLocalRandom.current().nextInt(projects));
                long fen = ThreadLocalRandom.current().nextLong(1, 100_000);
                Answer answer = stack.call("POST", "/api/budget/districts/" + district + "/projects/" + id + "/expenditures",
                        "{\"amount\":\"" + java.math.BigDecimal.valueOf(fen, 2).toPlainString() + "\"}");
                if (answer.status() == 201) {
                    ledgerFen.computeIfAbsent(id, k -> new AtomicLong()).addAndGet(fen);
                }
                return answer.status();
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(commands)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(201);

        long expectedEvents = projects * 2L + 1000;
        assertThat(stack.queryLong("budget", "SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?",
                "project:" + district + ":bulk-%")).isEqualTo(expectedEvents);
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queryLong("disclosure",
                "SELECT count(*) FROM project_timeline_entry WHERE district_code = ?", district) == expectedEvents);
        assertThat(stack.queryLong("disclosure", "SELECT count(DISTINCT event_id) FROM project_timeline_entry WHERE district_code = ?",
                district)).isEqualTo(expectedEvents);
        long ledgerTotal = 0;
        for (String id : ids) {
            long spent = ledgerFen.getOrDefault(id, new AtomicLong()).get();
            ledgerTotal += spent;
            assertThat(report(district, id).body().get("spent").asText())
                    .isEqualTo(java.math.BigDecimal.valueOf(spent, 2).toPlainString());
        }
        assertThat(stack.queryLong("disclosure", "SELECT coalesce(sum(spent_fen), 0) FROM project_view WHERE district_code = ?",
                district)).isEqualTo(ledgerTotal);
    }

    @Test
    @Order(4)
    void stoppingAndRestartingTheServicesLosesNothingAndDuplicatesNothing() throws Exception {
        stack.awaitSettled();   // the count of the whole timeline moves only with what this test does
        long events = stack.queryLong("disclosure", "SELECT count(*) FROM project_timeline_entry");
        for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
            stack.processes.stop(service);
        }
        for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
            stack.processes.start(service);
        }
        Answer state = stack.call("GET", "/api/budget/districts/" + DISTRICT + "/projects/P", null);
        assertThat(state.body().get("budget").asText()).isEqualTo("449900.00");
        assertThat(state.body().get("spent").asText()).isEqualTo("300000.00");
        // one more command after the restart: it is published, and nothing before it is published again
        assertThat(stack.call("POST", "/api/budget/districts/" + DISTRICT + "/projects/P/expenditures", "{\"amount\":\"0.01\"}").status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> report(DISTRICT, "P").body().path("lastSequence").asLong() == 4);
        assertThat(stack.queryLong("disclosure", "SELECT count(*) FROM project_timeline_entry")).isEqualTo(events + 1);
        assertThat(stack.queryLong("disclosure", "SELECT count(DISTINCT event_id) FROM project_timeline_entry")).isEqualTo(events + 1);
        assertThat(report(DISTRICT, "P").body().get("spent").asText()).isEqualTo("300000.01");
    }
}
