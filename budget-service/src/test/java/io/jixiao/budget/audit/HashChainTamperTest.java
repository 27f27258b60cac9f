package io.jixiao.budget.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.audit.AuditExport;
import io.jixiao.audit.BrokenLink;
import io.jixiao.audit.CanonicalForm;
import io.jixiao.budget.Api;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.AsGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hash chain against the real store: events recorded through the API, then tampered with by direct SQL as an
 * insider with database access would. {@code GET …/audit/verify} names each tampering exactly; an export made before
 * still verifies offline; one made after fails offline at the same place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HashChainTamperTest {
    private static final String DB = SharedTestInfra.freshDatabase("budget_audit");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB);
        registry.add("jixiao.kafka.bootstrap-servers", () -> SharedTestInfra.kafka().bootstrapServers());
        AsGateway.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** A district of its own with one project of four events (sequences 0..3); answers the project's aggregate id. */
    private String projectOfFourEvents(String district) {
        Api api = new Api(port);
        api.expect(200, "PUT", "/api/budget/districts/" + district + "/settings", "{\"goalBeforeBudget\":false}");
        assertThat(api.call("PUT", "/api/budget/districts/" + district + "/units/au-unit", "{\"name\":\"审计单位\"}")
                .status()).isIn(200, 201);
        String path = "/api/budget/districts/" + district + "/projects/P1";
        api.expect(201, "PUT", path, "{\"unitId\":\"au-unit\",\"name\":\"财政信息化建设\",\"category\":\"专项资金\",\"fiscalYear\":2023}");
        api.expect(201, "POST", path + "/appropriations", "{\"amount\":\"550000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        api.expect(201, "POST", path + "/adjustments", "{\"amount\":-100100.00,\"basis\":\"MID_YEAR\",\"reason\":\"年中调减\",\"date\":\"2023-06-30\"}");
        api.expect(201, "POST", path + "/expenditures", "{\"amount\":300000,\"date\":\"2023-08-31\"}");
        return io.jixiao.budget.project.ProjectCommands.projectKey(district, "P1");
    }

    private HttpResponse<String> get(String path, AsGateway.Caller caller) throws Exception {
        URI uri = URI.create("http://localhost:" + port + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        AsGateway.sign(request, "budget-service", "GET", uri, caller);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode verify(String district) throws Exception {
        HttpResponse<String> answer = get("/api/budget/districts/" + district + "/audit/verify", Api.ALICE);
        assertThat(answer.statusCode()).isEqualTo(200);
        return Api.JSON.readTree(answer.body());
    }

    private String export(String district) throws Exception {
        HttpResponse<String> answer = get("/api/budget/districts/" + district + "/projects/P1/audit/export", Api.ALICE);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains("budget-service-" + district + "-P1");
        return answer.body();
    }

    private Map<String, Object> row(String aggregate, long sequence) {
        return jdbc.queryForMap("SELECT eventidentifier, hash, payload FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = ?", aggregate, sequence);
    }

    private static String hex(Object bytes) {
        return CanonicalForm.hex((byte[]) bytes);
    }

    /** Online and offline name the same link; the export made before the tampering still verifies. */
    private BrokenLink brokenEverywhere(String district, String before, String eventId, String field, String expected,
                                        String found) throws Exception {
        JsonNode online = verify(district);
        System.out.println("verify " + district + ": " + online);
        assertThat(online.get("ok").asBoolean()).isFalse();
        JsonNode link = online.get("firstBroken");
        assertThat(link.get("eventId").asText()).isEqualTo(eventId);
        assertThat(link.get("field").asText()).isEqualTo(field);
        assertThat(link.get("expected").asText()).isEqualTo(expected);
        assertThat(link.get("found").asText()).isEqualTo(found);

        AuditExport.Result earlier = AuditExport.verify(before);
        assertThat(earlier.ok()).isTrue();
        assertThat(earlier.events()).isEqualTo(4);
        BrokenLink offline = AuditExport.verify(export(district)).firstBroken().orElseThrow();
        System.out.println("offline " + district + ": " + offline);
        assertThat(offline).extracting(BrokenLink::aggregateId, BrokenLink::sequence, BrokenLink::eventId,
                        BrokenLink::field, BrokenLink::expected, BrokenLink::found)
                .containsExactly(link.get("aggregateId").asText(), link.get("sequence").asLong(), eventId, field,
                        expected, found);
        return offline;
    }

    @Test
    void anUntouchedHistoryVerifiesOnlineAndOffline() throws Exception {
        String aggregate = projectOfFourEvents("430290");
        JsonNode online = verify("430290");
        assertThat(online.get("ok").asBoolean()).isTrue();
        assertThat(online.get("events").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(online.has("firstBroken")).isFalse();
        AuditExport.Result offline = AuditExport.verify(export("430290"));
        assertThat(offline.ok()).isTrue();
        assertThat(offline.events()).isEqualTo(4);
        // every stored hash links to its predecessor's, as the trigger wrote them
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT previoushash, hash FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", aggregate);
        assertThat(rows.get(0).get("previoushash")).isNull();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(hex(rows.get(i).get("previoushash"))).isEqualTo(hex(rows.get(i - 1).get("hash")));
        }
    }

    @Test
    void postgresAndJavaHashTheSameCanonicalBytes() throws Exception {
        // nulls, an empty payload and non-ASCII text: the cases where two encodings could drift apart
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) VALUES ('project:430291:中文-项目', 0, NULL, 'e-sql-0', NULL, "
                + "''::bytea, NULL, 'T', '2026-12-05T08:00:00Z')");
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) VALUES ('project:430291:中文-项目', 1, '项目', 'e-sql-1', "
                + "convert_to('{\"a\":\"年中调减\"}', 'UTF8'), convert_to('{\"b\":\"é\\\"\"}', 'UTF8'), '2', 'T', '2026-12-05T08:00:01Z')");
        JsonNode online = verify("430291");
        assertThat(online.get("ok").asBoolean()).as(online.toString()).isTrue();
        assertThat(online.get("events").asLong()).isEqualTo(2);
    }

    @Test
    void oneChangedPayloadByteIsNamed() throws Exception {
        String aggregate = projectOfFourEvents("430281");
        String before = export("430281");
        Map<String, Object> adjusted = row(aggregate, 2);
        byte[] payload = ((byte[]) adjusted.get("payload")).clone();
        String text = new String(payload, StandardCharsets.UTF_8);
        int digit = text.indexOf("10010000");  // amountFen -10010000: one digit changed
        assertThat(digit).isPositive();
        payload[digit] = '2';
        jdbc.update("UPDATE domainevententry SET payload = ? WHERE aggregateidentifier = ? AND sequencenumber = 2",
                payload, aggregate);
        String recomputed = jdbc.queryForObject("SELECT encode(jixiao_event_hash(aggregateidentifier, sequencenumber, "
                + "type, eventidentifier, payloadtype, payloadrevision, timestamp, metadata, payload, previoushash), 'hex') "
                + "FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2", String.class, aggregate);
        brokenEverywhere("430281", before, (String) adjusted.get("eventidentifier"), "hash", recomputed,
                hex(adjusted.get("hash")));
    }

    @Test
    void oneDeletedEventIsNamed() throws Exception {
        String aggregate = projectOfFourEvents("430282");
        String before = export("430282");
        String after = (String) row(aggregate, 2).get("eventidentifier");
        jdbc.update("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 1", aggregate);
        BrokenLink link = brokenEverywhere("430282", before, after, "sequence", "1", "2");
        assertThat(link.explanation()).contains("missing");
    }

    @Test
    void twoSwappedEventsAreNamed() throws Exception {
        String aggregate = projectOfFourEvents("430283");
        String before = export("430283");
        Map<String, Object> first = row(aggregate, 0);
        Map<String, Object> appropriated = row(aggregate, 1);
        Map<String, Object> adjusted = row(aggregate, 2);
        jdbc.update("UPDATE domainevententry SET sequencenumber = -1 WHERE aggregateidentifier = ? AND sequencenumber = 1", aggregate);
        jdbc.update("UPDATE domainevententry SET sequencenumber = 1 WHERE aggregateidentifier = ? AND sequencenumber = 2", aggregate);
        jdbc.update("UPDATE domainevententry SET sequencenumber = 2 WHERE aggregateidentifier = ? AND sequencenumber = -1", aggregate);
        // the adjustment now stands at sequence 1, still linking to the appropriation it followed
        brokenEverywhere("430283", before, (String) adjusted.get("eventidentifier"), "previousHash",
                hex(first.get("hash")), hex(appropriated.get("hash")));
    }

    @Test
    void oneInsertedEventIsNamed() throws Exception {
        String aggregate = projectOfFourEvents("430284");
        String before = export("430284");
        Map<String, Object> appropriated = row(aggregate, 1);
        Map<String, Object> adjusted = row(aggregate, 2);
        for (long seq = 3; seq >= 2; seq--) {
            jdbc.update("UPDATE domainevententry SET sequencenumber = sequencenumber + 1 "
                    + "WHERE aggregateidentifier = ? AND sequencenumber = ?", aggregate, seq);
        }
        // a forged appropriation at sequence 2: the trigger hashes and links it like any append
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, "
                + "payload, payloadrevision, payloadtype, timestamp) SELECT aggregateidentifier, 2, type, 'forged-1', "
                + "metadata, payload, payloadrevision, payloadtype, timestamp FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 1", aggregate);
        String forgedHash = hex(jdbc.queryForObject("SELECT hash FROM domainevententry WHERE eventidentifier = 'forged-1'",
                byte[].class));
        BrokenLink link = brokenEverywhere("430284", before, (String) adjusted.get("eventidentifier"), "previousHash",
                forgedHash, hex(appropriated.get("hash")));
        assertThat(link.previousEventId()).isEqualTo("forged-1");
    }

    @Test
    void onlyFinanceAndAuditorCallersOfTheDistrictMayVerifyOrExport() throws Exception {
        AsGateway.Caller unit = Api.ALICE.withRoles(Set.of("UNIT"));
        AsGateway.Caller otherDistrict = Api.ALICE.withDistricts(Set.of("430100"));
        AsGateway.Caller auditor = Api.ALICE.withRoles(Set.of("AUDITOR")).withDistricts(Set.of("430292"));
        for (String path : List.of("/api/budget/districts/430292/audit/verify",
                "/api/budget/districts/430292/audit/export", "/api/budget/districts/430292/projects/P1/audit/export",
                "/api/budget/districts/430292/projects/P1/audit/verify")) {
            assertThat(get(path, unit).statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, otherDistrict).statusCode()).as(path).isEqualTo(403);
            assertThat(get(path, auditor).statusCode()).as(path).isEqualTo(200);
        }
    }
}
