package io.jixiao.evaluation.personal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.evaluation.EvaluationServiceApplication;
import io.jixiao.evaluation.Keys;
import io.jixiao.evaluation.ServiceCalls;
import io.jixiao.infra.PlainTextScan;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.AsGateway;
import io.jixiao.support.testing.AsGateway.Caller;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 加密删除 against a real PostgreSQL and a real Kafka broker (both embedded), over real HTTP: a person's name and phone
 * number, given on two goals' forms (three events: two declarations and a revision; two goal_view rows), are never
 * stored or published as text; once FINANCE erased the person, their data key is gone, the goals show 已删除, every
 * hash chain still verifies, and the goals read the same as before apart from those values.
 */
class PersonalDataErasureIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("personal_it");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String D = "430203";
    private static final String BASE = "/api/evaluation/districts/" + D;
    private static final String PERSON = "staff-7781";
    private static final String NAME = "欧阳晓删";
    private static final String PHONE = "13907319876";
    /** Recorded on the goals as ordinary text: the scans must find it, or they could not find the others either. */
    private static final String MARKER = "个人信息验收专用指标";
    private static final Caller FINANCE = caller("finance@430203", "FINANCE", null);
    /** The clerk who fills in the forms is the person: their token's name is sealed under the same data key. */
    private static final Caller UNIT = caller(PERSON, "UNIT", "czj").withName(NAME);
    private static final Caller AUDITOR = caller("audit@430203", "AUDITOR", null);
    private static ConfigurableApplicationContext service;

    record Answer(int status, String contentType, String text) {
        JsonNode body() {
            try {
                return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException(text, e);
            }
        }
    }

    @BeforeAll
    static void start() {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + DB,
                "--jixiao.kafka.bootstrap-servers=" + SharedTestInfra.kafka().bootstrapServers(), "--server.port=0",
                "--jixiao.rectification.sweep-enabled=false"));
        AsGateway.properties().forEach(p -> args.add("--" + p));
        service = new SpringApplicationBuilder(EvaluationServiceApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void anErasedPersonsNameAndPhoneAreNowhereInTheDatabaseOrTheTopicAndEveryChainStillVerifies() throws Exception {
        Answer declaredA = call(UNIT, "PUT", BASE + "/goals/pi-a", goal(600_000, "13907319876"), "Idempotency-Key", "pi-a-1");
        assertThat(declaredA.status()).as(declaredA.text()).isEqualTo(201);
        Answer retried = call(UNIT, "PUT", BASE + "/goals/pi-a", goal(600_000, PHONE), "Idempotency-Key", "pi-a-1");
        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        Answer revisedA = call(UNIT, "PUT", BASE + "/goals/pi-a", goal(650_000, PHONE), "Idempotency-Key", "pi-a-2");
        assertThat(revisedA.body().path("revisions").asInt()).as(revisedA.text()).isEqualTo(1);
        Answer declaredB = call(UNIT, "PUT", BASE + "/goals/pi-b", goal(300_000, PHONE), "Idempotency-Key", "pi-b-1");
        assertThat(declaredB.status()).as(declaredB.text()).isEqualTo(201);

        assertThat(personalEvents()).isEqualTo(3);
        Answer beforeA = call(FINANCE, "GET", BASE + "/goals/pi-a", null);
        Answer beforeB = call(FINANCE, "GET", BASE + "/goals/pi-b", null);
        assertThat(beforeA.body().path("contacts").toString()).isEqualTo("{\"personId\":\"" + PERSON + "\",\"filledBy\":\""
                + NAME + "\",\"contact\":\"" + NAME + "\",\"phone\":\"" + PHONE + "\"}");
        assertThat(beforeB.body().path("contacts").path("phone").asText()).isEqualTo(PHONE);
        List<String> hashes = hashes();
        assertThat(ServiceCalls.published(Keys.goal(D, "pi-a"), 2)).allSatisfy(envelope -> assertThat(envelope.toString())
                .contains(PERSON).doesNotContain(NAME).doesNotContain(PHONE));
        ServiceCalls.published(Keys.goal(D, "pi-b"), 1);
        // never stored as text in the first place: not in events, their metadata, snapshots, views or the key table
        assertAbsentEverywhere();
        assertThat(keyRows()).isEqualTo(1);

        Answer byUnit = call(UNIT, "POST", erasure(), "{\"reason\":\"本人申请删除个人信息\"}");
        assertRefused(byUnit, 403, "FINANCE_ONLY");
        assertRefused(call(AUDITOR, "POST", erasure(), "{\"reason\":\"本人申请删除个人信息\"}"), 403, "FINANCE_ONLY");
        Answer noReason = call(FINANCE, "POST", erasure(), "{\"reason\":\" \"}");
        assertThat(noReason.status()).as(noReason.text()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        assertThat(noReason.text()).contains("\"field\":\"reason\"");
        assertThat(erasureEvents()).isZero();
        assertThat(keyRows()).isEqualTo(1);

        Answer erased = call(FINANCE, "POST", erasure(), "{\"reason\":\"本人申请删除个人信息\"}", "Idempotency-Key", "er-1");
        assertThat(erased.status()).as(erased.text()).isEqualTo(201);
        assertThat(erased.body().path("reason").asText()).isEqualTo("本人申请删除个人信息");
        Answer again = call(FINANCE, "POST", erasure(), "{\"reason\":\"再次申请\"}", "Idempotency-Key", "er-2");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.body().path("reason").asText()).isEqualTo("本人申请删除个人信息");
        assertThat(erasureEvents()).isEqualTo(1);
        assertThat(keyRows()).isZero();
        assertThat(ServiceCalls.published(Keys.person(D, PERSON), 1).get(0).path("type").asText()).isEqualTo("PersonalDataErased");

        Answer afterA = call(FINANCE, "GET", BASE + "/goals/pi-a", null);
        Answer afterB = call(FINANCE, "GET", BASE + "/goals/pi-b", null);
        assertThat(afterA.body().path("contacts").toString()).isEqualTo("{\"personId\":\"" + PERSON
                + "\",\"filledBy\":\"已删除\",\"contact\":\"已删除\",\"phone\":\"已删除\"}");
        assertThat(afterA.text()).isEqualTo(erasedFields(beforeA.text()));
        assertThat(afterB.text()).isEqualTo(erasedFields(beforeB.text()));
        assertThat(hashes()).isEqualTo(hashes);
        assertAbsentEverywhere();
        Answer verified = call(FINANCE, "GET", BASE + "/audit/verify", null);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.body().path("ok").asBoolean()).as(verified.text()).isTrue();
        // the chains of the two goals (3 events), of the erasure (1) and of the district's rules (version 0, published
        // at start-up)
        assertThat(verified.body().path("chains").asInt()).as(verified.text()).isEqualTo(4);
        assertThat(verified.body().path("events").asInt()).as(verified.text()).isEqualTo(5);

        // the erased id is not reused, and a bad phone is refused naming the field; neither records anything
        Answer reused = call(UNIT, "PUT", BASE + "/goals/pi-c", goal(100_000, PHONE));
        assertThat(reused.status()).as(reused.text()).isEqualTo(422);
        assertThat(reused.text()).contains("PERSON_ERASED").contains("contacts.personId");
        Answer badPhone = call(UNIT, "PUT", BASE + "/goals/pi-c", goal(100_000, "call me").replace(PERSON, "staff-1"));
        assertThat(badPhone.status()).as(badPhone.text()).isEqualTo(400);
        assertThat(badPhone.contentType()).startsWith("application/problem+json");
        assertThat(badPhone.text()).contains("contacts.phone");
        assertThat(call(FINANCE, "GET", BASE + "/goals/pi-c", null).status()).isEqualTo(404);
        assertThat(keyRows()).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private static String goal(long yuan, String phone) {
        return "{\"scope\":\"PROJECT\",\"projectId\":\"czj-pi\",\"unitId\":\"czj\",\"fiscalYear\":2026,\"amount\":\""
                + yuan + ".00\",\"indicators\":[{\"l1\":\"产出指标\",\"l2\":\"数量指标\",\"l3\":\"" + MARKER
                + "\",\"cmp\":\">=\",\"target\":\"10\",\"unit\":\"个\",\"weight\":\"20\"}],\"contacts\":{\"personId\":\""
                + PERSON + "\",\"filledBy\":\"" + NAME + "\",\"contact\":\"" + NAME + "\",\"phone\":\"" + phone + "\"}}";
    }

    private static String erasure() {
        return BASE + "/personal-data/" + PERSON + "/erasure";
    }

    private static String erasedFields(String answer) {
        return answer.replace(NAME, "已删除").replace(PHONE, "已删除");
    }

    private static void assertAbsentEverywhere() throws Exception {
        byte[] dump = databaseDump();
        byte[] segments = kafkaSegments();
        assertThat(contains(dump, MARKER)).as("the scan of the database finds recorded text").isTrue();
        assertThat(contains(segments, MARKER)).as("the scan of the topics' segments finds published text").isTrue();
        for (String value : List.of(NAME, PHONE)) {
            assertThat(contains(dump, value)).as(value + " in the database").isFalse();
            assertThat(contains(segments, value)).as(value + " in Kafka's log segments").isFalse();
        }
    }

    /** Every row of every table of the service's database ({@code COPY … TO STDOUT}, bytea as hex, as pg_dump does). */
    private static byte[] databaseDump() throws Exception {
        try (Connection connection = DriverManager.getConnection(DB, "postgres", "postgres")) {
            assertThat(PlainTextScan.tables(connection))
                    .contains("public.domainevententry", "public.goal_view", "public.personal_data_key");
            return PlainTextScan.databaseDump(connection);
        }
    }

    /** The bytes of every file in the embedded broker's log directory (segments, indexes, checkpoints). */
    private static byte[] kafkaSegments() throws IOException {
        return PlainTextScan.files(SharedTestInfra.kafka().logDirectory());
    }

    private static boolean contains(byte[] bytes, String text) {
        return PlainTextScan.contains(bytes, text);
    }

    private static JdbcTemplate jdbc() {
        return service.getBean(JdbcTemplate.class);
    }

    private static long personalEvents() {
        return jdbc().queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ? "
                + "AND convert_from(payload, 'UTF8') LIKE ?", Long.class, "goal:" + D + ":pi-%", "%" + PERSON + "%");
    }

    private static long erasureEvents() {
        return jdbc().queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                Keys.person(D, PERSON));
    }

    private static long keyRows() {
        return jdbc().queryForObject("SELECT count(*) FROM personal_data_key WHERE district_code = ? AND person_id = ?",
                Long.class, D, PERSON);
    }

    private static List<String> hashes() {
        return jdbc().queryForList("SELECT encode(hash, 'hex') FROM domainevententry WHERE aggregateidentifier LIKE ? "
                + "ORDER BY globalindex", String.class, "goal:" + D + ":%");
    }

    private static void assertRefused(Answer answer, int status, String rule) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("rule").asText()).as(answer.text()).isEqualTo(rule);
    }

    private static Caller caller(String subject, String role, String unit) {
        return new Caller(subject, Set.of(role), Set.of(D), unit == null ? Set.of() : Set.of(unit), null);
    }

    private static Answer call(Caller caller, String method, String path, String body, String... headers)
            throws Exception {
        HttpResponse<String> response = ServiceCalls.send(service, caller, method, path, body, headers);
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
