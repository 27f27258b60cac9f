package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.fixtures.Fixture;
import io.jixiao.fixtures.FixturePlan;
import io.jixiao.fixtures.GatewayClient;
import io.jixiao.fixtures.LoadFixtures;
import io.jixiao.fixtures.LocalTokens;
import io.jixiao.fixtures.Step;
import io.jixiao.gateway.security.TokenSpec;
import io.jixiao.identity.CallerAssertion;
import io.jixiao.identity.CallerAssertions;
import io.jixiao.identity.CallerKey;
import io.jixiao.local.LocalStackProcesses;
import io.jixiao.local.e2e.RunningStack.Answer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The security boundary against the real stack (gateway, the three services as processes, Kafka, PostgreSQL), with
 * 渌口区 2023 loaded. Each attack an ordinary token holder or anyone on the machine could try is refused, and
 * afterwards every table of the three databases (event stores and read models) and every topic is exactly as
 * before. Then the ownership matrix (unit × own/other unit, evaluator × commissioned/other agency, integration and
 * settings, finance and the key score), and the attribution property: whatever the path spelling and headers,
 * every event recorded through the gateway names the token's subject.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityRegressionIT {
    private static final String D = "430212";
    private static final String AGENCY = "湖南财正会计师事务所（普通合伙）";
    private static final String OTHER_AGENCY = "湖南另一会计师事务所";
    private static final String PROJECT = "/api/budget/districts/" + D + "/projects/gaj-pacs";
    private static final String KEY_EVALUATION = "/api/evaluation/districts/" + D + "/evaluations/ke-security";
    private static final String ADJUSTMENT = "{\"amount\":\"-1.00\",\"basis\":\"MID_YEAR\",\"reason\":\"安全测试\"}";
    private static final String HOSTILE_UNIT = "=HYPERLINK(\"http://evil.example\",\"点此\")";
    private static final String HOSTILE_PROJECT = "＋1+1 恶意项目";
    private static final String COMMISSION = "{\"type\":\"专项资金\",\"projectIds\":[\"gaj-pacs\"],\"evaluator\":\""
            + AGENCY + "\",\"year\":2024}";
    private static final String COMPLETION = "{\"score\":\"80\",\"findings\":[\"目标不够细化\"],\"completedOn\":\"2024-10-10\"}";

    private static io.jixiao.infra.EmbeddedKafkaBroker kafka;
    private static RunningStack stack;
    private static List<Step> plan;
    private static String finance;
    private static String unitGaj;
    private static String unitHwzx;
    private static String evaluator;
    private static String otherEvaluator;
    private static String integration;

    @BeforeAll
    static void start() throws Exception {
        // a broker as production runs one: every client logs in, ACLs let only a topic's owner write it
        kafka = io.jixiao.infra.EmbeddedKafkaBroker.startSecured(null, 0, 0, io.jixiao.infra.KafkaUsers.jixiao());
        stack = RunningStack.start("security", kafka);
        assertThat(LoadFixtures.loadAll(new GatewayClient(stack.processes.gatewayUrl(), LocalTokens.loader(stack.home)),
                List.of("lukou-2023"), false)).isTrue();
        plan = FixturePlan.of(Fixture.demo("lukou-2023"));
        finance = stack.token(TokenSpec.of("finance-officer", List.of("FINANCE"), List.of(D)));
        unitGaj = stack.token(TokenSpec.of("gaj-clerk", List.of("UNIT"), List.of(D)).withUnits(List.of("gaj")));
        unitHwzx = stack.token(TokenSpec.of("hwzx-clerk", List.of("UNIT"), List.of(D)).withUnits(List.of("hwzx")));
        evaluator = stack.token(TokenSpec.of("evaluator-a", List.of("EVALUATOR"), List.of(D)).withAgency(AGENCY));
        otherEvaluator = stack.token(TokenSpec.of("evaluator-b", List.of("EVALUATOR"), List.of(D))
                .withAgency(OTHER_AGENCY));
        integration = stack.token(TokenSpec.of("platform", List.of("INTEGRATION"), List.of(D)));
        Answer commissioned = stack.callAs(finance, "PUT", KEY_EVALUATION + "/key", "{\"type\":\"专项资金\","
                + "\"projectIds\":[\"gaj-pacs\"],\"evaluator\":\"" + AGENCY + "\",\"amount\":\"6000000.00\","
                + "\"year\":2024,\"subjectYear\":2023,\"commissionedOn\":\"2024-06-01\"}");
        assertThat(commissioned.status()).as("commission: %s", commissioned.body()).isEqualTo(201);
        // a unit and a project whose names a spreadsheet would run as formulas, with money so they show in the report
        assertThat(stack.callAs(finance, "PUT", "/api/budget/districts/" + D + "/settings",
                "{\"goalBeforeBudget\":false}").status()).isEqualTo(200);
        assertThat(stack.callAs(finance, "PUT", "/api/budget/districts/" + D + "/units/evil",
                "{\"name\":\"" + HOSTILE_UNIT.replace("\"", "\\\"") + "\"}").status()).isBetween(200, 201);
        assertThat(stack.callAs(finance, "PUT", "/api/budget/districts/" + D + "/projects/evil-p",
                "{\"unitId\":\"evil\",\"name\":\"" + HOSTILE_PROJECT + "\",\"category\":\"专项资金\","
                        + "\"fiscalYear\":2023}").status()).isBetween(200, 201);
        Answer money = stack.callAs(finance, "POST", "/api/budget/districts/" + D + "/projects/evil-p/appropriations",
                "{\"amount\":\"100.00\",\"source\":\"一般公共预算\",\"date\":\"2023-03-01\"}");
        assertThat(money.status()).as("appropriation: %s", money.body()).isEqualTo(201);
        // every projection has caught up with what was loaded before anything is compared
        stack.awaitSettled();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Step step(String method, String pathSuffix) {
        return plan.stream().filter(s -> s.method().equals(method) && s.path().endsWith(pathSuffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " …" + pathSuffix + " in the plan"));
    }

    private static String key() {
        return "sec-" + UUID.randomUUID();
    }

    private static void refused(Answer answer, int status, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
    }

    @Test
    @Order(1)
    void everyAttackIsRefusedAndLeavesStoresTopicsAndReadModelsUnchanged() throws Exception {
        SortedMap<String, String> before = stack.settledSnapshot();
        assertThat(before.get("budget.domainevententry")).doesNotStartWith("0 rows");
        assertThat(before.get("disclosure.district_event")).doesNotStartWith("0 rows");
        long topicsBefore = TopicOffsets.total();
        assertThat(topicsBefore).isPositive();
        String budget = LocalStackProcesses.BUDGET;

        // the encoded prefix and path parameters, through the gateway with a valid token
        refused(stack.callAs(finance, "POST", "/%61pi/budget/districts/" + D + "/projects/gaj-pacs/adjustments",
                ADJUSTMENT, "Idempotency-Key", key()), 400, "encoded prefix through the gateway");
        refused(stack.callAs(finance, "POST", "/api;x=1/budget/districts/" + D + "/projects/gaj-pacs/adjustments",
                ADJUSTMENT, "Idempotency-Key", key()), 400, "path parameter through the gateway");
        refused(stack.callAs(finance, "POST", "/api/budget/districts/" + D + "/projects/gaj%2Dpacs/adjustments",
                ADJUSTMENT, "Idempotency-Key", key()), 400, "encoded unreserved character through the gateway");
        // ... and straight to the service's port
        refused(stack.callService(budget, "POST", "/%61pi/budget/districts/" + D + "/projects/gaj-pacs/adjustments",
                ADJUSTMENT), 400, "encoded prefix straight to budget-service");
        refused(stack.callService(budget, "POST", PROJECT + "/adjustments", ADJUSTMENT), 401,
                "no assertion straight to budget-service");
        // the old loose headers with the old default secret
        refused(stack.callService(budget, "POST", PROJECT + "/adjustments", ADJUSTMENT,
                "X-Jixiao-Gateway-Secret", "local-dev-secret", "X-Jixiao-Actor", "admin", "X-Jixiao-Roles", "FINANCE",
                "X-Jixiao-Districts", "*"), 401, "old default secret straight to budget-service");
        refused(stack.callService(LocalStackProcesses.EVALUATION, "POST", KEY_EVALUATION + "/key/completion",
                COMPLETION, "X-Jixiao-Gateway-Secret", "local-dev-secret", "X-Jixiao-Actor", "admin"), 401,
                "old default secret straight to evaluation-service");
        // an assertion signed with a guessed (well-known) key, and a real one replayed on another path
        String forged = CallerAssertions.sign(CallerAssertion.issue("admin", Set.of("FINANCE"), Set.of("*"),
                Set.of("*"), "*", "budget-service", "POST", PROJECT + "/adjustments", "c", null, Instant.now()),
                CallerKey.of("local-dev-secret-local-dev-secret-0000", "guess"));
        refused(stack.callService(budget, "POST", PROJECT + "/adjustments", ADJUSTMENT, CallerAssertions.HEADER,
                forged), 401, "assertion signed with a guessed key");
        String genuine = CallerAssertions.sign(CallerAssertion.issue("admin", Set.of("FINANCE"), Set.of("*"),
                Set.of("*"), "*", "budget-service", "GET", PROJECT, "c", null, Instant.now()),
                CallerKey.of(stack.processes.callerKey(budget), "budget"));
        refused(stack.callService(budget, "POST", PROJECT + "/adjustments", ADJUSTMENT, CallerAssertions.HEADER,
                genuine), 401, "a genuine assertion for a GET replayed on a POST");
        refused(stack.callService(LocalStackProcesses.DISCLOSURE, "GET", PROJECT, null, CallerAssertions.HEADER,
                genuine), 401, "a genuine assertion for budget-service sent to disclosure-service");
        // a token that may read but not write this: the gateway refuses; a forged header changes nothing
        refused(stack.callAs(unitGaj, "POST", PROJECT + "/adjustments", ADJUSTMENT, "X-Jixiao-Roles", "FINANCE",
                "Idempotency-Key", key()), 403, "UNIT token with a forged role header");
        // a result that would cut gaj-pacs, produced to evaluation.events by a client that does not own it
        assertThat(produceForgedResult("disclosure-service", kafka.users().orElseThrow()
                .password("disclosure-service"))).as("another service's user").isInstanceOfAny(
                org.apache.kafka.common.errors.TopicAuthorizationException.class,
                org.apache.kafka.common.errors.ClusterAuthorizationException.class);
        assertThat(produceForgedResult("evaluation-service", "guessed-password")).as("a guessed password")
                .isInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class);

        assertThat(stack.snapshot()).isEqualTo(before);
        assertThat(TopicOffsets.total()).isEqualTo(topicsBefore);
    }

    @Test
    @Order(2)
    void reportCsvCellsThatASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        String csv = stack.fetchText(finance, "/api/reports/districts/" + D + "/years/2023?format=csv");
        assertThat(csv).isNotNull().contains("恶意项目");
        List<String> cells = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            for (String cell : line.split(",", -1)) {
                String bare = cell.startsWith("\"") && cell.length() > 1 ? cell.substring(1) : cell;
                if (bare.contains("HYPERLINK") || bare.contains("恶意项目")) {
                    cells.add(bare);
                }
            }
        }
        assertThat(cells).isNotEmpty().allSatisfy(cell -> assertThat(cell).startsWith("'"));
    }

    @Test
    @Order(2)
    void aConnectionHeaderCannotStripTheCallerFromARequest() throws Exception {
        int eventsBefore = history().path("events").size();
        URI gateway = URI.create(stack.processes.gatewayUrl());
        byte[] body = ADJUSTMENT.getBytes(StandardCharsets.UTF_8);
        // java.net.http will not send a Connection header; a raw socket sends what an attacker would
        String request = "POST " + PROJECT + "/adjustments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + finance + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nIdempotency-Key: " + key()
                + "\r\nConnection: X-Jixiao-Caller, X-Jixiao-Actor, Idempotency-Key, close\r\n\r\n";
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(status).contains(" 201 ");
        }
        JsonNode after = history();
        assertThat(after.path("events").size()).isEqualTo(eventsBefore + 1);
        assertThat(after.path("events").get(eventsBefore).path("actor").asText()).isEqualTo("finance-officer");
    }

    @Test
    @Order(3)
    void theOwnershipMatrixRefusesEveryOtherUnitAgencyAndRoleAndRecordsNothing() throws Exception {
        Step goal = step("PUT", "/goals/g-gaj-pacs");
        Step monitoring = step("POST", "/goals/g-gaj-pacs/monitoring");
        Step packages = step("POST", "/units/gaj/packages");
        SortedMap<String, String> before = stack.settledSnapshot();
        long topicsBefore = TopicOffsets.total();

        record Cell(String who, String token, String method, String path, String body, String rule) {
        }
        List<Cell> refusals = List.of(
                new Cell("UNIT of another unit revises the goal", unitHwzx, "PUT", goal.path(), goal.body().toString(),
                        "OWN_UNIT_ONLY"),
                new Cell("UNIT of another unit records monitoring", unitHwzx, "POST", monitoring.path(),
                        monitoring.body().toString(), "OWN_UNIT_ONLY"),
                new Cell("UNIT of another unit publishes the unit's package", unitHwzx, "POST", packages.path(),
                        packages.body().toString(), "OWN_UNIT_ONLY"),
                new Cell("EVALUATOR of another agency scores the key evaluation", otherEvaluator, "POST",
                        KEY_EVALUATION + "/key/completion", COMPLETION, "COMMISSIONED_AGENCY_ONLY"),
                // separation of duties is refused at the edge already (gateway rows) ...
                new Cell("EVALUATOR commissions a key evaluation", evaluator, "PUT",
                        "/api/evaluation/districts/" + D + "/evaluations/ke-self-commissioned/key", COMMISSION, null),
                new Cell("FINANCE writes the third party's score", finance, "POST", KEY_EVALUATION + "/key/completion",
                        COMPLETION, null),
                new Cell("INTEGRATION switches off goal-before-budget", integration, "PUT",
                        "/api/budget/districts/" + D + "/settings", "{\"goalBeforeBudget\":false}", null),
                new Cell("UNIT changes the evaluation rules", unitGaj, "PUT",
                        "/api/evaluation/districts/" + D + "/settings", "{\"note\":\"x\"}", null));
        for (Cell cell : refusals) {
            Answer answer = stack.callAs(cell.token(), cell.method(), cell.path(), cell.body(), "Idempotency-Key",
                    key());
            refused(answer, 403, cell.who());
            if (cell.rule() != null) {
                assertThat(answer.body().path("rule").asText()).as(cell.who()).isEqualTo(cell.rule());
            }
        }
        // ... and again inside the services, for a caller the gateway would have let through (a genuine assertion)
        record Inside(String who, String service, String method, String path, String body, Set<String> roles,
                      String agency, String rule) {
        }
        for (Inside cell : List.of(
                new Inside("INTEGRATION switches off goal-before-budget", LocalStackProcesses.BUDGET, "PUT",
                        "/api/budget/districts/" + D + "/settings", "{\"goalBeforeBudget\":false}",
                        Set.of("INTEGRATION"), null, "FINANCE_ONLY"),
                new Inside("FINANCE writes the third party's score", LocalStackProcesses.EVALUATION, "POST",
                        KEY_EVALUATION + "/key/completion", COMPLETION, Set.of("FINANCE"), null,
                        "COMMISSIONED_AGENCY_ONLY"),
                new Inside("EVALUATOR commissions a key evaluation", LocalStackProcesses.EVALUATION, "PUT",
                        "/api/evaluation/districts/" + D + "/evaluations/ke-self-commissioned/key", COMMISSION,
                        Set.of("EVALUATOR"), AGENCY, "FINANCE_ONLY"))) {
            String assertion = CallerAssertions.sign(CallerAssertion.issue("inside-" + cell.roles(), cell.roles(),
                    Set.of(D), Set.of(), cell.agency(), cell.service(), cell.method(), cell.path(), "c", key(),
                    Instant.now()), CallerKey.of(stack.processes.callerKey(cell.service()), cell.service()));
            Answer answer = stack.callService(cell.service(), cell.method(), cell.path(), cell.body(),
                    CallerAssertions.HEADER, assertion);
            refused(answer, 403, cell.who() + " (inside " + cell.service() + ")");
            assertThat(answer.body().path("rule").asText()).as(cell.who()).isEqualTo(cell.rule());
        }
        assertThat(stack.snapshot()).as("a refusal recorded something").isEqualTo(before);
        assertThat(TopicOffsets.total()).isEqualTo(topicsBefore);

        // the same acts by the owner are accepted (a repeat of a recorded act answers 200 and records nothing new)
        assertThat(stack.callAs(unitGaj, "PUT", goal.path(), goal.body().toString()).status())
                .as("UNIT of the goal's own unit").isBetween(200, 201);
        assertThat(stack.callAs(unitGaj, "POST", monitoring.path(), monitoring.body().toString()).status())
                .as("UNIT records monitoring of its own goal").isBetween(200, 201);
        assertThat(stack.callAs(unitGaj, "POST", packages.path(), packages.body().toString()).status())
                .as("UNIT publishes its own package").isBetween(200, 201);
        Answer scored = stack.callAs(evaluator, "POST", KEY_EVALUATION + "/key/completion", COMPLETION);
        assertThat(scored.status()).as("the commissioned agency scores: %s", scored.body()).isEqualTo(201);
        assertThat(stack.callAs(finance, "PUT", "/api/budget/districts/" + D + "/settings",
                "{\"goalBeforeBudget\":true}").status()).as("FINANCE changes the settings").isEqualTo(200);
    }

    /**
     * Property over path spellings and header variants (seeded, 40 tries): a write either is refused and records
     * nothing, or records exactly one event whose actor is the token's subject.
     */
    @Test
    @Order(4)
    void everyRecordedEventNamesTheTokensSubjectWhateverThePathOrHeaders() throws Exception {
        Random random = new Random(20261205L);
        String[] spellings = {PROJECT + "/adjustments", "/%61pi/budget/districts/" + D + "/projects/gaj-pacs/adjustments",
                "/api;a=b/budget/districts/" + D + "/projects/gaj-pacs/adjustments",
                "/api//budget/districts/" + D + "/projects/gaj-pacs/adjustments",
                "/api/budget/districts/" + D + "/projects/gaj-pacs/./adjustments",
                "/api/budget/districts/" + D + "/projects/gaj-pacs/%61djustments"};
        String[][] headerChoices = {{"X-Jixiao-Actor", "mallory"}, {"X-Jixiao-Caller", "forged.assertion.x"},
                {"x-jixiao-districts", "*"}, {"X-Jixiao-Roles", "FINANCE"}, {"X-Jixiao-Units", "*"},
                {"X-Jixiao-Gateway-Secret", "local-dev-secret"}, {"X-Correlation-Id", "attacker-chosen-id"}};
        int recorded = 0;
        int refusedCount = 0;
        for (int i = 0; i < 40; i++) {
            String subject = "officer-" + random.nextInt(1000);
            String token = stack.token(TokenSpec.of(subject, List.of("FINANCE"), List.of(D)));
            String path = spellings[random.nextInt(spellings.length)];
            List<String> headers = new ArrayList<>(List.of("Idempotency-Key", key()));
            for (String[] header : headerChoices) {
                if (random.nextBoolean()) {
                    headers.add(header[0]);
                    headers.add(header[1]);
                }
            }
            int eventsBefore = history().path("events").size();
            Answer answer = stack.callAs(token, "POST", path, ADJUSTMENT, headers.toArray(String[]::new));
            JsonNode after = history();
            if (path.equals(PROJECT + "/adjustments")) {
                assertThat(answer.status()).as("canonical path with %s", headers).isEqualTo(201);
                assertThat(after.path("events").size()).isEqualTo(eventsBefore + 1);
                JsonNode last = after.path("events").get(eventsBefore);
                assertThat(last.path("actor").asText()).as("actor with headers %s", headers).isEqualTo(subject);
                recorded++;
            } else {
                assertThat(answer.status()).as("%s with %s", path, headers).isEqualTo(400);
                assertThat(after.path("events").size()).as("refused %s recorded something", path)
                        .isEqualTo(eventsBefore);
                refusedCount++;
            }
        }
        assertThat(recorded).isPositive();
        assertThat(refusedCount).isPositive();
        assertThat(stack.queryLong("budget", "SELECT count(*) FROM domainevententry WHERE "
                + "convert_from(metadata, 'UTF8') LIKE '%\"actor\":\"mallory\"%' OR "
                + "convert_from(metadata, 'UTF8') LIKE '%\"actor\":\"admin\"%' OR "
                + "convert_from(metadata, 'UTF8') LIKE '%\"actor\":\"anonymous\"%'")).isZero();
    }

    /** What producing a forged EvaluationResultApplied (a 10% cut of gaj-pacs) as {@code user} ended in. */
    private static Throwable produceForgedResult(String user, String password) {
        java.util.Map<String, Object> properties = new java.util.HashMap<>(kafka.clientProperties(user, password));
        properties.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class);
        properties.put("value.serializer", org.apache.kafka.common.serialization.StringSerializer.class);
        properties.put("enable.idempotence", false);
        properties.put("max.block.ms", 10_000);
        properties.put("delivery.timeout.ms", 15_000);
        properties.put("request.timeout.ms", 10_000);
        String forged = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"EvaluationResultApplied\","
                + "\"aggregateId\":\"" + D + ":ke-forged\",\"districtCode\":\"" + D + "\",\"payload\":{"
                + "\"districtCode\":\"" + D + "\",\"projectId\":\"gaj-pacs\",\"measure\":\"CUT\","
                + "\"share\":\"0.10\"}}";
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(properties)) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>(
                    io.jixiao.events.Topics.EVALUATION_EVENTS, D + ":ke-forged", forged);
            record.headers().add(io.jixiao.events.Topics.PRODUCER_HEADER,
                    "evaluation-service".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, java.util.concurrent.TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private static JsonNode history() {
        Answer answer = stack.callAs(finance, "GET", PROJECT + "/history?limit=5000", null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The sum of end offsets of the two published topics. */
    private static final class TopicOffsets {
        static long total() throws Exception {
            try (var admin = kafka.admin()) {
                var partitions = new java.util.HashMap<org.apache.kafka.common.TopicPartition,
                        org.apache.kafka.clients.admin.OffsetSpec>();
                for (var description : admin.describeTopics(List.of(io.jixiao.events.Topics.BUDGET_EVENTS,
                        io.jixiao.events.Topics.EVALUATION_EVENTS)).allTopicNames().get().values()) {
                    description.partitions().forEach(p -> partitions.put(
                            new org.apache.kafka.common.TopicPartition(description.name(), p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest()));
                }
                return admin.listOffsets(partitions).all().get().values().stream()
                        .mapToLong(org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo::offset)
                        .sum();
            }
        }
    }
}
