package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jixiao.gateway.security.TokenSpec;
import io.jixiao.infra.PlainTextScan;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.local.e2e.RunningStack.Answer;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 加密删除 across the three services, end to end through the gateway: a person's name and phone number are on a goal's
 * form (evaluation-service: a declaration and a revision, the {@code goal_view} row) and on a disclosure package
 * (disclosure-service: its event, the {@code disclosure_package} row, its journal row), so in three events and two read
 * models. The person also acts, through the gateway with a token naming them ({@code name}), in the three services, so
 * their name is sealed into the metadata of budget, evaluation and disclosure events too, and budget-service's project
 * history shows it. After FINANCE erased the person, neither text is in any row of any table of the three databases
 * nor in any file of the broker's log directory, the history shows 已删除, every service's chains verify, and the
 * district report is byte for byte what it was. A plain text recorded next to them is found by the same scans, so the
 * scans can fail.
 */
class PersonalDataErasureIT {
    private static final String D = "430203";
    private static final String PERSON = "staff-e2e-9";
    private static final String NAME = "司马删除";
    private static final String PHONE = "13807311234";
    /** Recorded as ordinary text (a goal's indicator name): the scans must find it. */
    private static final String MARKER = "加密删除验收指标";
    private static RunningStack stack;
    private static String finance;
    /** The person themselves: a bureau clerk whose token names them. */
    private static String person;

