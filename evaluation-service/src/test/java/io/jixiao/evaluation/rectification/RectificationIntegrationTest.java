package io.jixiao.evaluation.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.evaluation.EvaluationServiceApplication;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.ServiceCalls;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.AsGateway;
import io.jixiao.support.testing.AsGateway.Caller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 整改 against a real PostgreSQL and a real Kafka broker (both embedded), over real HTTP, with the service's clock set
 * by the test: a key evaluation's finding is opened, progressed, passes its deadline (one overdue event, however
 * often the sweep runs and across a restart of the service), is done late and signed off; retries and refusals record
 * nothing more.
 */
class RectificationIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("rectification_it");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final SettableClock CLOCK = new SettableClock(Instant.parse("2026-03-01T02:00:00Z"));
    private static final String D = "430511";
    private static final String BASE = "/api/evaluation/districts/" + D;
    private static final String ITEM = BASE + "/rectifications/zg-it-1";
    private static final String AGENCY = "cz-evaluation-agency";
    private static final Caller FINANCE = caller("finance@430511", "FINANCE", D, null);
    private static final Caller UNIT = caller("clerk@jyj", "UNIT", D, "jyj").withName("李四");
    private static final Caller OTHER_UNIT = caller("clerk@czj", "UNIT", D, "czj");
    private static final Caller DASHBOARD = caller("wall@430511", "DASHBOARD", D, null);
    private static final Caller FINANCE_ELSEWHERE = caller("finance@430203", "FINANCE", "430203", null);
    private static final Caller EVALUATOR = new Caller("evaluator@cz", Set.of("EVALUATOR"), Set.of(D), Set.of(), AGENCY);
    private static ConfigurableApplicationContext service;

    record Answer(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {
        String rule() {
            return body.path("rule").asText();
        }

        String field() {
            return body.path("errors").path(0).path("field").asText();
        }
    }

    /** The service's clock: what "today" is for the API and when the sweep looks at deadlines. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Registered as a source of the service (not scanned): the test's clock in place of the system's. */
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void start() {
        service = startService();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static ConfigurableApplicationContext startService() {
        // command-line arguments outrank application.yml; the scheduled sweep is off: the test sweeps
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + DB,
                "--jixiao.kafka.bootstrap-servers=" + SharedTestInfra.kafka().bootstrapServers(), "--server.port=0",
                "--jixiao.rectification.sweep-enabled=false"));
        AsGateway.properties().forEach(p -> args.add("--" + p));
        return new SpringApplicationBuilder(EvaluationServiceApplication.class, TestClock.class)
                .run(args.toArray(String[]::new));
    }

    @Test
    void aKeyEvaluationFindingRectifiedLateRecordsOneOverdueEventAtTheDeadlineAndEveryActWithItsActor()
            throws Exception {
        completedKeyEvaluation("ke-zg-1");
        String open = "{\"source\":{\"kind\":\"KEY_EVALUATION\",\"evaluationId\":\"ke-zg-1\",\"findingIndex\":0},"
                + "\"ownerUnitId\":\"jyj\",\"measures\":\"完善资助名单公示制度\",\"deadline\":\"2026-03-31\"}";

        Answer opened = call(FINANCE, "PUT", ITEM, open, "Idempotency-Key", "open-1");
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        assertThat(opened.body().path("status").asText()).isEqualTo("OPEN");
        assertThat(opened.body().path("statusLabel").asText()).isEqualTo("待整改");
        assertThat(opened.body().path("year").asInt()).isEqualTo(2026);
        assertThat(opened.body().path("openedOn").asText()).isEqualTo("2026-03-01");
        assertThat(opened.body().path("dueAt").asText()).isEqualTo("2026-03-31T16:00:00Z");
        assertThat(opened.body().path("source").path("problem").asText()).isEqualTo("资助名单未公示");
        assertThat(opened.body().path("source").path("projectId").asText()).isEqualTo("jyj-xcfw");
        Answer retried = call(FINANCE, "PUT", ITEM, open, "Idempotency-Key", "open-1");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(events("RectificationOpened")).isEqualTo(1);
        Answer sameSource = call(FINANCE, "PUT", BASE + "/rectifications/zg-it-2", open);
        assertThat(sameSource.status()).isEqualTo(409);
        assertThat(sameSource.rule()).isEqualTo("SOURCE_ALREADY_RECTIFIED");

        CLOCK.set(Instant.parse("2026-03-16T02:00:00Z"));
        String progress = "{\"progress\":\"已下发通知，逐校核查\",\"evidence\":[\"教财〔2026〕8号\"],"
                + "\"recordedOn\":\"2026-03-15\"}";
        Answer progressed = call(UNIT, "POST", ITEM + "/progress", progress, "Idempotency-Key", "progress-1");
        assertThat(progressed.status()).as(String.valueOf(progressed.body())).isEqualTo(201);
        assertThat(progressed.body().path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(call(UNIT, "POST", ITEM + "/progress", progress, "Idempotency-Key", "progress-1").status())
                .isEqualTo(200);
        Answer reused = call(UNIT, "POST", ITEM + "/progress", progress.replace("逐校", "全部"), "Idempotency-Key",
                "progress-1");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.rule()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(events("RectificationProgressed")).isEqualTo(1);

        // the last second of the deadline day in Asia/Shanghai: not overdue; its end: overdue, once
        CLOCK.set(Instant.parse("2026-03-31T15:59:59Z"));
        assertThat(sweeper().sweep()).isZero();
        CLOCK.set(Instant.parse("2026-03-31T16:00:00Z"));
        assertThat(sweeper().sweep()).isEqualTo(1);
        assertThat(sweeper().sweep()).isZero();
        assertThat(events("RectificationOverdue")).isEqualTo(1);
        Answer overdue = call(FINANCE, "GET", ITEM, null);
        assertThat(overdue.body().path("status").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.body().path("overdueAt").asText()).isEqualTo("2026-03-31T16:00:00Z");
        assertThat(call(FINANCE, "GET", BASE + "/rectifications?status=逾期", null).body())
                .extracting(i -> i.path("rectificationId").asText()).containsExactly("zg-it-1");

        // a restart: the new instance sweeps a day later and records nothing more
        service.close();
        CLOCK.set(Instant.parse("2026-04-01T16:00:00Z"));
        service = startService();
        assertThat(sweeper().sweep()).isZero();
        assertThat(events("RectificationOverdue")).isEqualTo(1);

        CLOCK.set(Instant.parse("2026-04-05T02:00:00Z"));
        Answer doneLate = call(UNIT, "POST", ITEM + "/completion", "{\"summary\":\"全部学校已公示\","
                + "\"evidence\":[\"公示截图\"],\"doneOn\":\"2026-04-03\"}", "Idempotency-Key", "done-1");
        assertThat(doneLate.status()).as(String.valueOf(doneLate.body())).isEqualTo(201);
        assertThat(doneLate.body().path("status").asText()).isEqualTo("DONE");
        assertThat(doneLate.body().path("late").asBoolean()).isTrue();
        assertThat(doneLate.body().path("overdueAt").asText()).isEqualTo("2026-03-31T16:00:00Z");
        Answer signedOff = call(FINANCE, "POST", ITEM + "/sign-off", "{\"note\":\"同意销号\"}", "Idempotency-Key",
                "sign-1");
        assertThat(signedOff.status()).isEqualTo(201);
        assertThat(signedOff.body().path("status").asText()).isEqualTo("SIGNED_OFF");
        assertThat(signedOff.body().path("signedOffOn").asText()).isEqualTo("2026-04-05");
        assertThat(call(FINANCE, "POST", ITEM + "/sign-off", "{\"note\":\"同意销号\"}", "Idempotency-Key", "sign-1")
                .status()).isEqualTo(200);
        assertThat(sweeper().sweep()).isZero();

        JsonNode history = call(FINANCE, "GET", ITEM, null).body().path("history");
        assertThat(history).extracting(h -> h.path("type").asText() + " by " + h.path("actor").asText())
                .containsExactly("RectificationOpened by finance@430511", "RectificationProgressed by clerk@jyj",
                        "RectificationOverdue by system:" + OverdueSweeper.ACTOR, "RectificationCompleted by clerk@jyj",
                        "RectificationSignedOff by finance@430511");
        assertThat(history.get(0).path("cause").asText()).isEqualTo("重点评价发现问题 KEY_EVALUATION:ke-zg-1#0");
        assertThat(history.get(2).path("cause").asText()).contains("deadline 2026-03-31 passed");
        assertThat(history.get(3).path("cause").asText()).startsWith("逾期完成");
        assertThat(history.get(1).path("requestId").asText()).isEqualTo("progress-1");
        // the unit clerk's token names them: their name, sealed in the events' metadata, is opened for the history
        assertThat(history).extracting(h -> h.path("actorName").asText(null))
                .containsExactly(null, "李四", null, "李四", null);

        // published once each, the overdue event by the service itself, self-sufficient for a report
        List<JsonNode> published = published(Keys.rectification(D, "zg-it-1"), 5);
        assertThat(published).extracting(e -> e.path("type").asText()).containsExactly("RectificationOpened",
                "RectificationProgressed", "RectificationOverdue", "RectificationCompleted", "RectificationSignedOff");
        assertThat(published).allSatisfy(e -> assertThat(e.toString()).doesNotContain("李四"));
        JsonNode overdueEvent = published.get(2);
        assertThat(overdueEvent.path("metadata").path("actor").asText()).isEqualTo("system:rectification-overdue");
        assertThat(overdueEvent.path("payload").path("overdueAt").asText()).isEqualTo("2026-03-31T16:00:00Z");
        assertThat(overdueEvent.path("payload").path("ownerUnitId").asText()).isEqualTo("jyj");
        assertThat(overdueEvent.path("payload").path("year").asInt()).isEqualTo(2026);
        assertThat(overdueEvent.path("payload").path("source").path("kind").asText()).isEqualTo("KEY_EVALUATION");
        assertThat(published.get(3).path("payload").path("late").asBoolean()).isTrue();
    }

    @Test
    void refusalsNameTheRuleAndRecordNothing() throws Exception {
        completedKeyEvaluation("ke-zg-2");
        String item = BASE + "/rectifications/zg-it-3";
        String open = "{\"source\":{\"kind\":\"KEY_EVALUATION\",\"evaluationId\":\"ke-zg-2\",\"findingIndex\":1},"
                + "\"ownerUnitId\":\"jyj\",\"measures\":\"明确绩效目标\",\"deadline\":\"2026-06-30\"}";
        long before = rectificationEvents();

        assertRefused(call(UNIT, "PUT", item, open), 403, "FINANCE_ONLY", "role");
        assertRefused(call(DASHBOARD, "PUT", item, open), 403, "FINANCE_ONLY", "role");
        assertRefused(call(FINANCE_ELSEWHERE, "PUT", item, open), 403, "DISTRICT_NOT_PERMITTED", "districtCode");
        assertRefused(call(FINANCE, "PUT", item, open.replace("ke-zg-2", "ke-unknown")), 422, "SOURCE_NOT_FOUND",
                "source.evaluationId");
        assertRefused(call(FINANCE, "PUT", item, open.replace("\"findingIndex\":1", "\"findingIndex\":7")), 422,
                "SOURCE_NOT_FOUND", "source.findingIndex");
        assertRefused(call(FINANCE, "PUT", item, open.replace("\"findingIndex\":1", "\"findingIndex\":null")), 422,
                "RECTIFICATION_SOURCE_INVALID", "source.findingIndex");
        assertRefused(call(FINANCE, "PUT", item, open.replace("KEY_EVALUATION", "MONITORING")
                .replace("\"evaluationId\":\"ke-zg-2\",\"findingIndex\":1", "\"goalId\":\"g-none\","
                        + "\"deviationId\":\"d-1\"")), 422, "SOURCE_NOT_FOUND", "source.goalId");
        assertRefused(call(FINANCE, "PUT", item, open.replace(",\"deadline\":\"2026-06-30\"", "")), 400, "VALIDATION",
                "deadline");
        assertRefused(call(FINANCE, "PUT", item, open.replace("2026-06-30", "2026-02-01")), 422,
                "RECTIFICATION_INVALID", "deadline");
        assertRefused(call(FINANCE, "PUT", item, open.replace("\"deadline\":\"2026-06-30\"",
                "\"deadline\":\"2026-06-30\",\"openedOn\":\"2026-12-01\"")), 422, "DATE_IN_FUTURE", "openedOn");
        assertThat(rectificationEvents()).isEqualTo(before);

        assertThat(call(FINANCE, "PUT", item, open).status()).isEqualTo(201);
        String progress = "{\"progress\":\"已修订目标表\",\"evidence\":[\"修订稿\"]}";
        assertRefused(call(OTHER_UNIT, "POST", item + "/progress", progress), 403, "OWN_UNIT_ONLY", "unitId");
        assertRefused(call(FINANCE, "POST", item + "/progress", progress), 403, "OWN_UNIT_ONLY", "unitId");
        assertRefused(call(DASHBOARD, "POST", item + "/completion", "{\"summary\":\"完成\",\"evidence\":[\"x\"]}"),
                403, "OWN_UNIT_ONLY", "unitId");
        assertRefused(call(UNIT, "POST", item + "/completion", "{\"summary\":\"完成\",\"evidence\":[]}"), 400,
                "VALIDATION", "evidence");
        assertRefused(call(UNIT, "POST", item + "/sign-off", "{}"), 403, "FINANCE_ONLY", "role");
        assertRefused(call(FINANCE, "POST", item + "/sign-off", "{}"), 422, "RECTIFICATION_NOT_DONE", "signedOn");
        assertRefused(call(FINANCE, "POST", item + "/return", "{\"reason\":\"佐证不足\"}"), 422,
                "RECTIFICATION_NOT_DONE", "returnedOn");
        assertRefused(call(FINANCE, "GET", BASE + "/rectifications?status=closed", null), 400, "VALIDATION", "status");
        assertThat(call(FINANCE, "GET", BASE + "/rectifications/zg-none", null).status()).isEqualTo(404);
        assertThat(rectificationEvents()).isEqualTo(before + 1);

        // a disclosure finding is taken as FINANCE names it; a missing part is named
        String disclosure = "{\"source\":{\"kind\":\"DISCLOSURE\",\"findingId\":\"DISC-003|jyj|部门预算\","
                + "\"year\":2025},\"ownerUnitId\":\"jyj\",\"measures\":\"补充公开\",\"deadline\":\"2026-04-30\"}";
        assertRefused(call(FINANCE, "PUT", BASE + "/rectifications/zg-it-4", disclosure), 422,
                "RECTIFICATION_SOURCE_INVALID", "source.problem");
        Answer fromDisclosure = call(FINANCE, "PUT", BASE + "/rectifications/zg-it-4",
                disclosure.replace("\"year\":2025", "\"year\":2025,\"problem\":\"部门预算表未公开\""));
        assertThat(fromDisclosure.status()).isEqualTo(201);
        assertThat(fromDisclosure.body().path("year").asInt()).isEqualTo(2025);
    }

    @Test
    void theOpenApiDocumentListsTheRectificationPathsWithProblemAnswers() throws Exception {
        int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode paths = JSON.readTree(response.body()).path("paths");
        String base = "/api/evaluation/districts/{districtCode}/rectifications";
        assertThat(paths.fieldNames()).toIterable().contains(base, base + "/{rectificationId}",
                base + "/{rectificationId}/progress", base + "/{rectificationId}/completion",
                base + "/{rectificationId}/sign-off", base + "/{rectificationId}/return");
        assertThat(paths.path(base + "/{rectificationId}").path("put").path("requestBody").toString())
                .contains("OpenRequest");
        assertThat(paths.path(base + "/{rectificationId}/completion").path("post").path("responses").path("422")
                .path("content").has("application/problem+json")).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private static void completedKeyEvaluation(String id) throws Exception {
        String path = BASE + "/evaluations/" + id + "/key";
        Answer commissioned = call(FINANCE, "PUT", path, "{\"type\":\"专项资金\",\"projectIds\":[\"jyj-xcfw\"],"
                + "\"evaluator\":\"" + AGENCY + "\",\"year\":2026,\"commissionedOn\":\"2026-01-10\"}");
        assertThat(commissioned.status()).as(String.valueOf(commissioned.body())).isEqualTo(201);
        Answer completed = call(EVALUATOR, "POST", path + "/completion", "{\"score\":\"78\",\"findings\":"
                + "[\"资助名单未公示\",\"绩效目标不明确\"],\"completedOn\":\"2026-02-20\"}");
        assertThat(completed.status()).as(String.valueOf(completed.body())).isEqualTo(201);
    }

    private static void assertRefused(Answer answer, int status, String rule, String field) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.rule()).as(String.valueOf(answer.body())).isEqualTo(rule);
        assertThat(answer.field()).as(String.valueOf(answer.body())).isEqualTo(field);
    }

    private static OverdueSweeper sweeper() {
        return service.getBean(OverdueSweeper.class);
    }

    /** How many events of {@code type} item zg-it-1 has stored. */
    private static long events(String type) {
        return service.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domainevententry WHERE "
                + "aggregateidentifier = ? AND payloadtype = ?", Long.class, Keys.rectification(D, "zg-it-1"),
                "io.jixiao.events.evaluation." + type);
    }

    private static long rectificationEvents() {
        return service.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domainevententry WHERE "
                + "aggregateidentifier LIKE 'rectification:%'", Long.class);
    }

    private static List<JsonNode> published(String key, int expected) {
        return ServiceCalls.published(key, expected);
    }

    private static Caller caller(String subject, String role, String district, String unit) {
        return new Caller(subject, Set.of(role), Set.of(district), unit == null ? Set.of() : Set.of(unit), null);
    }

    private static Answer call(Caller caller, String method, String path, String body, String... headers)
            throws Exception {
        HttpResponse<String> response = ServiceCalls.send(service, caller, method,
                path.replace("逾期", "%E9%80%BE%E6%9C%9F"), body, headers);
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? null : JSON.readTree(response.body()), response.headers());
    }
}
