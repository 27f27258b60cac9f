package io.jixiao.disclosure.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.disclosure.fixture.FixtureEvents;
import io.jixiao.disclosure.journal.EventCodec;
import io.jixiao.disclosure.journal.JournalEvent;
import io.jixiao.disclosure.journal.store.DistrictJournal;
import io.jixiao.events.EventTypes;
import io.jixiao.events.Topics;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The narrative-check endpoint against real PostgreSQL and Kafka (embedded): 芦淞区's records in the journal; the
 * seed text is checked as text and as .docx; checks are
 * kept once per Idempotency-Key; bad input is refused as problem+json and keeps nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext  // closed after this class, so its consumers leave the projections' groups for other test classes
class NarrativeCheckEndpointTest extends ServiceIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("disclosure_narrative");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LUSONG = "430203";
    private static final String CHECKS = "/api/disclosure/districts/" + LUSONG + "/years/2023/narrative-checks";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static boolean loaded;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB);
    }

    @Autowired
    ObjectMapper json;

    record Answer(int status, String contentType, String text, String replayed) {
        JsonNode body() {
            try {
                return new ObjectMapper().readTree(text);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }
    }

    /**
     * The one place the caller is set: who the gateway says is calling (a FINANCE user of 芦淞区), for one request
     * (method, address, Idempotency-Key). Everything identity-related of this test is here, so a change of how the
     * gateway vouches for callers changes only this method (and the caller-key properties above).
     */
    private static HttpRequest.Builder asCaller(HttpRequest.Builder request, String method, URI uri,
                                                String idempotencyKey) {
        io.jixiao.support.testing.AsGateway.Caller caller = new io.jixiao.support.testing.AsGateway.Caller(
                "checker@czj", java.util.Set.of("FINANCE"), java.util.Set.of(LUSONG), java.util.Set.of(), null);
        return idempotencyKey == null
                ? io.jixiao.support.testing.AsGateway.sign(request, "disclosure-service", method, uri, caller)
                : io.jixiao.support.testing.AsGateway.sign(request, "disclosure-service", method, uri, caller,
                        "Idempotency-Key", idempotencyKey);
    }

    private Answer call(String method, String path, String contentType, byte[] body, String idempotencyKey)
            throws Exception {
        URI uri = URI.create("http://localhost:" + port + path);
        HttpRequest.Builder b = asCaller(HttpRequest.newBuilder(uri), method, uri, idempotencyKey);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers().firstValue("Idempotent-Replayed").orElse(null));
    }

    private Answer post(String path, String contentType, byte[] body, String key) throws Exception {
        return call("POST", path, contentType, body, key);
    }

    private long kept() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM narrative_check", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * 芦淞区's records are written into the journal as the Kafka projection writes them. Not over the topics: the
     * projections' consumer groups are fixed names, so another test class's application context still cached in
     * this JVM would take a share of the partitions and this context would never see all of the events.
     */
    @BeforeEach
    void loadLusong() throws Exception {
        if (loaded) {
            return;
        }
        FixtureEvents fixture = FixtureEvents.load("lusong-2023");
        List<DistrictJournal.Row> rows = new ArrayList<>();
        for (JournalEvent e : fixture.events()) {
            if (EventCodec.shared().isOwn(e.type())) {
                continue;
            }
            String topic = EventTypes.BUDGET.stream().anyMatch(t -> t.getSimpleName().equals(e.type()))
                    ? Topics.BUDGET_EVENTS : Topics.EVALUATION_EVENTS;
            rows.add(new DistrictJournal.Row(e.eventId(), DistrictJournal.TOPICS, LUSONG, topic, e.type(),
                    e.aggregateId().split(":")[0], e.aggregateId(), e.sequence(), e.occurredAt(),
                    json.writeValueAsString(e.payload()), null));
        }
        DistrictJournal.appendAll(jdbc, rows);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM district_event WHERE district_code = ?", Long.class,
                LUSONG)).isEqualTo(rows.size());
        loaded = true;
    }

    private static List<String> findings(JsonNode check) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : check.path("claims")) {
            String v = c.path("verdict").asText();
            if (v.equals("CONTRADICTED") || v.equals("INCONSISTENT")) {
                out.add(v + " " + c.path("text").asText() + " " + c.path("reason").asText());
            }
        }
        return out;
    }

    @Test
    void theSeedIsCheckedKeptAndReadBackAsJsonAndAsAPage() throws Exception {
        String seed = NarrativeSeeds.resource("/seeds/lusong-2023-finance-bureau-self-evaluation.txt");
        long before = kept();
        Answer a = post(CHECKS, "text/plain; charset=utf-8", seed.getBytes(StandardCharsets.UTF_8), null);
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        JsonNode check = a.body();
        assertThat(kept()).isEqualTo(before + 1);
        NarrativeResult pure = NarrativeChecker.check(seed, NarrativeSeeds.Seed.LUSONG.records());
        assertThat(findings(check)).containsExactlyElementsOf(pure.findings().stream()
                .map(c -> c.verdict() + " " + c.text() + " " + c.reason()).toList()).hasSize(3);
        assertThat(check.path("claims").size()).isEqualTo(pure.claims().size());
        assertThat(check.path("checkedBy").asText()).isEqualTo("checker@czj");
        assertThat(check.path("districtName").asText()).isEqualTo("芦淞区");
        assertThat(check.path("draft").path("format").asText()).isEqualTo("TEXT");
        assertThat(check.path("records").path("eventsFolded").asLong()).isPositive();
        JsonNode staffing = null;
        for (JsonNode c : check.path("claims")) {
            if (c.path("text").asText().equals("37人")) {
                staffing = c;
            }
        }
        assertThat(staffing).isNotNull();
        assertThat(staffing.path("expected").path("field").asText()).isEqualTo("UnitRegistered.staffingAuthorized");
        assertThat(staffing.path("expected").path("events").get(0).asText()).startsWith("UnitRegistered:");
        assertThat(seed.substring(staffing.path("start").asInt(), staffing.path("end").asInt())).isEqualTo("37人");

        String id = check.path("checkId").asText();
        Answer back = call("GET", CHECKS + "/" + id, null, null, null);
        assertThat(back.status()).isEqualTo(200);
        assertThat(findings(back.body())).isEqualTo(findings(check));
        Answer list = call("GET", CHECKS, null, null, null);
        assertThat(list.body().findValuesAsText("checkId")).contains(id);
        Answer page = call("GET", CHECKS + "/" + id + "?format=html", null, null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("lang=\"zh-CN\"", "芦淞区", "自相矛盾", "与记录不符", "class=\"v-INCONSISTENT\"",
                "checker@czj");
    }

    @Test
    void asOfChecksAgainstTheRecordsAsTheyStoodThen() throws Exception {
        byte[] draft = "2023年度单位一般公共预算财政拨款支出959.93万元。".getBytes(StandardCharsets.UTF_8);
        Answer now = post(CHECKS, "text/plain", draft, null);
        Answer before = post(CHECKS + "?asOf=2023-12-30", "text/plain", draft, null);
        assertThat(now.status()).isEqualTo(201);
        assertThat(before.status()).as(before.text()).isEqualTo(201);
        assertThat(before.body().path("asOf").asText()).isEqualTo("2023-12-30T15:59:59.999999999Z");
        assertThat(before.body().path("records").path("eventsFolded").asLong())
                .isLessThan(now.body().path("records").path("eventsFolded").asLong());
        JsonNode spentNow = now.body().path("claims").get(0);
        JsonNode spentBefore = before.body().path("claims").get(0);
        assertThat(spentNow.path("verdict").asText()).isEqualTo("CONSISTENT");
        // the year's spending is dated 2023-12-31: on the 30th the records held none of it
        assertThat(spentBefore.path("verdict").asText()).isEqualTo("CONTRADICTED");
        assertThat(spentBefore.path("expected").path("value").asText()).isEqualTo("0.00");
    }

    @Test
    void theSameDraftAsDocxGivesTheSameClaims() throws Exception {
        String seed = NarrativeSeeds.resource("/seeds/lusong-2023-finance-bureau-self-evaluation.txt");
        Answer text = post(CHECKS, "text/plain", seed.getBytes(StandardCharsets.UTF_8), null);
        Answer docx = post(CHECKS, DOCX, Docx.ofText(seed), null);
        assertThat(text.status()).isEqualTo(201);
        assertThat(docx.status()).as(docx.text()).isEqualTo(201);
        assertThat(docx.body().path("draft").path("format").asText()).isEqualTo("DOCX");
        assertThat(docx.body().path("claims")).isEqualTo(text.body().path("claims"));
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyKeepsOneCheck() throws Exception {
        byte[] draft = "芦淞区财政局共有编制人数37人，实有人数36人。".getBytes(StandardCharsets.UTF_8);
        long before = kept();
        Answer first = post(CHECKS, "text/plain", draft, "narrative-retry-1");
        Answer again = post(CHECKS, "text/plain", draft, "narrative-retry-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.body().path("checkId").asText()).isEqualTo(first.body().path("checkId").asText());
        assertThat(kept()).isEqualTo(before + 1);
        Answer other = post(CHECKS, "text/plain", "实有人数35人。".getBytes(StandardCharsets.UTF_8),
                "narrative-retry-1");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(kept()).isEqualTo(before + 1);
    }

    @Test
    void badInputIsRefusedAsProblemJsonNamingTheFieldAndKeepsNothing() throws Exception {
        long before = kept();
        assertProblem(post(CHECKS, "text/plain", new byte[0], null), 400, "draft");
        assertProblem(post(CHECKS, "text/plain", " \n\t ".getBytes(StandardCharsets.UTF_8), null), 400, "draft");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertProblem(post(CHECKS, "image/png", png, null), 415, "draft");
        assertProblem(post(CHECKS, "text/plain", png, null), 400, "draft");
        assertProblem(post(CHECKS, DOCX, "不是Word文档".getBytes(StandardCharsets.UTF_8), null), 400, "draft");
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'a');
        assertProblem(post(CHECKS, "text/plain", tenMegabytes, null), 413, "draft");
        byte[] draft = "编制人数37人。".getBytes(StandardCharsets.UTF_8);
        assertProblem(post("/api/disclosure/districts/430999/years/2023/narrative-checks", "text/plain", draft, null),
                404, "districtCode");
        assertProblem(post("/api/disclosure/districts/" + LUSONG + "/years/2031/narrative-checks", "text/plain", draft,
                null), 404, "year");
        assertProblem(post("/api/disclosure/districts/43020/years/2023/narrative-checks", "text/plain", draft, null),
                400, "districtCode");
        assertProblem(post(CHECKS + "?asOf=yesterday", "text/plain", draft, null), 400, "asOf");
        assertThat(kept()).as("nothing kept for refused drafts").isEqualTo(before);
    }

    private static void assertProblem(Answer a, int status, String field) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    @Test
    void openApiDocumentsTheEndpointsTheDraftTypesAndTheRefusals() throws Exception {
        JsonNode api = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String base = "/api/disclosure/districts/{districtCode}/years/{year}/narrative-checks";
        assertThat(api.get("paths").fieldNames()).toIterable().contains(base, base + "/{checkId}");
        JsonNode post = api.path("paths").path(base).path("post");
        assertThat(post.path("requestBody").path("content").fieldNames()).toIterable()
                .contains("text/plain", DOCX);
        for (String status : List.of("400", "404", "409", "413", "415")) {
            assertThat(post.path("responses").path(status).path("content").path("application/problem+json")
                    .path("schema").path("$ref").asText()).as(status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(api.at("/components/schemas/NarrativeCheckView/properties").fieldNames()).toIterable()
                .contains("checkId", "checkedBy", "checkedAt", "asOf", "records", "claims");
    }
}
