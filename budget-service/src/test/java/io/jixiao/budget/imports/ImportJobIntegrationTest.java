package io.jixiao.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.budget.Api;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.context.CallerContext;
import io.jixiao.support.testing.AsGateway;
import io.jixiao.support.testing.ServiceIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk imports as durable jobs on real PostgreSQL and Kafka: 202 and a job URL, progress while it runs, the results a
 * page at a time and as downloads, the upload's Idempotency-Key, the readers' refusals, and a job resumed after its
 * run died between applying a chunk and recording it (each line applied and counted once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jixiao.imports.jobs.chunk-lines=500", "jixiao.imports.jobs.poll-millis=100"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportJobIntegrationTest extends ServiceIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("budget_import_jobs");
    private static final String D = "430297";
    private static final String OTHER = "430296";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final AsGateway.Caller PLATFORM = Api.ALICE.withRoles(Set.of("INTEGRATION"))
            .withDistricts(Set.of(D));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB);
    }

    @Autowired
    ImportJobs jobs;
    @Autowired
    BulkImport bulk;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        Api api = new Api(port);
        api.expect(200, "PUT", "/api/budget/districts/" + D + "/settings", "{\"goalBeforeBudget\":false}");
    }

    /** One answer of the service, headers and body as text. */
    record Raw(int status, String contentType, String location, String replayed, String link, String body) {
        JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String text(String path) {
            JsonNode node = json();
            for (String part : path.split("\\.")) {
                node = part.matches("\\d+") ? node.path(Integer.parseInt(part)) : node.path(part);
            }
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }
    }

    private Raw send(AsGateway.Caller caller, String method, String path, String contentType, String body,
                     String... headers) {
        URI uri = URI.create("http://localhost:" + port + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(3))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        AsGateway.sign(request, "budget-service", method, uri, caller, headers);
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Raw(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Idempotent-Replayed").orElse(null),
                    r.headers().firstValue("Link").orElse(null), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Raw get(AsGateway.Caller caller, String path) {
        return send(caller, "GET", path, null, null);
    }

    private Raw upload(String body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Prefer", "respond-async"));
        all.addAll(List.of(headers));
        return send(PLATFORM, "POST", "/api/budget/imports", "application/x-ndjson", body, all.toArray(String[]::new));
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    private long jobCount() {
        return jdbc.queryForObject("SELECT count(*) FROM import_job", Long.class);
    }

    private Raw awaitDone(String location) {
        AtomicReference<Raw> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(get(PLATFORM, location));
            return "DONE".equals(last.get().text("status"));
        });
        return last.get();
    }

    private static String line(String lineId, String op, String fields) {
        return "{\"lineId\":\"" + lineId + "\",\"op\":\"" + op + "\",\"district\":\"" + D + "\"," + fields + "}\n";
    }

    /** Units, projects, their appropriations and {@code spends} spending lines of 10.00 spread over 40 projects. */
    private static String file(String prefix, int spends) {
        StringBuilder file = new StringBuilder();
        for (int u = 0; u < 4; u++) {
            file.append(line(prefix + "u" + u, "registerUnit", "\"unitId\":\"" + prefix + "unit-" + u
                    + "\",\"name\":\"单位" + u + "\""));
        }
        for (int p = 0; p < 40; p++) {
            file.append(line(prefix + "p" + p, "registerProject", "\"projectId\":\"" + prefix + "prj-" + p
                    + "\",\"unitId\":\"" + prefix + "unit-" + (p % 4) + "\",\"name\":\"项目" + p
                    + "\",\"category\":\"专项资金\",\"fiscalYear\":2023"));
            file.append(line(prefix + "a" + p, "appropriate", "\"projectId\":\"" + prefix + "prj-" + p
                    + "\",\"amount\":\"1000000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\""));
        }
        for (int i = 0; i < spends; i++) {
            file.append(line(prefix + "s" + i, "spend", "\"projectId\":\"" + prefix + "prj-" + (i % 40)
                    + "\",\"amount\":\"10.00\",\"date\":\"2023-05-01\""));
        }
        return file.toString();
    }

    @Test
    void anAsyncImportIsAJobWithProgressPagedResultsDownloadsAndAnIdempotentUpload() {
        String file = file("j", 5_896)
                + line("bad-1", "spend", "\"projectId\":\"jprj-1\",\"amount\":\"99999999.00\",\"date\":\"2023-05-01\"")
                + line("bad-2", "spend", "\"projectId\":\"jprj-2\",\"amount\":\"1.00\",\"colour\":\"red\"");
        int total = 84 + 5_896 + 2;
        long before = events();

        Raw accepted = upload(file, "Idempotency-Key", "job-1");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.location()).startsWith("/api/budget/imports/");
        assertThat(accepted.text("jobId")).isEqualTo(accepted.location().substring("/api/budget/imports/".length()));
        assertThat(accepted.text("total")).isEqualTo(String.valueOf(total));
        assertThat(accepted.text("districts.0")).isEqualTo(D);

        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode job = get(PLATFORM, accepted.location()).json();
            seen.add(job);
            return "DONE".equals(job.path("status").asText());
        });
        JsonNode running = seen.stream().filter(j -> j.path("status").asText().equals("RUNNING")
                && j.path("done").asInt() > 0 && j.path("done").asInt() < total).findFirst().orElseThrow(
                () -> new AssertionError("no progress seen while the job ran: " + seen));
        assertThat(running.path("linesPerSecond").decimalValue()).isPositive();
        assertThat(running.path("estimatedSecondsLeft").asLong()).isPositive();
        List<Integer> dones = seen.stream().map(j -> j.path("done").asInt()).toList();
        assertThat(dones).isSorted();
        JsonNode done = seen.get(seen.size() - 1);
        assertThat(done.path("done").asInt()).isEqualTo(total);
        assertThat(done.path("applied").asInt()).isEqualTo(total - 2);
        assertThat(done.path("alreadyApplied").asInt()).isZero();
        assertThat(done.path("rejected").asInt()).isEqualTo(2);
        assertThat(done.path("estimatedSecondsLeft").asLong()).isZero();
        assertThat(done.path("finishedAt").isTextual()).isTrue();
        assertThat(events() - before).isEqualTo(total - 2);
        Api api = new Api(port);
        assertThat(api.call("GET", "/api/budget/districts/" + D + "/projects/jprj-7", null).text("spent"))
                .isEqualTo("1480.00");  // 148 spending lines of 10.00

        List<JsonNode> paged = new ArrayList<>();
        String next = accepted.location() + "/results?limit=1000";
        int pages = 0;
        while (next != null) {
            Raw page = get(PLATFORM, next);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("results").forEach(paged::add);
            next = page.link() == null ? null : page.link().replaceAll("^<([^>]+)>.*$", "$1");
            pages++;
        }
        assertThat(pages).isEqualTo(6);
        assertThat(paged).hasSize(total);
        assertThat(paged.stream().map(r -> r.path("line").asInt()).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(paged).filteredOn(r -> r.path("status").asText().equals("REJECTED"))
                .extracting(r -> r.path("lineId").asText() + " " + r.path("rule").asText() + " " + r.path("field")
                        .asText()).containsExactly("bad-1 SPENDING_ABOVE_AVAILABLE amount", "bad-2 UNKNOWN_FIELD colour");

        Raw ndjson = get(PLATFORM, accepted.location() + "/results.ndjson");
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        List<String> jsonLines = ndjson.body().lines().toList();
        assertThat(jsonLines).hasSize(total);
        assertThat(jsonLines.get(0)).contains("\"status\":\"APPLIED\"", "\"lineId\":\"ju0\"");
        Raw csv = get(PLATFORM, accepted.location() + "/results.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).hasSize(total + 1);
        assertThat(rows.get(0)).isEqualTo("line,lineId,op,district,target,status,sequence,rule,field,message");
        assertThat(rows).anyMatch(r -> r.contains(",bad-2,spend," + D + ",") && r.contains("REJECTED,,UNKNOWN_FIELD,colour"));

        long jobsBefore = jobCount();
        long eventsBefore = events();
        Raw again = upload(file, "Idempotency-Key", "job-1");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.location()).isEqualTo(accepted.location());
        assertThat(again.replayed()).isEqualTo("true");
        assertThat(again.text("status")).isEqualTo("DONE");
        Raw reused = upload(file + line("extra", "spend", "\"projectId\":\"jprj-3\",\"amount\":\"1.00\""),
                "Idempotency-Key", "job-1");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.text("rule")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jobCount()).isEqualTo(jobsBefore);
        assertThat(events()).isEqualTo(eventsBefore);

        Raw resent = upload(file, "Idempotency-Key", "job-2");
        assertThat(resent.location()).isNotEqualTo(accepted.location());
        Raw second = awaitDone(resent.location());
        assertThat(second.text("applied")).isEqualTo("0");
        assertThat(second.text("alreadyApplied")).isEqualTo(String.valueOf(total - 2));
        assertThat(second.text("rejected")).isEqualTo("2");
        assertThat(events()).isEqualTo(eventsBefore);

        Raw list = get(PLATFORM, "/api/budget/imports?limit=1");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text("jobs.0.jobId")).isEqualTo(second.text("jobId"));
        assertThat(list.link()).contains("limit=1").contains("after=");
    }

    @Test
    void readersOfOtherDistrictsOtherRolesAndBadRequestsAreRefusedAndRecordNothing() {
        Raw accepted = upload(line("r1", "registerUnit", "\"unitId\":\"ref-u\",\"name\":\"拒绝单位\""));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String job = accepted.location();
        awaitDone(job);
        long events = events();
        long jobCount = jobCount();

        AsGateway.Caller bob = new AsGateway.Caller("bob@czj", Set.of("FINANCE"), Set.of(OTHER), Set.of("*"), null);
        for (String path : List.of(job, job + "/results", job + "/results.ndjson", job + "/results.csv")) {
            Raw refused = get(bob, path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.text("rule")).isEqualTo("DISTRICT_NOT_PERMITTED");
            assertThat(refused.text("errors.0.field")).isEqualTo("jobId");
        }
        assertThat(get(bob, "/api/budget/imports").json().path("jobs")).isEmpty();
        AsGateway.Caller unitClerk = new AsGateway.Caller("carol@czj", Set.of("UNIT"), Set.of(D), Set.of("*"), null);
        Raw notAReader = get(unitClerk, job);
        assertThat(notAReader.status()).isEqualTo(403);
        assertThat(notAReader.text("rule")).isEqualTo("IMPORT_READERS_ONLY");
        assertThat(get(unitClerk, "/api/budget/imports").status()).isEqualTo(403);

        AsGateway.Caller auditor = new AsGateway.Caller("dave@sjj", Set.of("AUDITOR"), Set.of(D), Set.of(), null);
        assertThat(get(auditor, job).status()).isEqualTo(200);
        AsGateway.Caller everywhere = new AsGateway.Caller("erin@czj", Set.of("FINANCE"), Set.of("*"), Set.of("*"), null);
        assertThat(get(everywhere, job + "/results").status()).isEqualTo(200);

        Raw unknown = get(PLATFORM, "/api/budget/imports/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("errors.0.field")).isEqualTo("jobId");
        assertThat(get(PLATFORM, "/api/budget/imports/not-a-job").status()).isEqualTo(404);
        Raw badLimit = get(PLATFORM, job + "/results?limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.text("errors.0.field")).isEqualTo("limit");
        Raw badAfter = get(PLATFORM, job + "/results?after=x");
        assertThat(badAfter.status()).isEqualTo(400);
        assertThat(badAfter.text("errors.0.field")).isEqualTo("after");
        Raw empty = upload("\n\n");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        Raw wrongType = send(PLATFORM, "POST", "/api/budget/imports", "application/xml", "<x/>", "Prefer",
                "respond-async");
        assertThat(wrongType.status()).isEqualTo(415);

        assertThat(events()).isEqualTo(events);
        assertThat(jobCount()).isEqualTo(jobCount);
    }

    @Test
    void theApiDescriptionNamesTheJobPathsAndTheAcceptedAnswer() {
        JsonNode doc = new Api(port).expect(200, "GET", "/v3/api-docs", null).body();
        JsonNode paths = doc.get("paths");
        for (String path : List.of("/api/budget/imports/{jobId}", "/api/budget/imports/{jobId}/results",
                "/api/budget/imports/{jobId}/results.ndjson", "/api/budget/imports/{jobId}/results.csv")) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).get("get").get("responses").has("400")).as(path).isTrue();
        }
        assertThat(paths.get("/api/budget/imports").has("get")).isTrue();
        JsonNode post = paths.get("/api/budget/imports").get("post");
        assertThat(post.get("responses").has("202")).isTrue();
        assertThat(post.get("responses").get("202").get("headers").has("Location")).isTrue();
        assertThat(doc.get("components").get("schemas").has("ImportJob")).isTrue();
    }

    /**
     * Two jobs no worker can take yet (their advisory locks held here): each answers PENDING with where it waits (the
     * later one behind the earlier) and since when, and no queue once a worker has run it.
     */
    @Test
    void aJobNotYetTakenUpSaysItIsQueuedBehindTheJobsBeforeIt() throws Exception {
        CallerContext uploader = new CallerContext("alice@czj", Set.of("INTEGRATION"), Set.of(D), Set.of("*"), null,
                null, null);
        try (Connection claim = dataSource.getConnection()) {
            List<ImportJobs.Job> queued = tx.execute(status -> List.of(queuedJob(uploader, "q", claim),
                    queuedJob(uploader, "r", claim)));
            Raw first = get(PLATFORM, "/api/budget/imports/" + queued.get(0).id());
            Raw second = get(PLATFORM, "/api/budget/imports/" + queued.get(1).id());

            assertThat(first.text("status")).isEqualTo("PENDING");
            assertThat(second.text("status")).isEqualTo("PENDING");
            long ahead = first.json().path("queue").path("jobsAhead").asLong(-1);
            assertThat(ahead).isGreaterThanOrEqualTo(0);
            assertThat(second.json().path("queue").path("jobsAhead").asLong()).isEqualTo(ahead + 1);
            assertThat(second.json().path("queue").path("waitingSeconds").isIntegralNumber()).isTrue();
            assertThat(second.json().path("queue").path("waitingSeconds").asLong()).isBetween(0L, 60L);
            assertThat(get(PLATFORM, "/api/budget/imports").json().path("jobs").path(0).path("queue")
                    .path("jobsAhead").asLong()).isEqualTo(ahead + 1);

            try (PreparedStatement unlock = claim.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                unlock.execute();
            }
            for (ImportJobs.Job job : queued) {
                Raw done = awaitDone("/api/budget/imports/" + job.id());
                assertThat(done.json().has("queue")).as(done.body()).isFalse();
                assertThat(done.text("applied")).isEqualTo("90");
            }
        }
    }

    /** A job of 90 lines created PENDING and locked on {@code claim}, so that no worker takes it up. */
    private ImportJobs.Job queuedJob(CallerContext uploader, String prefix, Connection claim) {
        byte[] body = file(prefix, 6).getBytes(StandardCharsets.UTF_8);
        ImportJobs.Job created = jobs.create(new ImportJobs.Upload(uploader, "f-" + prefix, Set.of(D),
                ImportController.NDJSON, "UTF-8", body, 90)).job();
        try (PreparedStatement lock = claim.prepareStatement("SELECT pg_advisory_lock(hashtext('import_job'), ?)")) {
            lock.setInt(1, created.no());
            lock.execute();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return created;
    }

    /**
     * A run that died: the first chunk recorded, the second applied by the job but not recorded, the rest not sent.
     * Resumed by the worker, the job applies the rest, answers the second chunk's lines as APPLIED (its own events),
     * and every line is applied and counted once.
     */
    @Test
    void aJobWhoseRunDiedResumesWhereItStoppedAndCountsEveryLineOnce() throws Exception {
        String file = file("k", 1_416);
        byte[] body = file.getBytes(StandardCharsets.UTF_8);
        int total = 1_500;
        long before = events();
        CallerContext uploader = new CallerContext("alice@czj", Set.of("INTEGRATION"), Set.of(D), Set.of("*"), null,
                "c-1", null);
        try (Connection claim = dataSource.getConnection()) {
            ImportJobs.Job job = tx.execute(status -> {
                ImportJobs.Job created = jobs.create(new ImportJobs.Upload(uploader, "f-1", Set.of(D),
                        ImportController.NDJSON, "UTF-8", body, total)).job();
                try (PreparedStatement lock = claim.prepareStatement(
                        "SELECT pg_advisory_lock(hashtext('import_job'), ?)")) {
                    lock.setInt(1, created.no());
                    lock.execute();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                return created;
            });
            List<ImportLine> lines = ImportParser.jsonLines(new java.io.StringReader(file), total);
            CallerContext asJob = jobs.payload(job).caller();
            jobs.started(job.no());
            jobs.sending(job.no(), 500);
            jobs.record(job.no(), bulk.apply(lines.subList(0, 500), asJob).results(), 1000);
            jobs.sending(job.no(), 1000);
            assertThat(bulk.apply(lines.subList(500, 1000), asJob).applied()).isEqualTo(500);
            assertThat(events() - before).isEqualTo(1000);
            try (PreparedStatement unlock = claim.prepareStatement(
                    "SELECT pg_advisory_unlock(hashtext('import_job'), ?)")) {
                unlock.setInt(1, job.no());
                unlock.execute();
            }

            Raw done = awaitDone("/api/budget/imports/" + job.id());
            assertThat(done.text("runs")).isEqualTo("2");
            assertThat(done.text("done")).isEqualTo("1500");
            assertThat(done.text("applied")).isEqualTo("1500");
            assertThat(done.text("alreadyApplied")).isEqualTo("0");
            assertThat(events() - before).isEqualTo(1500);
            List<String> requestIds = jdbc.queryForList("SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'requestId' "
                    + "FROM domainevententry WHERE convert_from(metadata, 'UTF8')::jsonb ->> 'correlationId' = ?",
                    String.class, "import-job:" + job.id());
            assertThat(requestIds).hasSize(1500);
            assertThat(new HashSet<>(requestIds)).hasSize(1500);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM import_job_result WHERE job_no = ?", Integer.class,
                    job.no())).isEqualTo(1500);
            Api api = new Api(port);
            assertThat(api.call("GET", "/api/budget/districts/" + D + "/projects/kprj-0", null).text("spent"))
                    .isEqualTo("360.00");  // 36 spending lines of 10.00
        }
    }
}
