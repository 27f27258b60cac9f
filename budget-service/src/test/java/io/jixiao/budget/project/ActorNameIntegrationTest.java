package io.jixiao.budget.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jixiao.budget.Api;
import io.jixiao.budget.EvaluationTopic;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventLinks;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.evaluation.PersonalDataErased;
import io.jixiao.infra.PlainTextScan;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.personal.PersonalData;
import io.jixiao.support.testing.AsGateway;
import io.jixiao.support.testing.ServiceIntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The actor's display name (the token's {@code name}) on real PostgreSQL and Kafka: sealed into the metadata of every
 * event the caller's commands record, shown opened in the project's history, never stored as text (no row of any
 * table, no file of the broker); a {@code PersonalDataErased} from evaluation.events destroys budget-service's key of
 * that subject, after which the history shows 已删除, the events keep their bytes and every chain still verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ActorNameIntegrationTest extends ServiceIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("budget_actor_name");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final String D = "430271";
    private static final String SUBJECT = "staff-actor-name-1";
    private static final String NAME = "司马预删";
    private static final String PROJECT = "/api/budget/districts/" + D + "/projects/P1";
    private static final AsGateway.Caller NAMED = AsGateway.Caller.everything(SUBJECT).withName(NAME);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB);
    }

    @Test
    void aNamedCallersNameIsSealedInTheEventsShownInTheHistoryAndErasedWithTheSubject() throws Exception {
        Api named = new Api(port, NAMED);
        Api unnamed = new Api(port);
        named.expect(200, "PUT", "/api/budget/districts/" + D + "/settings", "{\"goalBeforeBudget\":false}");
        assertThat(named.call("PUT", "/api/budget/districts/" + D + "/units/an-unit", "{\"name\":\"姓名单位\"}")
                .status()).isIn(200, 201);
        named.expect(201, "PUT", PROJECT, "{\"unitId\":\"an-unit\",\"name\":\"姓名验收项目\",\"category\":\"专项资金\","
                + "\"fiscalYear\":2023}");
        named.expect(201, "POST", PROJECT + "/appropriations",
                "{\"amount\":\"550000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}", "Idempotency-Key", "an-1");
        // a retry of the same request records nothing again (the sealed name differs, the request does not)
        assertThat(named.expect(200, "POST", PROJECT + "/appropriations",
                "{\"amount\":\"550000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}", "Idempotency-Key", "an-1")
                .body().path("replayed").asBoolean()).isTrue();
        unnamed.expect(201, "POST", PROJECT + "/expenditures", "{\"amount\":1000,\"date\":\"2023-03-01\"}");

        JsonNode events = history(unnamed);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).path("actor").asText()).isEqualTo(SUBJECT);
        assertThat(events.get(0).path("actorName").asText()).isEqualTo(NAME);
        assertThat(events.get(1).path("actorName").asText()).isEqualTo(NAME);
        assertThat(events.get(2).path("actor").asText()).isEqualTo(Api.ALICE.subject());
        assertThat(events.get(2).has("actorName")).as("an event of a caller without a name has none").isFalse();

        String key = io.jixiao.budget.project.ProjectCommands.projectKey(D, "P1");
        List<String> metadata = jdbc.queryForList("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, key);
        assertThat(metadata.get(0)).contains("\"" + EventMetadata.ACTOR_NAME + "\"").doesNotContain(NAME);
        assertThat(metadata.get(2)).doesNotContain(EventMetadata.ACTOR_NAME);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE district_code = ? "
                + "AND person_id = ?", Long.class, D, SUBJECT)).isEqualTo(1);
        assertNameNowhereInTheDatabaseNorTheBroker();
        List<String> hashes = hashes(key);
        assertThat(verify().path("ok").asBoolean()).isTrue();

        String erasure = erase(UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> history(unnamed).get(0).path("actorName").asText()
                .equals(PersonalData.ERASED));
        events = history(unnamed);
        assertThat(events.get(0).path("actor").asText()).isEqualTo(SUBJECT);
        assertThat(events.get(1).path("actorName").asText()).isEqualTo(PersonalData.ERASED);
        assertThat(events.get(2).has("actorName")).isFalse();
        assertThat(events.get(2).path("figuresAfter").path("spent").asText()).isEqualTo("1000.00");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE district_code = ? "
                + "AND person_id = ?", Long.class, D, SUBJECT)).isZero();
        assertThat(hashes(key)).isEqualTo(hashes);
        JsonNode verified = verify();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();

        // the erasure delivered again changes nothing; the erased subject acting again records no name
        erase(erasure);
        named.expect(201, "POST", PROJECT + "/expenditures", "{\"amount\":2000,\"date\":\"2023-04-01\"}");
        events = history(unnamed);
        assertThat(events).hasSize(4);
        assertThat(events.get(3).path("actor").asText()).isEqualTo(SUBJECT);
        assertThat(events.get(3).has("actorName")).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE district_code = ? "
                + "AND person_id = ?", Long.class, D, SUBJECT)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_erasure WHERE district_code = ? "
                + "AND person_id = ?", Long.class, D, SUBJECT)).isEqualTo(1);
        assertNameNowhereInTheDatabaseNorTheBroker();
    }

    @Test
    void aCallerWhoMayNotReadPersonsGetsTheHistoryWithoutActorsOrNames() throws Exception {
        String d = "430272";
        Api named = new Api(port, AsGateway.Caller.everything("staff-actor-name-2").withName("欧阳看板"));
        named.expect(200, "PUT", "/api/budget/districts/" + d + "/settings", "{\"goalBeforeBudget\":false}");
        assertThat(named.call("PUT", "/api/budget/districts/" + d + "/units/an-unit", "{\"name\":\"姓名单位\"}")
                .status()).isIn(200, 201);
        named.expect(201, "PUT", "/api/budget/districts/" + d + "/projects/P2", "{\"unitId\":\"an-unit\","
                + "\"name\":\"看板项目\",\"category\":\"专项资金\",\"fiscalYear\":2023}");
        named.expect(201, "POST", "/api/budget/districts/" + d + "/projects/P2/appropriations",
                "{\"amount\":\"1000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        String path = "/api/budget/districts/" + d + "/projects/P2/history";
        Api dashboard = new Api(port, AsGateway.Caller.everything("wall-1").withRoles(Set.of("DASHBOARD")));
        Api.Answer answer = dashboard.expect(200, "GET", path, null);
        assertThat(answer.body().path("events")).hasSize(2);
        for (JsonNode event : answer.body().path("events")) {
            assertThat(event.has("actor")).isFalse();
            assertThat(event.has("actorName")).isFalse();
        }
        assertThat(answer.body().path("events").get(1).path("figuresAfter").path("budget").asText())
                .isEqualTo("1000.00");
        assertThat(answer.body().toString()).doesNotContain("欧阳看板").doesNotContain("staff-actor-name-2");
        JsonNode auditor = new Api(port, AsGateway.Caller.everything("audit-1").withRoles(Set.of("AUDITOR")))
                .expect(200, "GET", path, null).body().path("events").get(0);
        assertThat(auditor.path("actor").asText()).isEqualTo("staff-actor-name-2");
        assertThat(auditor.path("actorName").asText()).isEqualTo("欧阳看板");
    }

    private static JsonNode history(Api api) {
        return api.expect(200, "GET", PROJECT + "/history", null).body().path("events");
    }

    private JsonNode verify() {
        return new Api(port).expect(200, "GET", "/api/budget/districts/" + D + "/audit/verify", null).body();
    }

    private List<String> hashes(String aggregate) {
        return jdbc.queryForList("SELECT encode(hash, 'hex') FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", String.class, aggregate);
    }

    private void assertNameNowhereInTheDatabaseNorTheBroker() throws Exception {
        byte[] dump;
        try (Connection connection = DriverManager.getConnection(DB, "postgres", "postgres")) {
            assertThat(PlainTextScan.tables(connection)).contains("public.domainevententry",
                    "public.personal_data_key");
            dump = PlainTextScan.databaseDump(connection);
        }
        byte[] segments = PlainTextScan.files(SharedTestInfra.kafka().logDirectory());
        assertThat(PlainTextScan.contains(dump, "姓名验收项目")).as("the scan finds recorded text").isTrue();
        assertThat(PlainTextScan.contains(dump, SUBJECT)).as("the scan finds the subject id").isTrue();
        assertThat(PlainTextScan.contains(dump, NAME)).as(NAME + " in the database").isFalse();
        assertThat(PlainTextScan.contains(segments, NAME)).as(NAME + " in Kafka's log segments").isFalse();
    }

    private static final EventLinks.Chain LINKS = new EventLinks.Chain();
    private static final java.util.Map<String, EventEnvelope> SENT = new java.util.concurrent.ConcurrentHashMap<>();

    /** evaluation-service's {@code PersonalDataErased} of the subject, linked and stamped as its publisher does. */
    private static String erase(String eventId) {
        String aggregate = "person:" + D + ":" + SUBJECT;
        EventEnvelope envelope = SENT.computeIfAbsent(eventId, id -> LINKS.link(new EventEnvelope(id,
                "PersonalDataErased", "Person", aggregate, 0, Instant.now(),
                new EventMetadata(D, "finance@" + D, "corr-" + id, null, null),
                JSON.valueToTree(new PersonalDataErased(D, SUBJECT, "本人申请删除个人信息")))));
        try (EvaluationTopic topic = new EvaluationTopic(JSON)) {
            topic.send(envelope);
        }
        return eventId;
    }
}
