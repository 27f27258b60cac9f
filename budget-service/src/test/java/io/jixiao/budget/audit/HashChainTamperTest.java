package io.jixiao.budget.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.audit.AuditExport;
import io.jixiao.audit.BrokenLink;
import io.jixiao.audit.CanonicalForm;
import io.jixiao.budget.Api;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.AsGateway;
import io.jixiao.support.testing.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
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
class HashChainTamperTest extends ServiceIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("budget_audit");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB);
    }

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

    /** The first broken link {@code verify} names: it must name one, with this field, expected and found value. */
    private JsonNode brokenOnline(String district, String field, String expected, String found) throws Exception {
        JsonNode online = verify(district);
        System.out.println("verify " + district + ": " + online);
        assertThat(online.get("ok").asBoolean()).isFalse();
        JsonNode link = online.get("firstBroken");
        assertThat(link.get("field").asText()).isEqualTo(field);
        assertThat(link.get("expected").asText()).isEqualTo(expected);
        assertThat(link.path("found").asText(null)).isEqualTo(found);
        return link;
    }

    /** The first broken link the offline verifier names in an export (it must name one). */
    private static BrokenLink brokenOffline(String district, String export) {
        BrokenLink offline = AuditExport.verify(export).firstBroken().orElseThrow();
        System.out.println("offline " + district + ": " + offline);
        return offline;
    }

    /** Online and offline name the same link; the export made before the tampering still verifies. */
    private BrokenLink brokenEverywhere(String district, String before, String eventId, String field, String expected,
                                        String found) throws Exception {
        JsonNode link = brokenOnline(district, field, expected, found);
        assertThat(link.get("eventId").asText()).isEqualTo(eventId);

        AuditExport.Result earlier = AuditExport.verify(before);
        assertThat(earlier.ok()).isTrue();
        assertThat(earlier.events()).isEqualTo(4);
        BrokenLink offline = brokenOffline(district, export(district));
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

    private HttpResponse<String> postAnchor(String district, AsGateway.Caller caller, String... headers)
            throws Exception {
        URI uri = URI.create("http://localhost:" + port + "/api/budget/districts/" + district + "/audit/anchors");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody());
        AsGateway.sign(request, "budget-service", "POST", uri, caller, headers);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode anchor(String district) throws Exception {
        HttpResponse<String> answer = postAnchor(district, Api.ALICE);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return Api.JSON.readTree(answer.body());
    }

    private String exportDistrict(String district) throws Exception {
        HttpResponse<String> answer = get("/api/budget/districts/" + district + "/audit/export", Api.ALICE);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    /** Online and offline name the same anchor and field; the district export made before still verifies. */
    private void anchorBrokenEverywhere(String district, String before, long sequence, String field, String expected,
                                        String found) throws Exception {
        JsonNode link = brokenOnline(district, field, expected, found);
        assertThat(link.get("aggregateId").asText()).isEqualTo("anchor:" + district);
        assertThat(link.get("sequence").asLong()).isEqualTo(sequence);

        AuditExport.Result earlier = AuditExport.verify(before);
        assertThat(earlier.firstBroken()).isEmpty();
        assertThat(earlier.anchors()).isEqualTo(3);
        BrokenLink offline = brokenOffline(district, exportDistrict(district));
        assertThat(offline).extracting(BrokenLink::aggregateId, BrokenLink::sequence, BrokenLink::field,
                BrokenLink::expected, BrokenLink::found).containsExactly("anchor:" + district, sequence, field,
                expected, found);
    }

    /** Four events, anchored; an expenditure, anchored; another, anchored: anchors 0, 1, 2. */
    private String threeAnchors(String district) throws Exception {
        String aggregate = projectOfFourEvents(district);
        Api api = new Api(port);
        String path = "/api/budget/districts/" + district + "/projects/P1/expenditures";
        assertThat(anchor(district).get("sequence").asLong()).isZero();
        api.expect(201, "POST", path, "{\"amount\":1000,\"date\":\"2023-09-30\"}");
        assertThat(anchor(district).get("sequence").asLong()).isEqualTo(1);
        api.expect(201, "POST", path, "{\"amount\":2000,\"date\":\"2023-10-31\"}");
        JsonNode last = anchor(district);
        assertThat(last.get("sequence").asLong()).isEqualTo(2);
        JsonNode online = verify(district);
        assertThat(online.get("ok").asBoolean()).as(online.toString()).isTrue();
        assertThat(online.get("anchors").asLong()).isEqualTo(3);
        return aggregate;
    }

    @Test
    void oneReplacedAnchorIsNamed() throws Exception {
        String district = "430285";
        threeAnchors(district);
        String before = exportDistrict(district);
        // an insider re-signs anchor 1 over a forged head with a key of their own, keeps the real key id and the
        // link to anchor 0, and recomputes the anchor's hash: only the signature can give it away
        Map<String, Object> real = jdbc.queryForMap("SELECT * FROM audit_anchor WHERE district = ? AND sequence = 1",
                district);
        List<io.jixiao.audit.Anchor.Head> heads = new java.util.ArrayList<>(
                io.jixiao.support.audit.AnchorStore.headsOf((String) real.get("heads")));
        io.jixiao.audit.Anchor.Head first = heads.get(0);
        byte[] forgedHash = first.hash().clone();
        forgedHash[0] ^= 1;
        heads.set(0, new io.jixiao.audit.Anchor.Head(first.aggregateId(), first.sequence(), forgedHash));
        byte[] root = io.jixiao.audit.MerkleTree.root(heads);
        String keyId = (String) real.get("key_id");
        byte[] signed = io.jixiao.audit.Anchor.signedBytes("budget-service", district, 1, (String) real.get("anchored_at"),
                heads.size(), root, keyId, (byte[]) real.get("previous_hash"));
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(io.jixiao.support.audit.SigningKeys.generate().getPrivate());
        signer.update(signed);
        byte[] signature = signer.sign();
        jdbc.execute("ALTER TABLE audit_anchor DISABLE TRIGGER audit_anchor_append_only");
        jdbc.update("UPDATE audit_anchor SET heads = ?, root = ?, signature = ?, hash = ? WHERE district = ? "
                        + "AND sequence = 1", io.jixiao.support.audit.AnchorStore.headsText(heads), root,
                signature, io.jixiao.audit.Anchor.hash(signed, signature), district);
        jdbc.execute("ALTER TABLE audit_anchor ENABLE TRIGGER audit_anchor_append_only");
        anchorBrokenEverywhere(district, before, 1, "anchor.signature", "a valid Ed25519 signature by " + keyId,
                hex(signature));
    }

    @Test
    void eventsRemovedFromTheEndOfAnAnchoredChainAreNamed() throws Exception {
        String district = "430286";
        String aggregate = threeAnchors(district);
        String before = exportDistrict(district);
        long last = jdbc.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregate);
        Map<String, Object> head = row(aggregate, last);
        // the chain still holds without its last event: only the signed head shows it is gone
        jdbc.update("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = ?", aggregate, last);
        anchorBrokenEverywhere(district, before, 2, "anchor.head", aggregate + "@" + last + "/" + hex(head.get("hash")),
                null);
    }

    @Test
    void onlyFinanceCallersOfTheDistrictSignAnchorsAndARetrySignsOnce() throws Exception {
        String district = "430287";
        projectOfFourEvents(district);
        AsGateway.Caller auditor = Api.ALICE.withRoles(Set.of("AUDITOR"));
        AsGateway.Caller unit = Api.ALICE.withRoles(Set.of("UNIT"));
        AsGateway.Caller financeElsewhere = Api.ALICE.withRoles(Set.of("FINANCE")).withDistricts(Set.of("430100"));
        for (AsGateway.Caller refused : List.of(auditor, unit, financeElsewhere)) {
            HttpResponse<String> answer = postAnchor(district, refused);
            assertThat(answer.statusCode()).as(refused.toString()).isEqualTo(403);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_anchor WHERE district = ?", Long.class, district))
                .isZero();
        AsGateway.Caller finance = Api.ALICE.withRoles(Set.of("FINANCE")).withDistricts(Set.of(district));
        HttpResponse<String> first = postAnchor(district, finance, "Idempotency-Key", "anchor-once");
        HttpResponse<String> retry = postAnchor(district, finance, "Idempotency-Key", "anchor-once");
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(Api.JSON.readTree(retry.body())).isEqualTo(Api.JSON.readTree(first.body()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_anchor WHERE district = ?", Long.class, district))
                .isEqualTo(1);
        // the keys: readable by an auditor of the district, the signing key among them
        HttpResponse<String> keys = get("/api/budget/districts/" + district + "/audit/keys",
                auditor.withDistricts(Set.of(district)));
        assertThat(keys.statusCode()).isEqualTo(200);
        JsonNode key = Api.JSON.readTree(keys.body()).get(0);
        assertThat(key.get("keyId").asText()).isEqualTo(Api.JSON.readTree(first.body()).get("keyId").asText());
        assertThat(io.jixiao.audit.PublicKeys.keyId(io.jixiao.audit.PublicKeys.decode(key.get("publicKey").asText())))
                .isEqualTo(key.get("keyId").asText());
        assertThat(get("/api/budget/districts/" + district + "/audit/keys", unit).statusCode()).isEqualTo(403);
    }
}
