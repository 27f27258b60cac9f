package io.jixiao.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.Topics;
import io.jixiao.infra.SharedTestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** budget-service against a real PostgreSQL and a real Kafka broker (both embedded), over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BudgetServiceIntegrationTest {
    private static final String SECRET = "test-secret";
    private static final String DB = SharedTestInfra.freshDatabase("budget_it");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB);
        registry.add("jixiao.kafka.bootstrap-servers", () -> SharedTestInfra.kafka().bootstrapServers());
        registry.add("jixiao.gateway-secret", () -> SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    record Answer(int status, String contentType, JsonNode body) {
    }

    private Answer call(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("X-Jixiao-Gateway-Secret", SECRET)
                .header("X-Jixiao-Actor", "alice@czj").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private String project(String id) throws Exception {
        String path = "/api/budget/districts/430203/projects/" + id;
        Answer registered = call("PUT", path, "{\"unitId\":\"czj\",\"name\":\"财政信息化建设\",\"category\":\"专项资金\",\"fiscalYear\":2023}");
        assertThat(registered.status()).isEqualTo(201);
        return path;
    }

    private long events(String projectId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                "430203:" + projectId);
    }

    @Test
    void recordsTheSkeletonFlowAndPublishesEachEventToKafka() throws Exception {
        String id = "P-" + UUID.randomUUID().toString().substring(0, 8);
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
        assertThat(adjustment.get("event").get("reason").asText()).isEqualTo("年中调减");
        assertThat(adjustment.get("figuresAfter").get("budget").asText()).isEqualTo("449900.00");

        List<JsonNode> published = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.BUDGET_EVENTS));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key().equals("430203:" + id)) {
                        published.add(JSON.readTree(r.value()));
                    }
                }
                return published.size() >= 4;
            });
        }
        assertThat(published).extracting(e -> e.get("type").asText())
                .containsExactly("ProjectRegistered", "BudgetAppropriated", "BudgetAdjusted", "ExpenditureRecorded");
        assertThat(published.get(2).get("payload").get("amountFen").asLong()).isEqualTo(-10_010_000L);
        assertThat(published.get(2).get("metadata").get("districtCode").asText()).isEqualTo("430203");
        assertThat(published.get(2).get("metadata").get("actor").asText()).isEqualTo("alice@czj");
    }

    @Test
    void brokenRulesAnswerProblemJsonNamingTheRuleAndRecordNothing() throws Exception {
        String id = "R-" + UUID.randomUUID().toString().substring(0, 8);
        String path = project(id);
        call("POST", path + "/appropriations", "{\"amount\":\"1000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        call("POST", path + "/expenditures", "{\"amount\":\"600.00\",\"date\":\"2023-05-01\"}");
        long before = events(id);

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

        Answer unknown = call("POST", "/api/budget/districts/430203/projects/nope-" + id + "/expenditures", "{\"amount\":\"1.00\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        assertThat(events(id)).isEqualTo(before);
        assertThat(call("GET", path, null).body().get("spent").asText()).isEqualTo("600.00");
    }

    @Test
    void aRequestWithoutTheGatewaySecretIsRefused() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/budget/districts/430203/projects/x")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void fiftyConcurrentRetriesOfOneRequestRecordOneEvent() throws Exception {
        String id = "I-" + UUID.randomUUID().toString().substring(0, 8);
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
        assertThat(events(id)).isEqualTo(2);
    }

    @Test
    void twoConcurrentEditsAtTheSameVersionCannotBothWin() throws Exception {
        String id = "V-" + UUID.randomUUID().toString().substring(0, 8);
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

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
