package io.jixiao.budget;

import io.jixiao.budget.project.ProjectCommands;
import io.jixiao.budget.settings.DistrictSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.budget.Api.Answer;
import io.jixiao.events.Topics;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.ServiceIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** budget-service against a real PostgreSQL and a real Kafka broker (both embedded), over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)  // its Kafka consumers must not outlive the class
class BudgetServiceIntegrationTest extends ServiceIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("budget_it");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB);
    }

    Api api;

    @BeforeEach
    void districtWithoutTheGoalRuleAndItsUnit() {
        api = new Api(port);
        api.expect(200, "PUT", "/api/budget/districts/430203/settings", "{\"goalBeforeBudget\":false}");
        Answer unit = api.call("PUT", "/api/budget/districts/430203/units/it-unit", "{\"name\":\"测试单位\"}");
        assertThat(unit.status()).isIn(200, 201);
    }

    private Answer call(String method, String path, String body, String... headers) {
        return api.call(method, path, body, headers);
    }

    private String project(String id) {
        String path = "/api/budget/districts/430203/projects/" + id;
        Answer registered = call("PUT", path, "{\"unitId\":\"it-unit\",\"name\":\"财政信息化建设\",\"category\":\"专项资金\",\"fiscalYear\":2023}");
        assertThat(registered.status()).isEqualTo(201);
        return path;
    }

    private long events(String projectId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                ProjectCommands.projectKey("430203", projectId));
    }

    private long allEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The first {@code count} events of project {@code id} (district 430203) as published on budget.events. */
    private List<JsonNode> published(String id, int count) {
        List<JsonNode> published = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = SharedTestInfra.kafka().readerFromStart()) {
            consumer.subscribe(List.of(Topics.BUDGET_EVENTS));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key().equals(ProjectCommands.projectKey("430203", id))) {
                        published.add(Api.JSON.readTree(r.value()));
                    }
                }
                return published.size() >= count;
            });
        }
        return published;
    }

    @Test
    void recordsTheSkeletonFlowAndPublishesEachEventToKafka() throws Exception {
        String id = id("P");
        String path = project(id);
        assertThat(call("POST", path + "/appropriations", "{\"amount\":\"550000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}").status()).isEqualTo(201);
        assertThat(call("POST", path + "/adjustments", "{\"amount\":-100100.00,\"basis\":\"MID_YEAR\",\"reason\":\"年中调减\",\"date\":\"2023-06-30\"}").status()).isEqualTo(201);
        Answer spent = call("POST", path + "/expenditures", "{\"amount\":300000,\"date\":\"2023-08-31\"}");
        assertThat(spent.status()).isEqualTo(201);

        Answer state = call("GET", path, null);
        assertThat(state.body().get("budget").asText()).isEqualTo("449900.00");
        assertThat(state.body().get("spent").asText()).isEqualTo("300000.00");
        assertThat(state.body().get("available").asText()).isEqualTo("149900.00");
        assertThat(state.body().get("version").asLong()).isEqualTo(3);

        Answer history = call("GET", path + "/history", null);
        assertThat(history.body().get("eventCount").asInt()).isEqualTo(4);
        JsonNode adjustment = history.body().get("events").get(2);
        assertThat(adjustment.get("type").asText()).isEqualTo("BudgetAdjusted");
        assertThat(adjustment.get("actor").asText()).isEqualTo("alice@czj");
        assertThat(adjustment.get("correlationId").asText()).isNotBlank();
        assertThat(adjustment.get("causationId").asText()).isNotBlank();
        assertThat(adjustment.get("reason").asText()).isEqualTo("年中调减");
        assertThat(adjustment.get("basis").asText()).isEqualTo("MID_YEAR");
        assertThat(adjustment.get("event").get("reason").asText()).isEqualTo("年中调减");
        assertThat(adjustment.get("figuresAfter").get("budget").asText()).isEqualTo("449900.00");

        List<JsonNode> published = published(id, 4);
        assertThat(published).extracting(e -> e.get("type").asText())
                .containsExactly("ProjectRegistered", "BudgetAppropriated", "BudgetAdjusted", "ExpenditureRecorded");
        assertThat(published.get(2).get("payload").get("amountFen").asLong()).isEqualTo(-10_010_000L);
        assertThat(published.get(2).get("metadata").get("districtCode").asText()).isEqualTo("430203");
        assertThat(published.get(2).get("metadata").get("actor").asText()).isEqualTo("alice@czj");
    }

    @Test
    void theAnsweringInstanceNamesItselfAndShowsTheSegmentsItHoldsToCallersOfEveryDistrict() {
        // alone, this instance holds all 4 segments of each tracking processor (docs/operations.md, "Cluster")
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).untilAsserted(() -> {
            Answer processors = api.expect(200, "GET", "/api/budget/admin/processors", null);
            assertThat(processors.instance()).isNotBlank().isEqualTo(processors.text("instance"));
            assertThat(processors.body().get("liveInstances").asInt()).isEqualTo(1);
            assertThat(processors.body().get("processors").findValuesAsText("processor"))
                    .containsExactly("kafka-publisher", "result-application-retry");
            for (JsonNode processor : processors.body().get("processors")) {
                assertThat(processor.get("segmentCount").asInt()).isEqualTo(4);
                assertThat(processor.get("share").asInt()).isEqualTo(4);
                assertThat(processor.get("segments").toString()).isEqualTo("[0,1,2,3]");
            }
            assertThat(jdbc.queryForList("SELECT DISTINCT owner FROM tokenentry", String.class))
                    .containsExactly(processors.instance());
        });

        Answer refused = new Api(port, Api.ALICE.withDistricts(java.util.Set.of("430203")))
                .call("GET", "/api/budget/admin/processors", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("errors.0.field")).isEqualTo("districtCode");
        assertThat(refused.instance()).as("refusals name the instance too").isNotBlank();
        Answer unit = new Api(port, Api.ALICE.withRoles(java.util.Set.of("UNIT")))
                .call("GET", "/api/budget/admin/processors", null);
        assertThat(unit.status()).isEqualTo(403);
        assertThat(unit.text("errors.0.field")).isEqualTo("role");
    }

    @Test
    void brokenRulesAnswerProblemJsonNamingTheRuleAndRecordNothing() {
        String id = id("R");
        String path = project(id);
        call("POST", path + "/appropriations", "{\"amount\":\"1000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        call("POST", path + "/expenditures", "{\"amount\":\"600.00\",\"date\":\"2023-05-01\"}");
        String unitYear = "/api/budget/districts/430203/units/it-unit/years/2023";
        api.expect(201, "POST", unitYear + "/basic-budget", "{\"amount\":\"500.00\",\"date\":\"2023-01-01\"}");
        api.expect(201, "POST", unitYear + "/basic-expenditures", "{\"class\":\"PERSONNEL\",\"amount\":\"400.00\",\"date\":\"2023-03-01\"}");
        String debt = "/api/budget/districts/430203/years/2023/debt";
        api.expect(201, "POST", debt + "/opening-balances", "{\"type\":\"GENERAL\",\"amount\":\"900.00\"}");
        api.expect(201, "POST", debt + "/limits", "{\"type\":\"GENERAL\",\"amount\":\"1000.00\"}");
        // the goal rule is on by default: a district that never switched it off
        api.expect(201, "PUT", "/api/budget/districts/430211/units/u1", "{\"name\":\"天元区某局\"}");
        api.expect(201, "PUT", "/api/budget/districts/430211/projects/" + id, "{\"unitId\":\"u1\",\"name\":\"x\",\"category\":\"专项资金\",\"fiscalYear\":2023}");
        long before = events(id);
        long all = allEvents();

        Answer overspend = call("POST", path + "/expenditures", "{\"amount\":\"400.01\",\"date\":\"2023-05-02\"}");
        assertThat(overspend.status()).isEqualTo(422);
        assertThat(overspend.contentType()).startsWith("application/problem+json");
        assertThat(overspend.body().get("rule").asText()).isEqualTo("SPENDING_ABOVE_AVAILABLE");
        assertThat(overspend.body().get("errors").get(0).get("field").asText()).isEqualTo("amount");

        Answer belowSpent = call("POST", path + "/adjustments", "{\"amount\":\"-400.01\",\"basis\":\"MID_YEAR\",\"reason\":\"调减\",\"date\":\"2023-05-02\"}");
        assertThat(belowSpent.status()).isEqualTo(422);
        assertThat(belowSpent.body().get("rule").asText()).isEqualTo("BUDGET_BELOW_SPENT");

        Answer decimals = call("POST", path + "/expenditures", "{\"amount\":\"1.001\"}");
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.body().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        Answer negative = call("POST", path + "/appropriations", "{\"amount\":\"-5.00\",\"source\":\"一般公共预算\"}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        Answer huge = call("POST", path + "/appropriations", "{\"amount\":\"10000000000000.00\",\"source\":\"一般公共预算\"}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        Answer lateDate = call("POST", path + "/expenditures", "{\"amount\":\"1.00\",\"date\":\"2024-01-01\"}");
        assertThat(lateDate.status()).isEqualTo(422);
        assertThat(lateDate.body().get("rule").asText()).isEqualTo("DATE_OUTSIDE_FISCAL_YEAR");

        Answer unknown = call("POST", "/api/budget/districts/430203/projects/nope-" + id + "/expenditures", "{\"amount\":\"1.00\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Answer unknownUnit = call("PUT", "/api/budget/districts/430203/projects/U" + id,
                "{\"unitId\":\"no-such-unit\",\"name\":\"x\",\"category\":\"专项资金\",\"fiscalYear\":2023}");
        assertThat(unknownUnit.status()).isEqualTo(422);
        assertThat(unknownUnit.body().get("rule").asText()).isEqualTo("UNKNOWN_UNIT");
        assertThat(unknownUnit.body().get("errors").get(0).get("field").asText()).isEqualTo("unitId");

        Answer basicOverspend = call("POST", unitYear + "/basic-expenditures", "{\"class\":\"PUBLIC\",\"amount\":\"100.01\",\"date\":\"2023-03-01\"}");
        assertThat(basicOverspend.status()).isEqualTo(422);
        assertThat(basicOverspend.body().get("rule").asText()).isEqualTo("SPENDING_ABOVE_AVAILABLE");
        Answer basicBelow = call("POST", unitYear + "/basic-adjustments", "{\"amount\":\"-100.01\",\"basis\":\"MID_YEAR\",\"reason\":\"调减\",\"date\":\"2023-05-02\"}");
        assertThat(basicBelow.status()).isEqualTo(422);
        assertThat(basicBelow.body().get("rule").asText()).isEqualTo("BUDGET_BELOW_SPENT");
        Answer basicUnknown = call("POST", "/api/budget/districts/430203/units/ghost/years/2023/basic-budget", "{\"amount\":\"1.00\"}");
        assertThat(basicUnknown.status()).isEqualTo(422);
        assertThat(basicUnknown.body().get("rule").asText()).isEqualTo("UNKNOWN_UNIT");
        Answer threePublicUnknown = call("POST", "/api/budget/districts/430203/years/2023/three-public/budgets",
                "{\"unitId\":\"ghost\",\"category\":\"公务接待\",\"amount\":\"1.00\"}");
        assertThat(threePublicUnknown.status()).isEqualTo(422);
        assertThat(threePublicUnknown.body().get("rule").asText()).isEqualTo("UNKNOWN_UNIT");

        Answer aboveLimit = call("POST", debt + "/bonds", "{\"bondId\":\"b-" + id + "\",\"type\":\"GENERAL\",\"kind\":\"NEW\",\"amount\":\"100.01\",\"termYears\":[5],\"date\":\"2023-03-01\"}");
        assertThat(aboveLimit.status()).isEqualTo(422);
        assertThat(aboveLimit.body().get("rule").asText()).isEqualTo("DEBT_ABOVE_LIMIT");
        Answer limitBelow = call("POST", debt + "/limits", "{\"type\":\"GENERAL\",\"amount\":\"899.99\"}");
        assertThat(limitBelow.status()).isEqualTo(422);
        assertThat(limitBelow.body().get("rule").asText()).isEqualTo("DEBT_ABOVE_LIMIT");
        Answer overRepaid = call("POST", debt + "/principal-repayments", "{\"type\":\"GENERAL\",\"amount\":\"900.01\",\"date\":\"2023-03-01\"}");
        assertThat(overRepaid.status()).isEqualTo(422);
        assertThat(overRepaid.body().get("rule").asText()).isEqualTo("PRINCIPAL_ABOVE_BALANCE");
        Answer transferLate = call("POST", "/api/budget/districts/430203/years/2023/transfers", "{\"kind\":\"一般性\",\"amount\":\"1.00\",\"date\":\"2022-12-31\"}");
        assertThat(transferLate.status()).isEqualTo(422);
        assertThat(transferLate.body().get("rule").asText()).isEqualTo("DATE_OUTSIDE_FISCAL_YEAR");
        Answer badKind = call("POST", "/api/budget/districts/430203/years/2023/transfers", "{\"kind\":\"其他\",\"amount\":\"1.00\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().get("errors").get(0).get("field").asText()).isEqualTo("kind");

        Answer noGoal = call("POST", "/api/budget/districts/430211/projects/" + id + "/appropriations",
                "{\"amount\":\"1.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        assertThat(noGoal.status()).isEqualTo(409);
        assertThat(noGoal.body().get("rule").asText()).isEqualTo("GOAL_NOT_APPROVED");
        assertThat(noGoal.body().get("errors").get(0).get("field").asText()).isEqualTo("projectId");

        assertThat(events(id)).isEqualTo(before);
        assertThat(allEvents()).isEqualTo(all);
        assertThat(call("GET", path, null).body().get("spent").asText()).isEqualTo("600.00");
        assertThat(api.call("GET", unitYear, null).text("basic.spent")).isEqualTo("400.00");
        assertThat(api.call("GET", debt, null).text("total.balance")).isEqualTo("900.00");
    }

    @Test
    void aDistrictOfAnotherShapeIsRefusedNamingTheField() {
        for (String path : new String[] {"/api/budget/districts/43020/projects/x",
                "/api/budget/districts/4302031/units/u", "/api/budget/districts/43020x/settings"}) {
            Api.Answer answer = api.call("GET", path, null);
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asText()).as(path).isEqualTo("districtCode");
            assertThat(answer.body().get("errors").get(0).get("message").asText()).as(path)
                    .isEqualTo("must be a 6-digit district code");
        }
    }

    @Test
    void aRequestWithoutTheGatewayAssertionIsRefused() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                        + "/api/budget/districts/430203/projects/x")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void registeringTheSameIdAgainIsANoOpAndOtherDetailsAConflict() {
        String unit = "/api/budget/districts/430203/units/" + id("u");
        String body = "{\"name\":\"芦淞区某局\",\"staffing\":{\"authorized\":37,\"actual\":36}}";
        assertThat(call("PUT", unit, body).status()).isEqualTo(201);
        Answer again = call("PUT", unit, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("staffing.authorized")).isEqualTo("37");
        assertThat(call("PUT", unit, "{\"name\":\"另一个名字\"}").status()).isEqualTo(409);
        String bonds = "/api/budget/districts/430203/years/2024/debt/bonds";
        String bond = "{\"bondId\":\"" + id("b") + "\",\"type\":\"SPECIAL\",\"kind\":\"NEW\",\"amount\":\"10.00\",\"termYears\":[15],\"date\":\"2024-03-01\"}";
        assertThat(call("POST", bonds, bond).status()).isEqualTo(201);
        assertThat(call("POST", bonds, bond).status()).isEqualTo(200);
        assertThat(call("POST", bonds, bond.replace("10.00", "11.00")).status()).isEqualTo(409);
    }

    @Test
    void aMistakenExpenditureIsReversedOnceByTheBureauAndTheHistoryShowsThePairWithActorAndCause() throws Exception {
        String id = id("V");
        String path = project(id);
        api.expect(201, "POST", path + "/appropriations", "{\"amount\":\"550000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        api.expect(201, "POST", path + "/expenditures", "{\"amount\":\"300000.00\",\"date\":\"2023-05-01\"}");
        api.expect(201, "POST", path + "/expenditures", "{\"amount\":\"300000.00\",\"date\":\"2023-05-01\"}".replace("300000", "1000"));

        String reversal = "{\"originalSequence\":3,\"reason\":\"重复录入\",\"date\":\"2023-05-02\"}";
        Answer reversed = api.expect(201, "POST", path + "/reversals", reversal, "Idempotency-Key", "rev-1");
        assertThat(reversed.body().get("sequence").asLong()).isEqualTo(4);
        assertThat(reversed.body().get("project").get("spent").asText()).isEqualTo("300000.00");
        assertThat(reversed.body().get("project").get("available").asText()).isEqualTo("250000.00");
        Answer retried = api.expect(200, "POST", path + "/reversals", reversal, "Idempotency-Key", "rev-1");
        assertThat(retried.body().get("replayed").asBoolean()).isTrue();
        assertThat(retried.body().get("sequence").asLong()).isEqualTo(4);
        assertThat(events(id)).isEqualTo(5);

        Answer twice = call("POST", path + "/reversals", reversal, "Idempotency-Key", "rev-2");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        assertThat(twice.body().get("rule").asText()).isEqualTo("ALREADY_REVERSED");
        assertThat(twice.body().get("errors").get(0).get("field").asText()).isEqualTo("originalSequence");
        Answer notMoney = call("POST", path + "/reversals", "{\"originalSequence\":4,\"reason\":\"x\"}");
        assertThat(notMoney.status()).isEqualTo(422);
        assertThat(notMoney.body().get("rule").asText()).isEqualTo("NOT_A_MONEY_ENTRY");
        Answer unknown = call("POST", path + "/reversals", "{\"originalSequence\":99,\"reason\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("rule").asText()).isEqualTo("UNKNOWN_ENTRY");
        Answer noReason = call("POST", path + "/reversals", "{\"originalSequence\":2}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        Api platform = new Api(port, Api.ALICE.withRoles(java.util.Set.of("INTEGRATION")));
        Answer notTheBureau = platform.call("POST", path + "/reversals", "{\"originalSequence\":2,\"reason\":\"x\"}");
        assertThat(notTheBureau.status()).isEqualTo(403);
        assertThat(notTheBureau.body().get("rule").asText()).isEqualTo("FINANCE_ONLY");
        assertThat(events(id)).isEqualTo(5);

        Answer history = call("GET", path + "/history", null);
        JsonNode original = history.body().get("events").get(3);
        JsonNode reversing = history.body().get("events").get(4);
        assertThat(original.get("type").asText()).isEqualTo("ExpenditureRecorded");
        assertThat(original.get("reversedBy").asLong()).isEqualTo(4);
        assertThat(reversing.get("type").asText()).isEqualTo("EntryReversed");
        assertThat(reversing.get("reverses").asLong()).isEqualTo(3);
        assertThat(reversing.get("actor").asText()).isEqualTo("alice@czj");
        assertThat(reversing.get("reason").asText()).isEqualTo("重复录入");
        assertThat(reversing.get("amount").asText()).isEqualTo("-1000.00");
        assertThat(reversing.get("requestId").asText()).isEqualTo("rev-1");
        assertThat(reversing.get("figuresAfter").get("spent").asText()).isEqualTo("300000.00");
        assertThat(history.body().get("stateAsOf").get("spent").asText()).isEqualTo("300000.00");

        List<JsonNode> published = published(id, 5);
        JsonNode event = published.get(4);
        assertThat(event.get("type").asText()).isEqualTo("EntryReversed");
        assertThat(event.get("payload").get("originalSequence").asLong()).isEqualTo(3);
        assertThat(event.get("payload").get("originalEventId").asText()).isNotBlank();
        assertThat(event.get("payload").get("kind").asText()).isEqualTo("EXPENDITURE");
        assertThat(event.get("payload").get("amountFen").asLong()).isEqualTo(100_000L);
    }

    @Test
    void fiftyConcurrentRetriesOfOneRequestRecordOneEvent() throws Exception {
        String id = id("I");
        String path = project(id);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Answer>> retries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            retries.add(() -> call("POST", path + "/appropriations",
                    "{\"amount\":\"123.45\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}", "Idempotency-Key", "import-7"));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Answer> f : pool.invokeAll(retries)) {
            statuses.add(f.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(events(id)).isEqualTo(2);
        assertThat(call("GET", path, null).body().get("budget").asText()).isEqualTo("123.45");

        Answer reused = call("POST", path + "/appropriations",
                "{\"amount\":\"999.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}", "Idempotency-Key", "import-7");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().get("rule").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events(id)).isEqualTo(2);
    }

    @Test
    void twoConcurrentEditsAtTheSameVersionCannotBothWin() throws Exception {
        String id = id("V");
        String path = project(id);
        call("POST", path + "/appropriations", "{\"amount\":\"1000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        String version = "\"" + call("GET", path, null).body().get("version").asLong() + "\"";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Answer> a = pool.submit(() -> call("POST", path + "/adjustments",
                "{\"amount\":\"100.00\",\"basis\":\"MID_YEAR\",\"reason\":\"a\",\"date\":\"2023-02-01\"}", "If-Match", version));
        Future<Answer> b = pool.submit(() -> call("POST", path + "/adjustments",
                "{\"amount\":\"-100.00\",\"basis\":\"MID_YEAR\",\"reason\":\"b\",\"date\":\"2023-02-01\"}", "If-Match", version));
        List<Integer> statuses = List.of(a.get().status(), b.get().status());
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 412);
        assertThat(events(id)).isEqualTo(3);
    }

    @Test
    void lusong2023MoneyFiguresReadBackFromTheApi() throws Exception {
        FixtureLoad fixture = new FixtureLoad(api, "lusong-2023.json");
        fixture.load();
        fixture.load();  // a second load changes nothing
        JsonNode expect = fixture.root().path("expect");
        Answer czj = api.expect(200, "GET", "/api/budget/districts/430203/units/czj/years/2023", null);
        assertThat(czj.text("totals.fullYearBudget")).isEqualTo(Api.wanToYuan(expect.get("unit czj full-year budget (万元)").asText()));
        assertThat(czj.text("totals.executed")).isEqualTo(Api.wanToYuan(expect.get("unit czj executed (万元)").asText()));
        assertThat(czj.text("projects.spent")).isEqualTo(Api.wanToYuan(expect.get("unit czj project spending (万元)").asText()));
        assertThat(czj.text("basic.spent")).isEqualTo(Api.wanToYuan(expect.get("unit czj basic spending (万元)").asText()));
        assertThat(czj.text("totals.executionRate")).isEqualTo(expect.get("unit czj budget execution rate").asText());
        assertThat(czj.text("projects.appropriated")).isEqualTo(Api.wanToYuan(expect.get("unit czj 2023 initial project budget (万元)").asText()));
        // "739.03 = basic 614.03 + project appropriations 125.00"
        String initial = expect.get("unit czj 2023 initial budget 年初预算数 (万元)").asText();
        assertThat(czj.text("totals.initialBudget")).isEqualTo(Api.wanToYuan(initial.substring(0, initial.indexOf(' '))));
        assertThat(czj.text("basic.appropriated")).isEqualTo(Api.wanToYuan("614.03"));
        assertThat(czj.text("basic.budget")).isEqualTo(Api.wanToYuan("721.50"));
        assertThat(czj.text("projects.budget")).isEqualTo(Api.wanToYuan("238.43"));
        assertThat(czj.text("projects.count")).isEqualTo("7");
        Answer unit = api.expect(200, "GET", "/api/budget/districts/430203/units/czj", null);
        assertThat(unit.text("staffing.authorized")).isEqualTo("37");  // the text's figure; the table says 36
        assertThat(unit.text("staffing.actual")).isEqualTo("36");
        Answer threePublic = api.expect(200, "GET", "/api/budget/districts/430203/years/2023/three-public", null);
        assertThat(threePublic.text("total.budget")).isEqualTo("0.00");
        assertThat(threePublic.text("total.spent")).isEqualTo("0.00");
    }

    @Test
    void hetang2022MoneyFiguresReadBackFromTheApi() throws Exception {
        FixtureLoad fixture = new FixtureLoad(api, "hetang-2022.json");
        fixture.load();
        JsonNode expect = fixture.root().path("expect");
        Answer tp = api.expect(200, "GET", "/api/budget/districts/430202/years/2022/three-public", null);
        assertThat(spentBudgetSaved(tp.body().get("total"))).isEqualTo(wan(expect.get("三公 total spent / budget / saved (万元)")));
        assertThat(spentBudgetSaved(tp.body().get("vehicles"))).isEqualTo(wan(expect.get("公务用车 spent / budget / saved (万元)")));
        JsonNode reception = null;
        for (JsonNode c : tp.body().get("categories")) {
            if (c.get("category").asText().equals("公务接待")) {
                reception = c;
            }
        }
        assertThat(spentBudgetSaved(reception)).isEqualTo(wan(expect.get("公务接待 spent / budget / saved (万元)")));

        Answer transfers = api.expect(200, "GET", "/api/budget/districts/430202/years/2022/transfers", null);
        List<String> generalSpecial = wan(expect.get("transfers general / special (万元)"));
        assertThat(kind(transfers.body(), "一般性")).isEqualTo(generalSpecial.get(0));
        assertThat(kind(transfers.body(), "专项")).isEqualTo(generalSpecial.get(1));
        assertThat(kind(transfers.body(), "返还性")).isEqualTo("0.00");

        Answer debt = api.expect(200, "GET", "/api/budget/districts/430202/years/2022/debt", null);
        List<String> balance = wan(expect.get("debt balance total / general / special (万元)"));
        assertThat(debt.text("total.balance")).isEqualTo(balance.get(0));
        assertThat(debt.text("types.0.type")).isEqualTo("GENERAL");
        assertThat(debt.text("types.0.balance")).isEqualTo(balance.get(1));
        assertThat(debt.text("types.1.balance")).isEqualTo(balance.get(2));
        List<String> newBonds = wan(expect.get("new bonds general / special (万元)"));
        assertThat(debt.text("types.0.newBonds")).isEqualTo(newBonds.get(0));
        assertThat(debt.text("types.1.newBonds")).isEqualTo(newBonds.get(1));
        assertThat(debt.text("total.refinancing")).isEqualTo(wan(expect.get("refinancing bonds (万元)")).get(0));
        List<String> interest = wan(expect.get("interest general / special (万元)"));
        assertThat(debt.text("types.0.interest")).isEqualTo(interest.get(0));
        assertThat(debt.text("types.1.interest")).isEqualTo(interest.get(1));
        assertThat(debt.body().get("bonds")).hasSize(5);
        // 支出不实金额 0: no expenditure is recorded that the figures above do not account for
        assertThat(wan(expect.get("支出不实金额 (万元)"))).containsExactly("0.00");
    }

    private static List<String> spentBudgetSaved(JsonNode line) {
        return List.of(line.get("spent").asText(), line.get("budget").asText(), line.get("saved").asText());
    }

    private static String kind(JsonNode transfers, String kind) {
        for (JsonNode k : transfers.get("kinds")) {
            if (k.get("kind").asText().equals(kind)) {
                return k.get("amount").asText();
            }
        }
        throw new AssertionError("no kind " + kind);
    }

    /** "122 / 154 / 32" (万元) → yuan strings. */
    private static List<String> wan(JsonNode text) {
        return java.util.Arrays.stream(text.asText().split("/")).map(String::trim).map(Api::wanToYuan).toList();
    }

    @Test
    void historyAsOfThreeInstantsAndThreeBusinessDatesGivesTheHandCalculatedFigures() {
        String id = id("H");
        String path = project(id);
        api.expect(201, "POST", path + "/appropriations", "{\"amount\":\"1000.00\",\"source\":\"一般公共预算\",\"docNo\":\"渌财通【2023】22号\",\"date\":\"2023-01-20\"}");
        Instant first = pause();
        api.expect(201, "POST", path + "/adjustments", "{\"amount\":\"200.00\",\"basis\":\"MID_YEAR\",\"reason\":\"追加\",\"date\":\"2023-06-30\"}");
        api.expect(201, "POST", path + "/expenditures", "{\"amount\":\"300.00\",\"date\":\"2023-07-01\"}");
        Instant second = pause();
        api.expect(201, "POST", path + "/adjustments", "{\"amount\":\"-100.00\",\"basis\":\"MID_YEAR\",\"reason\":\"调减\",\"date\":\"2023-09-01\"}");
        api.expect(201, "POST", path + "/expenditures", "{\"amount\":\"400.00\",\"date\":\"2023-10-01\"}");
        api.expect(201, "POST", path + "/carry-overs", "{\"amount\":\"50.00\",\"fromYear\":2022,\"date\":\"2023-01-01\"}");
        Instant third = pause();
        api.expect(201, "POST", path + "/expenditures", "{\"amount\":\"1.00\",\"date\":\"2023-12-31\"}");

        // hand calculation, by recording instant: budget = appropriated + carried over + adjusted
        assertFigures(api.expect(200, "GET", path + "/history?asOf=" + first, null), 2, "1000.00", "0.00", "1000.00");
        assertFigures(api.expect(200, "GET", path + "/history?asOf=" + second, null), 4, "1200.00", "300.00", "900.00");
        assertFigures(api.expect(200, "GET", path + "/history?asOf=" + third, null), 7, "1150.00", "700.00", "450.00");
        Answer beforeAll = api.expect(200, "GET", path + "/history?asOf=2000-01-01", null);
        assertThat(beforeAll.text("eventCount")).isEqualTo("0");
        Answer today = api.expect(200, "GET", path + "/history?asOf=" + io.jixiao.events.BureauTime.today(), null);
        assertFigures(today, 8, "1150.00", "701.00", "449.00");
        JsonNode appropriation = today.body().get("events").get(1);
        assertThat(appropriation.get("docNo").asText()).isEqualTo("渌财通【2023】22号");
        assertThat(appropriation.get("actor").asText()).isEqualTo("alice@czj");
        assertThat(appropriation.get("figuresAfter").get("budget").asText()).isEqualTo("1000.00");

        // and by business date (the date each event carries), everything recorded so far
        assertFigures(api.expect(200, "GET", path + "/history?on=2023-01-31", null), 3, "1050.00", "0.00", "1050.00");
        assertFigures(api.expect(200, "GET", path + "/history?on=2023-07-31", null), 5, "1250.00", "300.00", "950.00");
        assertFigures(api.expect(200, "GET", path + "/history?on=2023-09-30", null), 6, "1150.00", "300.00", "850.00");
        assertThat(api.call("GET", path + "/history?asOf=yesterday", null).status()).isEqualTo(400);
    }

    private static Instant pause() {
        Instant mark = Instant.now();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(2)).until(() -> Instant.now().isAfter(mark.plusMillis(5)));
        return mark;
    }

    @Test
    void aProjectCalledSettingsAndTheDistrictSettingsAreTwoAggregates() {
        String path = project("settings");
        api.expect(201, "POST", path + "/appropriations", "{\"amount\":\"1000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        try {
            api.expect(200, "PUT", "/api/budget/districts/430203/settings", "{\"goalBeforeBudget\":true}");
            Answer settings = api.expect(200, "GET", "/api/budget/districts/430203/settings", null);
            assertThat(settings.text("goalBeforeBudget")).isEqualTo("true");
            assertThat(settings.text("defaults")).isEqualTo("false");
        } finally {
            api.expect(200, "PUT", "/api/budget/districts/430203/settings", "{\"goalBeforeBudget\":false}");
        }
        Answer project = api.expect(200, "GET", path, null);
        assertThat(project.text("projectId")).isEqualTo("settings");
        assertThat(project.text("budget")).isEqualTo("1000.00");
        assertThat(project.text("version")).isEqualTo("1");
        assertThat(events("settings")).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT DISTINCT aggregateidentifier || ' ' || type FROM domainevententry WHERE "
                + "aggregateidentifier IN (?, ?) ORDER BY 1", String.class, ProjectCommands.projectKey("430203", "settings"),
                DistrictSettings.key("430203"))).containsExactly("project:430203:settings Project",
                "settings:430203 DistrictSettings");
    }

    @Test
    void theHistoryComesAPageAtATimeEachEventExactlyOnceAndABadLimitIsA400() {
        String id = id("PG");
        String path = project(id);
        api.expect(201, "POST", path + "/appropriations", "{\"amount\":\"1000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        for (int i = 1; i <= 11; i++) {
            api.expect(201, "POST", path + "/expenditures", "{\"amount\":\"" + i + ".00\",\"date\":\"2023-03-01\"}");
        }
        Answer whole = api.expect(200, "GET", path + "/history", null);
        assertThat(whole.next()).as("13 events fit the default page").isNull();
        assertThat(whole.body().get("events")).hasSize(13);

        List<Long> sequences = new ArrayList<>();
        List<String> availableAfter = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = path + "/history?limit=5";
        while (next != null) {
            Answer page = api.expect(200, "GET", next, null);
            assertThat(page.text("eventCount")).as("the whole history's count on every page").isEqualTo("13");
            assertThat(page.text("stateAsOf.spent")).as("the whole history's state on every page").isEqualTo("66.00");
            assertThat(page.text("versionAsOf")).isEqualTo("12");
            pageSizes.add(page.body().get("events").size());
            page.body().get("events").forEach(e -> {
                sequences.add(e.get("sequence").asLong());
                availableAfter.add(e.at("/figuresAfter/available").asText());
            });
            next = page.next();
            assertThat(pageSizes).as("pages").hasSizeLessThan(10);
        }
        assertThat(pageSizes).containsExactly(5, 5, 3);
        assertThat(sequences).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        List<String> wholeAvailable = new ArrayList<>();
        whole.body().get("events").forEach(e -> wholeAvailable.add(e.at("/figuresAfter/available").asText()));
        assertThat(availableAfter).as("running figures as on one page").isEqualTo(wholeAvailable);
        assertThat(api.expectAllPages(path + "/history?limit=4", "events").body().get("events"))
                .isEqualTo(whole.body().get("events"));

        for (String limit : List.of("0", "5001", "-1", "x")) {
            Answer refused = api.call("GET", path + "/history?limit=" + limit, null);
            assertThat(refused.status()).as(limit).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("errors.0.field")).as(limit).isEqualTo("limit");
        }
        Answer badCursor = api.call("GET", path + "/history?after=three", null);
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.text("errors.0.field")).isEqualTo("after");
    }

    private static void assertFigures(Answer history, int events, String budget, String spent, String available) {
        assertThat(history.text("eventCount")).isEqualTo(String.valueOf(events));
        assertThat(history.text("stateAsOf.budget")).isEqualTo(budget);
        assertThat(history.text("stateAsOf.spent")).isEqualTo(spent);
        assertThat(history.text("stateAsOf.available")).isEqualTo(available);
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointWithItsRequestAndErrorShapes() {
        Answer doc = api.expect(200, "GET", "/v3/api-docs", null);
        JsonNode paths = doc.body().get("paths");
        List<String> expected = List.of(
                "/api/budget/districts/{districtCode}/projects/{projectId}",
                "/api/budget/districts/{districtCode}/projects/{projectId}/appropriations",
                "/api/budget/districts/{districtCode}/projects/{projectId}/adjustments",
                "/api/budget/districts/{districtCode}/projects/{projectId}/carry-overs",
                "/api/budget/districts/{districtCode}/projects/{projectId}/expenditures",
                "/api/budget/districts/{districtCode}/projects/{projectId}/history",
                "/api/budget/districts/{districtCode}/units/{unitId}",
                "/api/budget/districts/{districtCode}/units/{unitId}/years/{year}",
                "/api/budget/districts/{districtCode}/units/{unitId}/years/{year}/basic-budget",
                "/api/budget/districts/{districtCode}/units/{unitId}/years/{year}/basic-adjustments",
                "/api/budget/districts/{districtCode}/units/{unitId}/years/{year}/basic-expenditures",
                "/api/budget/districts/{districtCode}/years/{year}/three-public",
                "/api/budget/districts/{districtCode}/years/{year}/three-public/budgets",
                "/api/budget/districts/{districtCode}/years/{year}/three-public/expenditures",
                "/api/budget/districts/{districtCode}/years/{year}/transfers",
                "/api/budget/districts/{districtCode}/years/{year}/debt",
                "/api/budget/districts/{districtCode}/years/{year}/debt/bonds",
                "/api/budget/districts/{districtCode}/years/{year}/debt/limits",
                "/api/budget/districts/{districtCode}/years/{year}/debt/opening-balances",
                "/api/budget/districts/{districtCode}/years/{year}/debt/principal-repayments",
                "/api/budget/districts/{districtCode}/years/{year}/debt/interest-payments",
                "/api/budget/districts/{districtCode}/settings",
                "/api/budget/districts/{districtCode}/approved-goals",
                "/api/budget/districts/{districtCode}/result-applications",
                "/api/budget/imports");
        assertThat(iterable(paths.fieldNames())).containsAll(expected);
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode responses = op.getValue().get("responses");
            assertThat(responses.has("400")).as(op.getKey() + " " + path.getKey()).isTrue();
            assertThat(responses.get("400").get("content").has("application/problem+json")).isTrue();
            if (op.getKey().equals("post") || op.getKey().equals("put")) {
                assertThat(responses.has("422")).as(op.getKey() + " " + path.getKey()).isTrue();
                assertThat(responses.has("409")).isTrue();
                assertThat(op.getValue().has("requestBody")).as(op.getKey() + " " + path.getKey() + " body")
                        .isEqualTo(!path.getKey().endsWith("/retry") && !path.getKey().contains("/admin/")
                                && !path.getKey().endsWith("/audit/anchors"));
            }
        }));
        JsonNode schemas = doc.body().get("components").get("schemas");
        assertThat(schemas.has("Problem")).isTrue();
        assertThat(schemas.has("AppropriationRequest")).isTrue();
        assertThat(schemas.has("ImportLine")).isTrue();
        assertThat(doc.body().get("paths").get("/api/budget/imports").get("post").get("requestBody").get("content")
                .has("text/csv")).isTrue();
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