    @BeforeAll
    static void start() {
        try {
            // a broker of its own: its log directory holds only this test's topics
            stack = RunningStack.startOnOwnBroker("erasure");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        finance = stack.token(TokenSpec.of("finance-e2e", List.of("FINANCE", "UNIT", "AUDITOR"), List.of(D))
                .withUnits(List.of("*")));
        person = stack.token(TokenSpec.of(PERSON, List.of("FINANCE", "UNIT"), List.of(D)).withUnits(List.of("*"))
                .withName(NAME));
        // each call is safe to repeat (a PUT, or a POST under its Idempotency-Key): on a loaded machine the first
        // calls after start-up may time out at the gateway (504) and are sent again
        settled(() -> stack.call("PUT", "/api/budget/districts/" + D + "/settings", "{\"goalBeforeBudget\":false}"));
        settled(() -> stack.call("PUT", "/api/budget/districts/" + D + "/units/czj", "{\"name\":\"株洲市芦淞区财政局\"}"));
        settled(() -> stack.call("PUT", "/api/budget/districts/" + D + "/projects/P",
                "{\"unitId\":\"czj\",\"name\":\"示例项目\",\"category\":\"专项资金\",\"fiscalYear\":2026}"));
        settled(() -> stack.call("POST", "/api/budget/districts/" + D + "/projects/P/appropriations",
                "{\"amount\":\"550000.00\",\"source\":\"一般公共预算\"}", "Idempotency-Key", "erasure-a1"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anErasedPersonIsInNoDatabaseAndNoTopicWhileChainsAndTheReportStayAsTheyWere() throws Exception {
        String goal = "/api/evaluation/districts/" + D + "/goals/g-erasure";
        ok(stack.callAs(person, "PUT", goal, goal(550_000), "Idempotency-Key", "erasure-g1"));
        ok(stack.callAs(person, "PUT", goal, goal(540_000), "Idempotency-Key", "erasure-g2"));
        String project = "/api/budget/districts/" + D + "/projects/P";
        ok(stack.callAs(person, "POST", project + "/expenditures", "{\"amount\":\"1200.00\",\"date\":\"2026-02-01\"}",
                "Idempotency-Key", "erasure-x1"));
        assertThat(spentBy(PERSON)).extracting(e -> e.path("actorName").asText()).containsExactly(NAME);
        String packages = "/api/disclosure/districts/" + D + "/years/2026/units/czj/packages";
        Answer published = stack.callAs(person, "POST", packages, "{\"packageId\":\"pkg-erasure\",\"kind\":\"GOALS\","
                + "\"publishedOn\":\"2026-03-01\",\"tables\":{\"项目支出绩效目标表\":[\"g-erasure\"]},\"contacts\":"
                + contacts() + "}", "Idempotency-Key", "erasure-p1");
        assertThat(published.status()).as(String.valueOf(published.body())).isEqualTo(201);
        assertThat(published.body().path("contacts").path("phone").asText()).isEqualTo(PHONE);
        // the goal's two events reached disclosure-service's journal
        await().atMost(Duration.ofMinutes(2)).until(() -> stack.queryLong("disclosure",
                "SELECT count(*) FROM district_event WHERE aggregate_id = ?", "goal:" + D + ":g-erasure") == 2);
        assertThat(stack.call("GET", goal, null).body().path("contacts").path("filledBy").asText()).isEqualTo(NAME);
        String dashboard = stack.token(TokenSpec.of("wall", List.of("DASHBOARD"), List.of(D)));
        Answer onTheWall = stack.callAs(dashboard, "GET", packages + "/pkg-erasure", null);
        assertThat(onTheWall.status()).isEqualTo(200);
        assertThat(onTheWall.body().path("contacts").isNull() || onTheWall.body().path("contacts").isMissingNode())
                .as(onTheWall.body().toString()).isTrue();
        assertThat(onTheWall.body().toString()).doesNotContain(PERSON).doesNotContain(NAME);
        assertThat(stack.callAs(dashboard, "GET", project + "/history", null).status())
                .as("a dashboard reads no project history, so no actor nor name").isEqualTo(403);
        // the report as of a fixed instant, so that before and after the erasure it folds the same events (the erasure
        // is an event too, and an as-of-now report would name it in its provenance)
        stack.awaitSettled();
        String reportNow = "/api/reports/districts/" + D + "/years/2026";
        String reportPath = reportNow + "?asOf=" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String reportBefore = stack.fetchText(finance, reportPath);
        String reportNowBefore = stack.fetchText(finance, reportNow);
        assertThat(reportBefore).contains("示例项目");
        for (String service : List.of("budget", "evaluation", "disclosure")) {
            assertThat(stack.queryLong(service, "SELECT count(*) FROM personal_data_key WHERE person_id = ?", PERSON))
                    .as(service).isEqualTo(1);
        }
        assertScans(true);

        Answer erased = stack.callAs(finance, "POST", "/api/evaluation/districts/" + D + "/personal-data/" + PERSON
                + "/erasure", "{\"reason\":\"本人申请删除个人信息\"}", "Idempotency-Key", "erasure-e1");
        assertThat(erased.status()).as(String.valueOf(erased.body())).isEqualTo(201);
        // disclosure-service and budget-service destroy their own keys when they consume the erasure
        for (String service : List.of("disclosure", "budget")) {
            await().atMost(Duration.ofMinutes(2)).until(() -> stack.queryLong(service,
                    "SELECT count(*) FROM personal_data_key WHERE person_id = ?", PERSON) == 0);
        }
        assertThat(spentBy(PERSON)).extracting(e -> e.path("actorName").asText()).containsExactly("已删除");
        assertThat(stack.queryLong("evaluation", "SELECT count(*) FROM personal_data_key WHERE person_id = ?", PERSON))
                .isZero();

        assertThat(stack.call("GET", goal, null).body().path("contacts").toString()).isEqualTo("{\"personId\":\""
                + PERSON + "\",\"filledBy\":\"已删除\",\"contact\":\"已删除\",\"phone\":\"已删除\"}");
        assertThat(stack.call("GET", packages + "/pkg-erasure", null).body().path("contacts").path("phone").asText())
                .isEqualTo("已删除");
        assertThat(stack.fetchText(finance, reportPath)).isEqualTo(reportBefore.replace(NAME, "已删除")
                .replace(PHONE, "已删除"));
        // as of now: the same apart from the instant and the provenance, which counts the erasure among the events
        assertThat(withoutAsOfAndProvenance(stack.fetchText(finance, reportNow)))
                .isEqualTo(withoutAsOfAndProvenance(reportNowBefore.replace(NAME, "已删除").replace(PHONE, "已删除")));
        for (String service : List.of("budget", "evaluation", "disclosure")) {
            Answer verified = stack.callAs(finance, "GET", "/api/" + service + "/districts/" + D + "/audit/verify", null);
            assertThat(verified.status()).as(service + " " + verified.body()).isEqualTo(200);
            assertThat(verified.body().path("ok").asBoolean()).as(service + " " + verified.body()).isTrue();
        }
        assertScans(false);
    }

    /** The expenditures of project P recorded by {@code actor}, as the project's history shows them to FINANCE. */
    private static List<com.fasterxml.jackson.databind.JsonNode> spentBy(String actor) {
        Answer history = stack.callAs(finance, "GET", "/api/budget/districts/" + D + "/projects/P/history", null);
        assertThat(history.status()).as(String.valueOf(history.body())).isEqualTo(200);
        List<com.fasterxml.jackson.databind.JsonNode> spent = new java.util.ArrayList<>();
        history.body().path("events").forEach(e -> {
            if (e.path("type").asText().equals("ExpenditureRecorded") && e.path("actor").asText().equals(actor)) {
                spent.add(e);
            }
        });
        return spent;
    }

    private static com.fasterxml.jackson.databind.JsonNode withoutAsOfAndProvenance(String report) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(report);
        tree.remove(List.of("asOf", "provenance"));
        return tree;
    }

    private static String goal(long yuan) {
        return "{\"scope\":\"PROJECT\",\"projectId\":\"P\",\"unitId\":\"czj\",\"fiscalYear\":2026,\"amount\":\""
                + yuan + ".00\",\"indicators\":[{\"l1\":\"产出指标\",\"l2\":\"数量指标\",\"l3\":\"" + MARKER
                + "\",\"cmp\":\">=\",\"target\":\"10\",\"unit\":\"个\",\"weight\":\"20\"}],\"contacts\":"
                + contacts() + "}";
    }

    private static String contacts() {
        return "{\"personId\":\"" + PERSON + "\",\"filledBy\":\"" + NAME + "\",\"contact\":\"" + NAME
                + "\",\"phone\":\"" + PHONE + "\"}";
    }

    /**
     * The marker is found in the dump of the three databases and in the broker's files; the name and the phone are
     * in neither (never stored as text, before or after the erasure). {@code first}: also checks the scan covered the
     * tables holding the sealed values.
     */
    private static void assertScans(boolean first) throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        for (String database : List.of("budget", "evaluation", "disclosure")) {
            try (Connection c = SharedTestInfra.postgres().connect(stack.prefix + "_" + database)) {
                if (first) {
                    assertThat(PlainTextScan.tables(c)).contains("public.domainevententry", "public.personal_data_key");
                }
                dump.write(PlainTextScan.databaseDump(c));
            }
        }
        byte[] segments = PlainTextScan.files(stack.kafka.logDirectory());
        assertThat(PlainTextScan.contains(dump.toByteArray(), MARKER)).as("the scan of the databases finds text").isTrue();
        assertThat(PlainTextScan.contains(segments, MARKER)).as("the scan of the topics' files finds text").isTrue();
        assertThat(PlainTextScan.contains(dump.toByteArray(), PERSON)).as("the person's id is recorded").isTrue();
        for (String value : List.of(NAME, PHONE)) {
            assertThat(PlainTextScan.contains(dump.toByteArray(), value)).as(value + " in a database").isFalse();
            assertThat(PlainTextScan.contains(segments, value)).as(value + " in Kafka's files").isFalse();
        }
    }

    /** Sends {@code call} until it answers 200 or 201 (a repeatable call), for at most five minutes. */
    private static void settled(java.util.function.Supplier<Answer> call) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(5))
                .until(() -> call.get().status() / 100 == 2);
    }

    private static void ok(Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isBetween(200, 201);
    }
}
