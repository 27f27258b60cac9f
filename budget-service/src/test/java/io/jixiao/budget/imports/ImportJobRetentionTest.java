package io.jixiao.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jixiao.budget.Api;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.AsGateway;
import java.time.Duration;
import java.time.Instant;
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
 * A finished import job's uploaded file and line results are kept for the retention period (4 s here, 30 days by
 * default) and then removed by the sweep; the job stays readable with its counts and {@code filesRemoved: true}, its
 * results answer 410, and its Idempotency-Key still answers it without applying anything again. Real PostgreSQL and
 * Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jixiao.imports.jobs.poll-millis=100", "jixiao.imports.jobs.retention=PT4S",
        "jixiao.imports.jobs.retention-sweep=PT0.5S"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImportJobRetentionTest {
    private static final String DB = SharedTestInfra.freshDatabase("budget_import_retention");
    private static final String D = "430295";
    private static final Duration RETENTION = Duration.ofSeconds(4);
    private static final AsGateway.Caller PLATFORM = Api.ALICE.withRoles(Set.of("INTEGRATION"))
            .withDistricts(Set.of(D));
    private static final String FILE = String.join("\n",
            "{\"lineId\":\"r-u1\",\"op\":\"registerUnit\",\"district\":\"" + D + "\",\"unitId\":\"czj\",\"name\":\"财政局\"}",
            "{\"lineId\":\"r-p1\",\"op\":\"registerProject\",\"district\":\"" + D + "\",\"unitId\":\"czj\","
                    + "\"projectId\":\"p1\",\"name\":\"道路维护\",\"category\":\"专项资金\",\"fiscalYear\":2026}",
            "{\"lineId\":\"r-a1\",\"op\":\"appropriate\",\"district\":\"" + D + "\",\"projectId\":\"p1\","
                    + "\"amount\":\"1000.00\",\"source\":\"一般公共预算\",\"date\":\"2026-03-01\"}") + "\n";

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

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void aFinishedJobsFileAndResultsAreRemovedAfterTheRetentionPeriodAndItsStatusStaysReadable() {
        new Api(port).expect(200, "PUT", "/api/budget/districts/" + D + "/settings", "{\"goalBeforeBudget\":false}");
        Api platform = new Api(port, PLATFORM);
        Api.Answer accepted = platform.send("POST", "/api/budget/imports", "application/x-ndjson", FILE,
                "Prefer", "respond-async", "Idempotency-Key", "retention-1");
        assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(202);
        String job = "/api/budget/imports/" + accepted.text("jobId");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> "DONE".equals(platform.call("GET", job, null).text("status")));

        // within the period: the file and the results are there
        Api.Answer done = platform.call("GET", job, null);
        assertThat(done.text("filesRemoved")).isEqualTo("false");
        assertThat(done.text("results")).isEqualTo(job + "/results");
        assertThat(platform.call("GET", job + "/results", null).body().path("results")).hasSize(3);
        assertThat(count("SELECT count(*) FROM import_job WHERE body IS NOT NULL")).isEqualTo(1);
        long events = count("SELECT count(*) FROM domainevententry");

        // after it: removed by the sweep, the counts kept
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "true".equals(platform.call("GET", job, null).text("filesRemoved")));
        Api.Answer removed = platform.call("GET", job, null);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.text("status")).isEqualTo("DONE");
        assertThat(removed.text("total")).isEqualTo("3");
        assertThat(removed.text("applied")).isEqualTo("3");
        assertThat(removed.text("results")).isNull();
        Instant finished = jdbc.queryForObject("SELECT finished_at FROM import_job", java.sql.Timestamp.class)
                .toInstant();
        Instant swept = jdbc.queryForObject("SELECT files_removed_at FROM import_job", java.sql.Timestamp.class)
                .toInstant();
        System.out.printf("files removed %d ms after the job finished (retention %s)%n",
                Duration.between(finished, swept).toMillis(), RETENTION);
        assertThat(Duration.between(finished, swept)).isGreaterThanOrEqualTo(RETENTION);
        assertThat(count("SELECT count(*) FROM import_job WHERE body IS NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM import_job_result")).isZero();
        for (String results : new String[] {"/results", "/results.ndjson", "/results.csv"}) {
            Api.Answer gone = platform.call("GET", job + results, null);
            assertThat(gone.status()).as(results).isEqualTo(410);
            assertThat(gone.contentType()).startsWith("application/problem+json");
            assertThat(gone.text("rule")).isEqualTo("IMPORT_FILES_REMOVED");
            assertThat(gone.body().path("errors").findValuesAsText("field")).containsExactly("jobId");
        }

        // the upload retried under its key answers the same job and applies nothing again
        Api.Answer retried = platform.send("POST", "/api/budget/imports", "application/x-ndjson", FILE,
                "Prefer", "respond-async", "Idempotency-Key", "retention-1");
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.text("jobId")).isEqualTo(accepted.text("jobId"));
        assertThat(retried.text("filesRemoved")).isEqualTo("true");
        assertThat(count("SELECT count(*) FROM import_job")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM domainevententry")).isEqualTo(events);
    }
}
