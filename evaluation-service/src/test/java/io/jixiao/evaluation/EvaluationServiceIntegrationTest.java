package io.jixiao.evaluation;

import io.jixiao.events.Labelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Money;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.AsGateway;
import io.jixiao.support.testing.ServiceIntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * evaluation-service against a real PostgreSQL and a real Kafka broker (both embedded), over real HTTP. Budget
 * figures arrive the way they do in production: as budget-service's envelopes on {@code budget.events}, which
 * this test publishes itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationServiceIntegrationTest extends ServiceIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("evaluation_it");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final AtomicLong SEQUENCES = new AtomicLong();
    private static final io.jixiao.events.EventLinks.Chain LINKS = new io.jixiao.events.EventLinks.Chain();
    private static KafkaProducer<String, String> producer;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB);
    }

    @Autowired
    org.axonframework.commandhandling.gateway.CommandGateway commandGateway;

    record Answer(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {
        String field(int i) {
            return body.path("errors").path(i).path("field").asText();
        }
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    // ------------------------------------------------------------------ goals

    @Test
    void goalsAreDeclaredRevisedApprovedAndMalformedTreesNamed() throws Exception {
        String path = "/api/evaluation/districts/430203/goals/czj-2023-overall";
        ObjectNode body = goalBody(Fixtures.read("lusong-2023.json").path("goals").get(0), 2023);
        body.put("complete", true);
        Answer declared = call("PUT", path, body.toString());
        assertThat(declared.status()).isEqualTo(201);
        assertThat(declared.body().path("status").asText()).isEqualTo("PENDING");
        assertThat(declared.body().path("weightSum").asText()).isEqualTo("100");
        assertThat(declared.body().path("weightsComplete").asBoolean()).isTrue();
        assertThat(declared.body().path("amount").asText()).isEqualTo("9599300.00");
        assertThat(declared.body().path("ruleVersion").asText()).isEqualTo("430203:v0");
        assertThat(declared.headers().firstValue("ETag")).contains("\"0\"");

        Answer repeated = call("PUT", path, body.toString());
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.headers().firstValue("Jixiao-Outcome")).contains("UNCHANGED");
        assertThat(events(Keys.goal("430203", "czj-2023-overall"))).isEqualTo(1);

        ObjectNode broken = body.deepCopy();
        ((ObjectNode) broken.withArray("indicators").get(3)).put("weight", 0);
        ((ObjectNode) broken.withArray("indicators").get(5)).put("cmp", "about");
        ((ObjectNode) broken.withArray("indicators").get(6)).put("l1", "过程指标");
        Answer invalid = call("PUT", path, broken.toString());
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body().path("rule").asText()).isEqualTo("INDICATOR_TREE_INVALID");
        assertThat(invalid.body().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactly("indicators[3].weight", "indicators[5].cmp", "indicators[6].l1");

        Answer decimals = call("PUT", path, body.deepCopy().put("amount", "1.001").toString());
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.field(0)).isEqualTo("amount");

        ObjectNode revised = body.deepCopy().put("amount", "9599300.01").put("revisionReason", "更正金额");
        Answer stale = call("PUT", path, revised.toString(), "If-Match", "\"5\"");
        assertThat(stale.status()).isEqualTo(412);
        Answer revision = call("PUT", path, revised.toString(), "If-Match", "\"0\"");
        assertThat(revision.status()).isEqualTo(200);
        assertThat(revision.headers().firstValue("Jixiao-Outcome")).contains("REVISED");
        assertThat(revision.body().path("revisions").asInt()).isEqualTo(1);

        Answer approved = call("POST", path + "/approval", "{\"approvedOn\":\"2023-01-18\"}");
        assertThat(approved.status()).isEqualTo(201);
        assertThat(approved.body().path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.body().path("version").asLong()).isEqualTo(2);
        assertThat(call("POST", path + "/approval", "{\"approvedOn\":\"2023-01-18\"}").status()).isEqualTo(200);

        Answer late = call("PUT", path, body.toString());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("rule").asText()).isEqualTo("GOAL_ALREADY_APPROVED");
        assertThat(call("POST", path + "/return", "{\"reasons\":[\"晚了\"]}").status()).isEqualTo(409);
        assertThat(call("GET", "/api/evaluation/districts/430203/goals/nope", null).status()).isEqualTo(404);

        // a district that wants every tree complete says so in its settings
        Answer strict = call("PUT", "/api/evaluation/districts/430204/settings",
                "{\"weights\":{\"enforcement\":\"ALWAYS\"},\"note\":\"每个目标表分值合计 100\"}");
        assertThat(strict.status()).isEqualTo(201);
        assertThat(strict.body().path("ruleVersion").asText()).isEqualTo("430204:v1");
        ObjectNode partial = goalBody(Fixtures.read("lukou-2023.json").path("goals").get(0), 2023);
        Answer refused = call("PUT", "/api/evaluation/districts/430204/goals/g1", partial.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.field(0)).isEqualTo("indicators");
        assertThat(refused.body().path("detail").asText()).contains("rule version 430204:v1 requires 100");
        assertThat(call("GET", "/api/evaluation/districts/430204/settings/versions", null).body()).hasSize(2);
        // a page at a time: v0, then v1 behind the Link rel="next", then no further page
        Answer first = call("GET", "/api/evaluation/districts/430204/settings/versions?limit=1", null);
        assertThat(first.body()).extracting(v -> v.path("version").asInt()).containsExactly(0);
        String next = first.headers().firstValue("Link").orElseThrow().replaceAll("^<([^>]+)>; rel=\"next\"$", "$1");
        Answer second = call("GET", next, null);
        assertThat(second.body()).extracting(v -> v.path("version").asInt()).containsExactly(1);
        assertThat(second.headers().firstValue("Link")).isEmpty();
        Answer badLimit = call("GET", "/api/evaluation/districts/430204/settings/versions?limit=5001", null);
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.field(0)).isEqualTo("limit");
    }

    // ------------------------------------------------------------------ monitoring (渌口区 2023)

    @Test
    void lukouMonitoringFlagsGajPacsFromBudgetEventsOnKafka() throws Exception {
        JsonNode lukou = Fixtures.read("lukou-2023.json");
        String d = "430212";
        for (JsonNode goal : lukou.path("goals")) {
            String path = "/api/evaluation/districts/" + d + "/goals/" + goal.path("id").asText();
            assertThat(call("PUT", path, goalBody(goal, 2023).toString()).status()).isEqualTo(201);
            assertThat(call("POST", path + "/approval", "{\"approvedOn\":\"" + goal.path("approvedOn").asText() + "\"}")
                    .status()).isEqualTo(201);
        }
        // before budget-service's events arrive: a clear, retryable refusal, nothing recorded
        Answer early = call("POST", "/api/evaluation/districts/" + d + "/goals/g-gaj-pacs/monitoring",
                monitoringBody(lukou.path("monitoring").get(0)).toString());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body().path("rule").asText()).isEqualTo("BUDGET_NOT_YET_KNOWN");
        assertThat(early.headers().firstValue("Retry-After")).isPresent();
        assertThat(events(Keys.goal("430212", "g-gaj-pacs"))).isEqualTo(2);

        int movements = publishBudget(d, lukou);
        // one expenditure delivered twice (at-least-once publishing): applied once
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM budget_movement WHERE district_code = ?", Integer.class, d) == movements);

        Map<String, JsonNode> observed = new LinkedHashMap<>();
        for (JsonNode m : lukou.path("monitoring")) {
            String goalId = "g-" + m.path("project").asText();
            Answer a = call("POST", "/api/evaluation/districts/" + d + "/goals/" + goalId + "/monitoring",
                    monitoringBody(m).toString());
            assertThat(a.status()).as(goalId).isEqualTo(201);
            observed.put(m.path("project").asText(), a.body());
        }
        assertThat(observed.get("gaj-pacs").path("executionRate").asText()).isEqualTo("35.00");
        assertThat(observed.get("gaj-pacs").path("timeProgress").asText()).isEqualTo("66.67");
        assertThat(observed.get("gaj-pacs").path("deviating").asBoolean()).isTrue();
        assertThat(observed.get("gaj-pacs").path("budget").asText()).isEqualTo("6000000.00");
        assertThat(observed.get("gaj-pacs").path("spentToDate").asText()).isEqualTo("2100000.00");
        assertThat(observed.get("gaj-pacs").path("ruleVersion").asText()).isEqualTo("430212:v0");
        Map<String, String> notFlagged = Map.of("hwzx-ljcz", "68.75", "wjj-jbgw", "68.00", "xfj-tghwh", "79.17",
                "mzj-ylbt", "57.69");
        notFlagged.forEach((project, rate) -> {
            assertThat(observed.get(project).path("executionRate").asText()).as(project).isEqualTo(rate);
            assertThat(observed.get(project).path("deviating").asBoolean()).as(project).isFalse();
            assertThat(lukou.path("expect").path("execution rate to 2023-08-31, " + project).asText())
                    .isEqualTo(rate + "%");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%DeviationFlagged'",
                Integer.class)).isEqualTo(1);

        // the same observation again: a no-op; an observation off the district's checkpoints: named field
        String gaj = "/api/evaluation/districts/" + d + "/goals/g-gaj-pacs/monitoring";
        assertThat(call("POST", gaj, monitoringBody(lukou.path("monitoring").get(0)).toString()).status()).isEqualTo(200);
        ObjectNode july = monitoringBody(lukou.path("monitoring").get(0));
        ((ObjectNode) july.path("period")).put("to", "2023-07-31");
        Answer offCheckpoint = call("POST", gaj, july.toString());
        assertThat(offCheckpoint.status()).isEqualTo(422);
        assertThat(offCheckpoint.field(0)).isEqualTo("period.to");
        Answer noMode = call("POST", gaj, "{\"period\":{\"from\":\"2023-01-01\"}}");
        assertThat(noMode.status()).isEqualTo(400);
        assertThat(noMode.body().path("errors")).extracting(e -> e.path("field").asText())
                .contains("mode", "period.to");

        // 纠偏 closes the deviation
        String observationId = observed.get("gaj-pacs").path("observationId").asText();
        Answer corrected = call("POST", gaj + "/" + observationId + "/corrective-actions",
                "{\"cause\":\"经费保障\",\"action\":\"加快合同支付进度\",\"likelihood\":\"有可能\",\"recordedOn\":\"2023-09-20\"}");
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.body().path("deviation").path("closed").asBoolean()).isTrue();
        Answer badCause = call("POST", "/api/evaluation/districts/" + d + "/goals/g-hwzx-ljcz/monitoring/"
                + observed.get("hwzx-ljcz").path("observationId").asText() + "/corrective-actions",
                "{\"cause\":\"经费保障\",\"action\":\"无\"}");
        assertThat(badCause.status()).isEqualTo(422);
        assertThat(badCause.body().path("rule").asText()).isEqualTo("NO_DEVIATION");

        // 监控结果处理: FINANCE of the district decides on the flagged deviation; refusals record nothing
        String deviationId = observed.get("gaj-pacs").path("deviation").path("deviationId").asText();
        String decisions = gaj + "/" + observationId + "/deviations/" + deviationId + "/decisions";
        String cut = "{\"decisionId\":\"d-1\",\"kind\":\"ADJUST\",\"amount\":\"-500000.00\",\"reason\":\"执行进度滞后\","
                + "\"docNo\":\"渌财绩〔2023〕12号\",\"decidedOn\":\"2023-09-25\"}";
        long goalEvents = events(Keys.goal(d, "g-gaj-pacs"));
        AsGateway.Caller unitClerk = AsGateway.Caller.everything("clerk@gaj").withRoles(Set.of("UNIT"))
                .withUnits(Set.of("gaj"));
        Answer byUnit = callAs(unitClerk, "POST", decisions, cut);
        assertThat(byUnit.status()).isEqualTo(403);
        assertThat(byUnit.contentType()).startsWith("application/problem+json");
        Answer otherDistrict = callAs(AsGateway.Caller.everything("finance@430203").withRoles(Set.of("FINANCE"))
                .withDistricts(Set.of("430203")), "POST", decisions, cut);
        assertThat(otherDistrict.status()).isEqualTo(403);
        Answer noKind = call("POST", decisions, "{\"decisionId\":\"d-1\",\"reason\":\"理由\"}");
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.body().path("errors")).extracting(e -> e.path("field").asText()).contains("kind");
        Answer zero = call("POST", decisions, cut.replace("-500000.00", "0"));
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.field(0)).isEqualTo("amount");
        Answer tooMuch = call("POST", decisions, cut.replace("ADJUST", "WITHDRAW").replace("-500000.00", "6000000.01"));
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body().path("rule").asText()).isEqualTo("WITHDRAWAL_ABOVE_UNSPENT");
        Answer notThisDeviation = call("POST", gaj + "/" + observationId + "/deviations/other.dev/decisions", cut);
        assertThat(notThisDeviation.status()).isEqualTo(404);
        assertThat(notThisDeviation.field(0)).isEqualTo("deviationId");
        assertThat(events(Keys.goal(d, "g-gaj-pacs"))).isEqualTo(goalEvents);
        Answer decided = call("POST", decisions, cut, "Idempotency-Key", "decide-1");
        assertThat(decided.status()).isEqualTo(201);
        assertThat(decided.body().path("kindLabel").asText()).isEqualTo("调整");
        assertThat(decided.body().path("budgetChange").asText()).isEqualTo("-500000.00");
        Answer replayed = call("POST", decisions, cut, "Idempotency-Key", "decide-1");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replayed.body()).isEqualTo(decided.body());
        assertThat(call("POST", decisions, cut.replace("-500000.00", "-1.00"), "Idempotency-Key", "decide-1").status())
                .isEqualTo(409);
        assertThat(events(Keys.goal(d, "g-gaj-pacs"))).isEqualTo(goalEvents + 1);

        // a project's self-evaluation: its budget row is checked against budget-service's figures; its partial tree
        // (20 points + the default 10 of the execution row) is rescaled to 100
        Answer self = call("PUT", "/api/evaluation/districts/" + d + "/evaluations/se-hwzx-ljcz/self",
                "{\"goalId\":\"g-hwzx-ljcz\",\"year\":2023,\"budget\":{\"initial\":\"4800000\",\"fullYear\":\"4800000\","
                        + "\"executed\":\"3400000\"},\"actuals\":[{\"l3\":\"生活垃圾处置量\",\"actual\":\"60000\"}]}");
        assertThat(self.status()).isEqualTo(201);
        assertThat(self.body().path("budgetCheck").path("known").asBoolean()).isTrue();
        assertThat(self.body().path("budgetCheck").path("mismatches")).hasSize(1);
        assertThat(self.body().path("budgetCheck").path("mismatches").get(0).path("field").asText())
                .isEqualTo("budget.executed");
        assertThat(self.body().path("budgetCheck").path("executed").asText()).isEqualTo("3300000.00");
        assertThat(self.body().path("self").path("budgetExecution").path("executionRate").asText()).isEqualTo("70.83");
        assertThat(self.body().path("self").path("totalScore").asText()).isEqualTo("90.27");

        Answer candidates = call("GET", "/api/evaluation/districts/" + d + "/years/2023/key-monitoring-candidates", null);
        assertThat(candidates.status()).isEqualTo(200);
        assertThat(candidates.body().path("asOf").asText()).isEqualTo("2023-08-31");
        assertThat(candidates.body().path("candidates")).extracting(c -> c.path("projectId").asText())
                .containsExactly("gaj-pacs", "mzj-ylbt");
        assertThat(candidates.body().path("candidates").get(1).path("executionRate").asText()).isEqualTo("57.69");
    }

    // ------------------------------------------------------------------ self-evaluation (芦淞区 2023)

    @Test
    void lusongsSelfEvaluationScoresNinetySixOverHttp() throws Exception {
        JsonNode lusong = Fixtures.read("lusong-2023.json");
        String goalPath = "/api/evaluation/districts/430205/goals/czj-2023-overall";
        assertThat(call("PUT", goalPath, goalBody(lusong.path("goals").get(0), 2023).put("complete", true).toString())
                .status()).isEqualTo(201);
        String selfPath = "/api/evaluation/districts/430205/evaluations/se-czj-2023/self";
        ObjectNode self = selfBody(lusong.path("selfEvaluations").get(0));
        Answer unapproved = call("PUT", selfPath, self.toString());
        assertThat(unapproved.status()).isEqualTo(422);
        assertThat(unapproved.field(0)).isEqualTo("goalId");
        call("POST", goalPath + "/approval", "{\"approvedOn\":\"2023-01-18\"}");

        Answer submitted = call("PUT", selfPath, self.toString());
        assertThat(submitted.status()).isEqualTo(201);
        JsonNode s = submitted.body().path("self");
        assertThat(s.path("totalScore").asText()).isEqualTo("96.00");
        assertThat(s.path("grade").asText()).isEqualTo("优");
        assertThat(s.path("budgetExecution").path("score").asText()).isEqualTo("10.00");
        assertThat(s.path("budgetExecution").path("executionRate").asText()).isEqualTo("100.00");
        assertThat(s.path("ruleVersion").asText()).isEqualTo("430205:v0");
        List<String> rowScores = new ArrayList<>();
        s.path("indicators").forEach(r -> rowScores.add(r.path("score").asText()));
        assertThat(rowScores).containsExactly("3.00", "3.00", "3.00", "3.00", "3.00", "3.00", "3.00", "3.00", "3.00",
                "3.00", "10.00", "7.00", "7.00", "6.00", "6.00", "5.00", "5.00", "10.00");
        assertThat(submitted.body().path("budgetCheck").path("known").asBoolean()).isFalse();
        assertThat(call("PUT", selfPath, self.toString()).status()).isEqualTo(200);

        ObjectNode wrong = self.deepCopy();
        ((ObjectNode) wrong.withArray("actuals").get(16)).put("score", "4");
        ((ObjectNode) wrong.withArray("actuals").get(12)).put("score", "9");
        Answer invalid = call("PUT", "/api/evaluation/districts/430205/evaluations/se-other/self", wrong.toString());
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactly("actuals[12].score", "actuals[16].overrideReason");
    }

    // ------------------------------------------------------------------ FINANCE's review of a self-evaluation

    /** 渌口区 "财政及时退回单位" and 荷塘区 "实施了抽查": return → revise → accept → spot-check → apply. */
    @Test
    void financeReturnsTheUnitRevisesFinanceAcceptsAndSpotChecksAndTheAcceptedGradeIsApplied() throws Exception {
        String d = "430213";
        String goalPath = "/api/evaluation/districts/" + d + "/goals/g-mzj-jz";
        assertThat(call("PUT", goalPath, """
                {"scope":"PROJECT","projectId":"mzj-jz","unitId":"mzj","fiscalYear":2023,"amount":"1000000.00",
                 "indicators":[{"l1":"产出指标","l2":"数量指标","l3":"救助人数","cmp":">=","target":"100","unit":"人","weight":90}],
                 "budgetExecutionWeight":10}""").status()).isEqualTo(201);
        assertThat(call("POST", goalPath + "/approval", "{\"approvedOn\":\"2023-01-18\"}").status()).isEqualTo(201);
        String path = "/api/evaluation/districts/" + d + "/evaluations/se-mzj-jz";
        String submission = "{\"goalId\":\"g-mzj-jz\",\"year\":2023,\"budget\":{\"initial\":\"1000000\","
                + "\"fullYear\":\"1000000\",\"executed\":\"900000\"},\"actuals\":[{\"l3\":\"救助人数\",\"actual\":\"%s\"}]}";
        AsGateway.Caller unit = AsGateway.Caller.everything("clerk@mzj").withRoles(Set.of("UNIT")).withUnits(Set.of("mzj"));
        Answer submitted = callAs(unit, "PUT", path + "/self", submission.formatted("80"));
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.body().path("self").path("totalScore").asText()).isEqualTo("81.00");
        assertThat(submitted.body().path("self").path("review").asText()).isEqualTo("SUBMITTED");
        String key = Keys.evaluation(d, "se-mzj-jz");
        String returnBody = "{\"reasons\":[{\"l3\":\"救助人数\",\"reason\":\"实际完成值缺少佐证材料\"}],"
                + "\"returnedOn\":\"2024-03-20\"}";

        // only FINANCE reviews: the unit itself is refused, nothing recorded
        Answer notFinance = callAs(unit, "POST", path + "/self/return", returnBody);
        assertThat(notFinance.status()).isEqualTo(403);
        assertThat(notFinance.contentType()).startsWith("application/problem+json");
        assertThat(notFinance.body().path("rule").asText()).isEqualTo("FINANCE_ONLY");
        // a reason for a row the self-evaluation does not have: named, nothing recorded
        Answer badRow = call("POST", path + "/self/return", returnBody.replace("救助人数", "满意度"));
        assertThat(badRow.status()).isEqualTo(422);
        assertThat(badRow.body().path("rule").asText()).isEqualTo("RETURN_REASONS_INVALID");
        assertThat(badRow.field(0)).isEqualTo("reasons[0].l3");
        Answer noReasons = call("POST", path + "/self/return", "{\"reasons\":[]}");
        assertThat(noReasons.status()).isEqualTo(400);
        assertThat(noReasons.field(0)).isEqualTo("reasons");
        assertThat(events(key)).isEqualTo(1);

        Answer returned = call("POST", path + "/self/return", returnBody, "Idempotency-Key", "return-1");
        assertThat(returned.status()).isEqualTo(201);
        assertThat(returned.body().path("self").path("review").asText()).isEqualTo("RETURNED");
        assertThat(returned.body().path("self").path("returned").path("reasons").get(0).path("reason").asText())
                .isEqualTo("实际完成值缺少佐证材料");
        Answer acceptReturned = call("POST", path + "/self/acceptance", "{}");
        assertThat(acceptReturned.status()).isEqualTo(422);
        assertThat(acceptReturned.body().path("rule").asText()).isEqualTo("SELF_EVALUATION_RETURNED");
        Answer applyReturned = call("POST", path + "/application", "{}");
        assertThat(applyReturned.status()).isEqualTo(422);
        assertThat(applyReturned.body().path("rule").asText()).isEqualTo("SELF_EVALUATION_RETURNED");
        assertThat(events(key)).isEqualTo(2);

        // the unit revises and resubmits; FINANCE accepts, once (a retry of the same request applies once)
        Answer revised = callAs(unit, "PUT", path + "/self", submission.formatted("100"));
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.headers().firstValue("Jixiao-Outcome")).contains("RESUBMITTED");
        assertThat(revised.body().path("self").path("review").asText()).isEqualTo("SUBMITTED");
        Answer accepted = call("POST", path + "/self/acceptance", "{\"acceptedOn\":\"2024-04-01\"}",
                "Idempotency-Key", "accept-1");
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.body().path("self").path("review").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.body().path("self").path("totalScore").asText()).isEqualTo("99.00");
        Answer retried = call("POST", path + "/self/acceptance", "{\"acceptedOn\":\"2024-04-01\"}",
                "Idempotency-Key", "accept-1");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        Answer twice = call("POST", path + "/self/acceptance", "{\"acceptedOn\":\"2024-04-02\"}",
                "Idempotency-Key", "accept-2");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("rule").asText()).isEqualTo("SELF_EVALUATION_ALREADY_ACCEPTED");
        Answer lateRevision = callAs(unit, "PUT", path + "/self", submission.formatted("90"));
        assertThat(lateRevision.status()).isEqualTo(409);
        assertThat(events(key)).isEqualTo(4);

        // FINANCE's spot-check stands beside the accepted score, which keeps grading the evaluation
        Answer checked = call("POST", path + "/self/spot-check", "{\"score\":\"85.5\",\"note\":\"抽查佐证材料\","
                + "\"checkedOn\":\"2024-05-10\"}", "Idempotency-Key", "check-1");
        assertThat(checked.status()).isEqualTo(201);
        JsonNode spot = checked.body().path("self").path("spotCheck");
        assertThat(spot.path("financeScore").asText()).isEqualTo("85.50");
        assertThat(spot.path("financeGrade").asText()).isEqualTo("良");
        assertThat(spot.path("difference").asText()).isEqualTo("-13.50");
        assertThat(checked.body().path("self").path("grade").asText()).isEqualTo("优");
        Answer applied = call("POST", path + "/application", "{}");
        assertThat(applied.status()).isEqualTo(201);
        assertThat(applied.body().path("applications").get(0).path("grade").asText()).isEqualTo("优");
        assertThat(events(key)).isEqualTo(6);

        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = SharedTestInfra.kafka().readerFromStart()) {
            consumer.subscribe(List.of(Topics.EVALUATION_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        types.add(JSON.readTree(r.value()).path("type").asText());
                    }
                }
                return types.size() >= 6;
            });
        }
        assertThat(types).containsExactly("SelfEvaluationSubmitted", "SelfEvaluationReturned",
                "SelfEvaluationSubmitted", "SelfEvaluationAccepted", "SelfEvaluationSpotChecked",
                "EvaluationResultApplied");
    }

    /**
     * The aggregate moved from package {@code io.jixiao.evaluation.evaluation} to {@code …assessment}. The event store
     * records the aggregate's simple name ({@code Evaluation}) and the payload's class in the published language
     * ({@code io.jixiao.events.evaluation.*}), neither of which moved: a self-evaluation stored as the old build
     * stored it (raw row, no view) is sourced and takes a new command.
     */
    @Test
    void anEvaluationStoredByTheBuildBeforeThePackageRenameStillLoads() throws Exception {
        String key = Keys.evaluation("430215", "se-stored");
        String payload = """
                {"districtCode":"430215","evaluationId":"se-stored","goalId":"g-1","scope":"PROJECT","projectId":"p-1",
                 "unitId":"u-1","fiscalYear":2023,"budgetExecution":{"initialFen":100,"fullYearFen":100,"executedFen":100,
                 "weight":10,"executionRate":100.00,"score":10.00},"indicators":[],"totalScore":91.00,"grade":"优",
                 "ruleVersion":"430215:v0"}""";
        jdbc.update("INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, payload, "
                + "payloadtype, timestamp, metadata) VALUES (?, 0, 'Evaluation', ?, convert_to(?, 'UTF8'), "
                + "'io.jixiao.events.evaluation.SelfEvaluationSubmitted', '2024-03-01T00:00:00Z', "
                + "convert_to('{}', 'UTF8'))", key, UUID.randomUUID().toString(), payload);
        Object result = commandGateway.sendAndWait(new io.jixiao.evaluation.assessment.EvaluationCommands
                .AcceptSelfEvaluation(key, LocalDate.of(2024, 3, 2)));
        assertThat(result.toString()).contains("ACCEPTED");
        assertThat(jdbc.queryForList("SELECT type || ' ' || payloadtype FROM domainevententry WHERE "
                + "aggregateidentifier = ? ORDER BY sequencenumber", String.class, key)).containsExactly(
                "Evaluation io.jixiao.events.evaluation.SelfEvaluationSubmitted",
                "Evaluation io.jixiao.events.evaluation.SelfEvaluationAccepted");
    }

    // ------------------------------------------------------------------ key evaluation and result application

    @Test
    void aKeyEvaluationGradedFairCutsTenPercentOfTheProjectsBudget() throws Exception {
        String d = "430511";
        Answer earlier = call("PUT", "/api/evaluation/districts/" + d + "/settings",
                "{\"resultApplication\":{\"cutRatios\":{\"减少安排\":\"0.20\"}}}");
        assertThat(earlier.body().path("ruleVersion").asText()).isEqualTo("430511:v1");
        Answer settings = call("PUT", "/api/evaluation/districts/" + d + "/settings",
                "{\"resultApplication\":{\"中\":\"减少安排\",\"cutRatios\":{\"减少安排\":\"0.10\"}},"
                        + "\"note\":\"减少安排按 10% 调减\"}", "If-Match", "\"1\"");
        assertThat(settings.status()).isEqualTo(201);
        String ruleVersion = settings.body().path("ruleVersion").asText();
        assertThat(ruleVersion).isEqualTo("430511:v2");
        assertThat(call("PUT", "/api/evaluation/districts/" + d + "/settings", "{}", "If-Match", "\"1\"").status())
                .isEqualTo(412);
        assertThat(call("GET", "/api/evaluation/districts/" + d + "/settings/versions/1", null).body()
                .path("settings").path("resultApplication").path("cutRatios").path("减少安排").asText()).isEqualTo("0.2");
        publish(envelope(d, "jyj-xcfw", new ProjectRegistered(d, "jyj-xcfw", "jyj", "教育购买服务（校车车载服务）",
                ProjectCategory.SPECIAL_FUND, 2021, 1)));
        publish(envelope(d, "jyj-xcfw", new BudgetAppropriated(d, "jyj-xcfw", 15_900_000L,
                FundSource.GENERAL_PUBLIC_BUDGET, null, LocalDate.of(2021, 1, 20))));

        String path = "/api/evaluation/districts/" + d + "/evaluations/ke-2022-01";
        Answer commissioned = call("PUT", path + "/key", "{\"type\":\"专项资金\",\"projectIds\":[\"jyj-xcfw\"],"
                + "\"evaluator\":\"湖南财正会计师事务所（普通合伙）\",\"amount\":\"159000.00\",\"year\":2022,"
                + "\"subjectYear\":2021,\"commissionedOn\":\"2022-06-01\"}");
        assertThat(commissioned.status()).isEqualTo(201);
        Answer badGrade = call("POST", path + "/key/completion", "{\"score\":75,\"grade\":\"良\"}");
        assertThat(badGrade.status()).isEqualTo(422);
        assertThat(badGrade.field(0)).isEqualTo("grade");
        Answer completed = call("POST", path + "/key/completion",
                "{\"score\":\"75.5\",\"findings\":[\"绩效目标不够细化\"],\"completedOn\":\"2022-10-10\"}");
        assertThat(completed.status()).isEqualTo(201);
        assertThat(completed.body().path("key").path("completion").path("grade").asText()).isEqualTo("中");

        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/evaluation/districts/" + d
                + "/budget/projects/jyj-xcfw", null).body().path("budgetKnown").asBoolean());
        Answer applied = call("POST", path + "/application", null);
        assertThat(applied.status()).isEqualTo(201);
        JsonNode application = applied.body().path("applications").get(0);
        assertThat(application.path("measure").asText()).isEqualTo("减少安排");
        assertThat(application.path("budgetChange").asText()).isEqualTo("-15900.00");
        assertThat(application.path("targetFiscalYear").asInt()).isEqualTo(2023);
        assertThat(application.path("ruleVersion").asText()).isEqualTo(ruleVersion);

        Answer again = call("POST", path + "/application", "{}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("applications")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND "
                + "payloadtype LIKE '%EvaluationResultApplied'", Integer.class, Keys.evaluation("430511", "ke-2022-01")))
                .isEqualTo(1);

        List<JsonNode> published = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = SharedTestInfra.kafka().readerFromStart()) {
            consumer.subscribe(List.of(Topics.EVALUATION_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode e = JSON.readTree(r.value());
                    if ("EvaluationResultApplied".equals(e.path("type").asText())
                            && Keys.evaluation("430511", "ke-2022-01").equals(r.key())) {
                        published.add(e);
                    }
                }
                return !published.isEmpty();
            });
        }
        JsonNode event = published.get(0);
        assertThat(event.path("eventId").asText()).isEqualTo(application.path("eventId").asText());
        assertThat(event.path("payload").path("budgetChangeFen").asLong()).isEqualTo(-1_590_000L);
        assertThat(event.path("payload").path("measure").asText()).isEqualTo("减少安排");
        assertThat(event.path("payload").path("grade").asText()).isEqualTo("中");
        assertThat(event.path("payload").path("projectId").asText()).isEqualTo("jyj-xcfw");
        assertThat(event.path("payload").path("targetFiscalYear").asInt()).isEqualTo(2023);
        assertThat(new BigDecimal(event.path("payload").path("changeRatio").asText())).isEqualByComparingTo("0.10");
        assertThat(event.path("metadata").path("districtCode").asText()).isEqualTo(d);
        assertThat(event.path("metadata").path("actor").asText()).isEqualTo("finance@" + d);
    }

    // ------------------------------------------------------------------ the one owner of a district's rules

    /**
     * Every version of a district's rules is published as DistrictRulesChanged: 渌口区's built-in 1–8月 at start-up;
     * a district's first change after its version 0, with the instant it came into force; a retry, a faulty
     * document and a caller who is not the bureau publish nothing.
     */
    @Test
    void eachVersionOfADistrictsRulesIsPublishedOnceWithTheInstantItCameIntoForce() throws Exception {
        List<JsonNode> lukou = rulesPublished("430212", 1);
        assertThat(lukou.get(0).path("payload").path("ruleVersion").asText()).isEqualTo("430212:v0");
        assertThat(lukou.get(0).path("payload").path("monitoringCheckpointMonths").toString()).isEqualTo("[8]");
        assertThat(lukou.get(0).path("payload").hasNonNull("effectiveAt")).isFalse();
        assertThat(lukou.get(0).path("payload").path("goalsDeadlineDays").asInt()).isEqualTo(20);

        String d = "430281";
        String rulesKey = Keys.districtRules(d);
        String body = "{\"monitoring\":{\"checkpointMonths\":[9]},\"disclosure\":{\"goalsDeadlineDays\":15}}";
        AsGateway.Caller unit = AsGateway.Caller.everything("clerk@mzj").withRoles(Set.of("UNIT")).withUnits(Set.of("mzj"));
        Answer refused = callAs(unit, "PUT", "/api/evaluation/districts/" + d + "/settings", body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(events(rulesKey)).isZero();

        Answer changed = call("PUT", "/api/evaluation/districts/" + d + "/settings", body, "Idempotency-Key", "rules-1");
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.body().path("ruleVersion").asText()).isEqualTo(d + ":v1");
        Answer retried = call("PUT", "/api/evaluation/districts/" + d + "/settings", body, "Idempotency-Key", "rules-1");
        assertThat(retried.status()).isEqualTo(200);
        Answer faulty = call("PUT", "/api/evaluation/districts/" + d + "/settings",
                "{\"disclosure\":{\"goalsDeadlineDays\":0}}");
        assertThat(faulty.status()).isEqualTo(422);
        assertThat(faulty.contentType()).startsWith("application/problem+json");
        assertThat(faulty.field(0)).isEqualTo("disclosure.goalsDeadlineDays");
        assertThat(events(rulesKey)).isEqualTo(2);

        List<JsonNode> published = rulesPublished(d, 2);
        assertThat(published).extracting(e -> e.path("payload").path("ruleVersion").asText())
                .containsExactly(d + ":v0", d + ":v1");
        JsonNode v1 = published.get(1).path("payload");
        assertThat(v1.path("monitoringCheckpointMonths").toString()).isEqualTo("[9]");
        assertThat(v1.path("goalsDeadlineDays").asInt()).isEqualTo(15);
        assertThat(Instant.parse(v1.path("effectiveAt").asText()))
                .isEqualTo(Instant.parse(changed.body().path("createdAt").asText()));
        assertThat(published.get(1).path("metadata").path("actor").asText()).isEqualTo("finance@" + d);
    }

    /** The DistrictRulesChanged events of a district on Kafka, once {@code count} of them arrived. */
    private List<JsonNode> rulesPublished(String district, int count) {
        Map<String, JsonNode> byVersion = new java.util.TreeMap<>();
        try (KafkaConsumer<String, String> consumer = SharedTestInfra.kafka().readerFromStart()) {
            consumer.subscribe(List.of(Topics.EVALUATION_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode e = JSON.readTree(r.value());
                    if ("DistrictRulesChanged".equals(e.path("type").asText())
                            && Keys.districtRules(district).equals(r.key())) {
                        byVersion.putIfAbsent(e.path("payload").path("ruleVersion").asText(), e);
                    }
                }
                return byVersion.size() >= count;
            });
        }
        return new ArrayList<>(byVersion.values());
    }

    // ------------------------------------------------------------------ 结果应用预演 (a policy over a whole district)

    /**
     * A generated 荷塘区 2022 of 100 graded projects (优/良/中/差 by turns; key evaluations and self-evaluations, some
     * accepted, one returned, one whose result was applied before): the preview of "cut 良 and below by 10 %" records
     * nothing; applying it records one EvaluationResultApplied per included project whose changes add up to the
     * preview's total to the fen, on the event store and on Kafka; a retry with its Idempotency-Key records nothing.
     */
    @Test
    void theHetangPolicyPreviewEqualsWhatApplyingItRecordsToTheFen() throws Exception {
        String d = "430202";
        String e = "/api/evaluation/districts/" + d;
        java.util.Random random = new java.util.Random(2022);
        Grade[] grades = Grade.values();
        Map<String, Long> budgets = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            String project = String.format("ht-p%03d", i);
            long fen = 1_000_000L + random.nextInt(2_000_000_000);
            budgets.put(project, fen);
            publish(envelope(d, project, new ProjectRegistered(d, project, "u" + i % 5, "项目" + i,
                    ProjectCategory.SPECIAL_FUND, 2022, 1)));
            publish(envelope(d, project, new BudgetAppropriated(d, project, fen, FundSource.GENERAL_PUBLIC_BUDGET, null,
                    LocalDate.of(2022, 1, 20))));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM budget_movement WHERE district_code = ?", Integer.class, d) == 100);
        AsGateway.Caller unitClerk = AsGateway.Caller.everything("clerk@" + d).withRoles(Set.of("UNIT"));
        for (int i = 0; i < 100; i++) {
            String project = String.format("ht-p%03d", i);
            Grade grade = grades[i % 4];
            if (i < 78) {  // 重点评价, graded directly
                String path = e + "/evaluations/ke-" + project;
                assertThat(call("PUT", path + "/key", "{\"type\":\"专项资金\",\"projectIds\":[\"" + project + "\"],"
                        + "\"evaluator\":\"第三方机构\",\"year\":2022,\"commissionedOn\":\"2022-06-01\"}").status())
                        .isEqualTo(201);
                assertThat(call("POST", path + "/key/completion", "{\"grade\":\"" + grade.label() + "\","
                        + "\"completedOn\":\"2022-10-10\"}").status()).isEqualTo(201);
                continue;
            }
            // 自评: 90 points of output (actual ÷ 100) and 10 of execution (all spent) grade 优/良/中/差
            String goal = e + "/goals/g-" + project;
            assertThat(call("PUT", goal, "{\"scope\":\"PROJECT\",\"projectId\":\"" + project + "\",\"unitId\":\"u"
                    + i % 5 + "\",\"fiscalYear\":2022,\"amount\":\"" + Money.yuan(budgets.get(project)) + "\","
                    + "\"indicators\":[{\"l1\":\"产出指标\",\"l2\":\"数量指标\",\"l3\":\"完成数\",\"cmp\":\">=\","
                    + "\"target\":\"100\",\"unit\":\"个\",\"weight\":90}],\"budgetExecutionWeight\":10}").status())
                    .isEqualTo(201);
            assertThat(call("POST", goal + "/approval", "{\"approvedOn\":\"2022-01-18\"}").status()).isEqualTo(201);
            String actual = switch (grade) {
                case EXCELLENT -> "100";
                case GOOD -> "85";
                case FAIR -> "70";
                case POOR -> "40";
            };
            String path = e + "/evaluations/se-" + project;
            Answer self = callAs(unitClerk, "PUT", path + "/self", "{\"goalId\":\"g-" + project + "\",\"year\":2022,"
                    + "\"budget\":{\"initial\":\"1\",\"fullYear\":\"1\",\"executed\":\"1\"},"
                    + "\"actuals\":[{\"l3\":\"完成数\",\"actual\":\"" + actual + "\"}]}");
            assertThat(self.status()).isEqualTo(201);
            assertThat(self.body().path("self").path("grade").asText()).isEqualTo(grade.label());
            if (i % 2 == 0) {
                assertThat(call("POST", path + "/self/acceptance", "{\"acceptedOn\":\"2023-03-01\"}").status())
                        .isEqualTo(201);
            }
        }
        // one self-evaluation returned to its unit (never applied), one key evaluation applied before (kept)
        assertThat(call("POST", e + "/evaluations/se-ht-p099/self/return",
                "{\"reasons\":[{\"l3\":\"完成数\",\"reason\":\"缺少佐证材料\"}]}").status()).isEqualTo(201);
        Answer earlier = call("POST", e + "/evaluations/ke-ht-p002/application", "{}");
        assertThat(earlier.status()).isEqualTo(201);
        long appliedBefore = fen(earlier.body().path("applications").get(0).path("budgetChange"));
        assertThat(appliedBefore).isEqualTo(-tenth(budgets.get("ht-p002")));

        String hetang = "{\"policy\":\"CUT_GOOD_AND_BELOW\",\"cutShare\":\"0.10\"}";
        AsGateway.Caller auditor = AsGateway.Caller.everything("auditor@" + d).withRoles(Set.of("AUDITOR"))
                .withDistricts(Set.of(d));
        long[] before = recorded(d);
        Answer preview = callAs(auditor, "POST", e + "/years/2022/result-application/preview", hetang);
        assertThat(preview.status()).as(String.valueOf(preview.body())).isEqualTo(200);
        assertThat(recorded(d)).as("events, rule versions, runs").containsExactly(before);

        JsonNode totals = preview.body().path("totals");
        JsonNode projects = preview.body().path("projects");
        assertThat(projects).hasSize(100);
        assertThat(preview.body().path("targetFiscalYear").asInt()).isEqualTo(2023);
        assertThat(preview.body().path("inForce").path("ruleVersion").asText()).isEqualTo(d + ":v0");
        assertThat(totals.path("projects").asInt()).isEqualTo(100);
        assertThat(totals.path("included").asInt()).isEqualTo(98);
        // the expected figures, computed here from the generated budgets and grades
        long expected = 0;
        long expectedInForce = 0;
        for (int i = 0; i < 100; i++) {
            String project = String.format("ht-p%03d", i);
            if (i == 2 || i == 99) {
                continue;
            }
            long tenth = tenth(budgets.get(project));
            Grade grade = grades[i % 4];
            expected -= grade == Grade.EXCELLENT ? 0 : tenth;
            expectedInForce -= grade == Grade.FAIR ? tenth : grade == Grade.POOR ? budgets.get(project) : 0;
        }
        assertThat(fen(totals.path("budgetChange"))).isEqualTo(expected);
        assertThat(fen(totals.path("inForceBudgetChange"))).isEqualTo(expectedInForce);
        assertThat(fen(totals.path("difference"))).isEqualTo(expected - expectedInForce);
        assertThat(fen(totals.path("alreadyApplied"))).isEqualTo(appliedBefore);
        long unitSum = 0;
        for (JsonNode unit : preview.body().path("units")) {
            unitSum += fen(unit.path("budgetChange"));
        }
        assertThat(unitSum).isEqualTo(expected);
        Map<String, JsonNode> lines = new LinkedHashMap<>();
        projects.forEach(l -> lines.put(l.path("projectId").asText(), l));
        assertThat(lines.get("ht-p002").path("candidate").path("excludedBy").asText()).isEqualTo("RESULT_ALREADY_APPLIED");
        assertThat(lines.get("ht-p099").path("candidate").path("excludedBy").asText()).isEqualTo("SELF_EVALUATION_RETURNED");
        assertThat(lines.get("ht-p080").path("gradeBasis").asText()).isEqualTo("ACCEPTED");
        assertThat(lines.get("ht-p081").path("gradeBasis").asText()).isEqualTo("SUBMITTED");
        assertThat(lines.get("ht-p081").path("candidate").path("measure").asText()).isEqualTo("减少安排");
        assertThat(lines.get("ht-p081").path("inForce").path("measure").asText()).isEqualTo("优先保障");
        assertThat(lines.get("ht-p081").path("unitId").asText()).isEqualTo("u1");
        String fingerprint = preview.body().path("fingerprint").asText();

        // refused: nothing recorded by any of them
        String previewPath = e + "/years/2022/result-application/preview";
        String applyPath = e + "/years/2022/result-application/apply";
        Answer unit = callAs(unitClerk, "POST", previewPath, hetang);
        assertThat(unit.status()).isEqualTo(403);
        assertThat(unit.contentType()).startsWith("application/problem+json");
        assertThat(unit.body().path("rule").asText()).isEqualTo("FINANCE_OR_AUDITOR_ONLY");
        Answer otherDistrict = callAs(auditor.withDistricts(Set.of("430203")), "POST", previewPath, hetang);
        assertThat(otherDistrict.status()).isEqualTo(403);
        assertThat(otherDistrict.body().path("rule").asText()).isEqualTo("DISTRICT_NOT_PERMITTED");
        Answer invalid = call("POST", previewPath, "{\"policy\":\"CUT_ALL\",\"cutShare\":\"1.5\",\"cutshare\":1}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(invalid.body().path("rule").asText()).isEqualTo("RESULT_POLICY_INVALID");
        assertThat(invalid.body().path("errors")).extracting(x -> x.path("field").asText())
                .containsExactlyInAnyOrder("cutshare", "policy", "cutShare");
        String applyBody = hetang.replace("}", ",\"previewFingerprint\":\"" + fingerprint + "\"}");
        Answer auditorApplies = callAs(auditor, "POST", applyPath, applyBody, "Idempotency-Key", "ht-apply-0");
        assertThat(auditorApplies.status()).isEqualTo(403);
        assertThat(auditorApplies.body().path("rule").asText()).isEqualTo("FINANCE_ONLY");
        Answer noFingerprint = call("POST", applyPath, hetang);
        assertThat(noFingerprint.status()).isEqualTo(422);
        assertThat(noFingerprint.field(0)).isEqualTo("previewFingerprint");
        Answer otherPolicy = call("POST", applyPath, applyBody.replace("0.10", "0.20"), "Idempotency-Key", "ht-apply-1");
        assertThat(otherPolicy.status()).isEqualTo(409);
        assertThat(otherPolicy.body().path("rule").asText()).isEqualTo("PREVIEW_OUTDATED");
        assertThat(recorded(d)).as("events, rule versions, runs").containsExactly(before);

        // applied: the policy is the rule version in force, each included result recorded once
        Answer applied = call("POST", applyPath, applyBody, "Idempotency-Key", "ht-apply-2");
        assertThat(applied.status()).as(String.valueOf(applied.body())).isEqualTo(201);
        String version = applied.body().path("ruleVersion").asText();
        assertThat(version).isEqualTo(d + ":v1");
        assertThat(fen(applied.body().path("budgetChange"))).isEqualTo(expected);
        assertThat(call("GET", e + "/settings", null).body().path("settings").path("resultApplication")
                .path("policy").asText()).isEqualTo("CUT_GOOD_AND_BELOW");
        Map<String, Long> stored = new LinkedHashMap<>();
        jdbc.query("SELECT eventidentifier, convert_from(payload, 'UTF8') AS payload FROM domainevententry WHERE "
                + "aggregateidentifier LIKE ? AND payloadtype LIKE '%EvaluationResultApplied'", (java.sql.ResultSet rs) -> {
                    JsonNode payload = json(rs.getString("payload"));
                    if (version.equals(payload.path("ruleVersion").asText())) {
                        stored.put(rs.getString("eventidentifier"), payload.path("budgetChangeFen").asLong());
                    }
                }, "evaluation:" + d + ":%");
        assertThat(stored).hasSize(98);
        long storedSum = stored.values().stream().mapToLong(Long::longValue).sum();
        assertThat(storedSum).as("recorded vs previewed, fen").isEqualTo(fen(totals.path("budgetChange")));
        System.out.printf("荷塘区 2022 预演: %d projects, %d applied, preview %d fen, recorded %d fen, in force %d fen%n",
                projects.size(), stored.size(), fen(totals.path("budgetChange")), storedSum,
                fen(totals.path("inForceBudgetChange")));

        Map<String, Long> published = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = SharedTestInfra.kafka().readerFromStart()) {
            consumer.subscribe(List.of(Topics.EVALUATION_EVENTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = JSON.readTree(r.value());
                    if (stored.containsKey(event.path("eventId").asText())) {
                        published.put(event.path("eventId").asText(),
                                event.path("payload").path("budgetChangeFen").asLong());
                    }
                }
                return published.size() == stored.size();
            });
        }
        assertThat(published).as("as published on Kafka").isEqualTo(stored);

        // a retry with the same key records nothing; the same key for another body is refused
        long[] afterApply = recorded(d);
        Answer retried = call("POST", applyPath, applyBody, "Idempotency-Key", "ht-apply-2");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retried.body().path("runId").asText()).isEqualTo(applied.body().path("runId").asText());
        assertThat(fen(retried.body().path("budgetChange"))).isEqualTo(expected);
        Answer reused = call("POST", applyPath, applyBody.replace("0.10", "0.20"), "Idempotency-Key", "ht-apply-2");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().path("rule").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // the same preview applied again under a new key: its figures have changed (every result is applied now)
        Answer again = call("POST", applyPath, applyBody, "Idempotency-Key", "ht-apply-3");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("rule").asText()).isEqualTo("PREVIEW_OUTDATED");
        assertThat(recorded(d)).containsExactly(afterApply);
        Answer afterwards = callAs(auditor, "POST", previewPath, hetang);
        assertThat(afterwards.body().path("totals").path("included").asInt()).isZero();
        assertThat(fen(afterwards.body().path("totals").path("alreadyApplied"))).isEqualTo(expected + appliedBefore);
    }

    /** What a district has recorded: its events, its rule versions, its policy applications. */
    private long[] recorded(String district) {
        return new long[] {districtEvents(district),
                jdbc.queryForObject("SELECT count(*) FROM district_rule_version WHERE district_code = ?", Long.class,
                        district),
                jdbc.queryForObject("SELECT count(*) FROM result_application_run WHERE district_code = ?", Long.class,
                        district)};
    }

    /** 10 % of a budget, HALF_UP to the fen. */
    private static long tenth(long budgetFen) {
        return BigDecimal.valueOf(budgetFen).multiply(new BigDecimal("0.10")).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }

    private static long fen(JsonNode yuan) {
        return Money.yuanToFen(new BigDecimal(yuan.asText()));
    }

    private JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    // ------------------------------------------------------------------ free text (fault suite)

    /**
     * Found by the fault suite's bad-input run: tabs and line breaks were taken in every free-text field. Single-line
     * fields refuse every control character, the long explanations (deviationReason, findings, conclusion, action)
     * take line feeds and nothing else; each refusal is a 400 naming the field, and nothing is recorded.
     */
    @Test
    void controlCharactersInFreeTextAreRefusedNamingTheFieldAndRecordNothing() throws Exception {
        String d = "430221";
        String e = "/api/evaluation/districts/" + d;
        ObjectNode goal = goalBody(Fixtures.read("lusong-2023.json").path("goals").get(0), 2023);
        assertThat(call("PUT", e + "/goals/cc-goal", goal.toString()).status()).isEqualTo(201);
        assertThat(call("PUT", e + "/evaluations/cc-key/key", "{\"type\":\"专项资金\",\"projectIds\":[\"cc-p\"],"
                + "\"evaluator\":\"第三方机构\",\"year\":2023}").status()).isEqualTo(201);
        long before = districtEvents(d);

        Map<String, String[]> refused = new LinkedHashMap<>();
        ObjectNode indicator = goal.deepCopy();
        ((ObjectNode) indicator.withArray("indicators").get(0)).put("l3", "完成数\t(个)");
        refused.put("indicators[0].l3", new String[] {"PUT", e + "/goals/cc-goal-2", indicator.toString()});
        ObjectNode unit = goal.deepCopy();
        ((ObjectNode) unit.withArray("indicators").get(2)).put("unit", "个\n");
        refused.put("indicators[2].unit", new String[] {"PUT", e + "/goals/cc-goal-3", unit.toString()});
        refused.put("revisionReason", new String[] {"PUT", e + "/goals/cc-goal", goal.deepCopy()
                .put("amount", "1.00").put("revisionReason", "更正\n金额").toString()});
        refused.put("reasons[1]", new String[] {"POST", e + "/goals/cc-goal/return",
                "{\"reasons\":[\"指标不完整\",\"目标值\\r缺失\"]}"});
        refused.put("evaluator", new String[] {"PUT", e + "/evaluations/cc-key-2/key", "{\"type\":\"专项资金\","
                + "\"projectIds\":[\"cc-p\"],\"evaluator\":\"第三方\\t机构\",\"year\":2023}"});
        refused.put("type", new String[] {"PUT", e + "/evaluations/cc-key-3/key", "{\"type\":\"专项\\n资金\","
                + "\"projectIds\":[\"cc-p\"],\"evaluator\":\"第三方机构\",\"year\":2023}"});
        refused.put("conclusion", new String[] {"POST", e + "/evaluations/cc-key/key/completion",
                "{\"score\":\"80\",\"conclusion\":\"总体\\t良好\"}"});
        refused.put("findings[0]", new String[] {"POST", e + "/evaluations/cc-key/key/completion",
                "{\"score\":\"80\",\"findings\":[\"第一条\\r\\n第二条\"]}"});
        refused.put("actuals[0].l3", new String[] {"PUT", e + "/evaluations/cc-self/self", "{\"goalId\":\"cc-goal\","
                + "\"year\":2023,\"budget\":{\"initial\":\"1\",\"fullYear\":\"1\",\"executed\":\"1\"},"
                + "\"actuals\":[{\"l3\":\"完成数\\n\",\"actual\":\"10\"}]}"});
        refused.put("actuals[0].overrideReason", new String[] {"PUT", e + "/evaluations/cc-self/self",
                "{\"goalId\":\"cc-goal\",\"year\":2023,\"budget\":{\"initial\":\"1\",\"fullYear\":\"1\",\"executed\":\"1\"},"
                        + "\"actuals\":[{\"l3\":\"完成数\",\"actual\":\"10\",\"overrideReason\":\"见\\n附件\"}]}"});
        refused.put("actuals[0].deviationReason", new String[] {"PUT", e + "/evaluations/cc-self/self",
                "{\"goalId\":\"cc-goal\",\"year\":2023,\"budget\":{\"initial\":\"1\",\"fullYear\":\"1\",\"executed\":\"1\"},"
                        + "\"actuals\":[{\"l3\":\"完成数\",\"actual\":\"10\",\"deviationReason\":\"原因\\t分析\"}]}"});
        refused.put("indicators[0].note", new String[] {"POST", e + "/goals/cc-goal/monitoring",
                "{\"period\":{\"from\":\"2023-01-01\",\"to\":\"2023-08-31\"},\"mode\":\"SELF\","
                        + "\"indicators\":[{\"l3\":\"完成数\",\"note\":\"进度\\n正常\"}]}"});
        refused.put("action", new String[] {"POST", e + "/goals/cc-goal/monitoring/cc-obs/corrective-actions",
                "{\"cause\":\"经费保障\",\"action\":\"加快\\t支付\"}"});
        refused.put("cause", new String[] {"POST", e + "/goals/cc-goal/monitoring/cc-obs/corrective-actions",
                "{\"cause\":\"经费保障\\n\",\"action\":\"加快支付\"}"});
        for (Map.Entry<String, String[]> r : refused.entrySet()) {
            String[] q = r.getValue();
            Answer answer = call(q[0], q[1], q[2]);
            assertThat(answer.status()).as(r.getKey() + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().path("rule").asText()).isEqualTo("VALIDATION");
            assertThat(answer.field(0)).as(r.getKey()).isEqualTo(r.getKey());
            assertThat(answer.body().path("errors").get(0).path("message").asText()).contains("control characters");
        }
        assertThat(districtEvents(d)).isEqualTo(before);

        // the settings note (the body is read as a tree): refused like the rest of a faulty settings document
        int versions = call("GET", e + "/settings/versions", null).body().size();
        for (String note : List.of("改为\\u0000严格", "改为\\n严格")) {
            Answer settings = call("PUT", e + "/settings", "{\"weights\":{\"enforcement\":\"ALWAYS\"},\"note\":\""
                    + note + "\"}");
            assertThat(settings.status()).as(String.valueOf(settings.body())).isEqualTo(422);
            assertThat(settings.contentType()).startsWith("application/problem+json");
            assertThat(settings.field(0)).isEqualTo("note");
        }
        assertThat(call("GET", e + "/settings/versions", null).body()).hasSize(versions);

        // the long explanations may span lines
        Answer completed = call("POST", e + "/evaluations/cc-key/key/completion",
                "{\"score\":\"80\",\"findings\":[\"第一条\\n第二条\"],\"conclusion\":\"总体良好。\\n建议继续实施。\"}");
        assertThat(completed.status()).as(String.valueOf(completed.body())).isEqualTo(201);
        assertThat(completed.body().path("key").path("completion").path("conclusion").asText())
                .isEqualTo("总体良好。\n建议继续实施。");
        assertThat(districtEvents(d)).isEqualTo(before + 1);
    }

    private long districtEvents(String district) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier LIKE ?", Long.class,
                "%:" + district + ":%");  // type:district:id (Keys)
    }

    @Test
    void theOpenApiDocumentListsEveryEndpointWithProblemAnswers() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        String base = "/api/evaluation/districts/{districtCode}";
        assertThat(doc.path("paths").fieldNames()).toIterable().contains(base + "/settings",
                base + "/settings/versions", base + "/settings/versions/{version}", base + "/goals/{goalId}",
                base + "/goals/{goalId}/approval", base + "/goals/{goalId}/return", base + "/goals/{goalId}/monitoring",
                base + "/goals/{goalId}/monitoring/{observationId}",
                base + "/goals/{goalId}/monitoring/{observationId}/corrective-actions",
                base + "/goals/{goalId}/monitoring/{observationId}/deviations/{deviationId}/decisions",
                base + "/years/{year}/key-monitoring-candidates", base + "/budget/projects/{projectId}",
                base + "/evaluations/{evaluationId}", base + "/evaluations/{evaluationId}/self",
                base + "/evaluations/{evaluationId}/key", base + "/evaluations/{evaluationId}/key/completion",
                base + "/evaluations/{evaluationId}/application", base + "/years/{year}/result-application/preview",
                base + "/years/{year}/result-application/apply");
        JsonNode put = doc.path("paths").path(base + "/goals/{goalId}").path("put");
        assertThat(put.path("requestBody").toString()).contains("DeclareGoalRequest");
        assertThat(put.path("responses").path("422").path("content").path("application/problem+json").toString())
                .contains("#/components/schemas/Problem");
        assertThat(doc.path("components").path("schemas").path("Problem").path("properties").has("errors")).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    /** A fixture goal as the PUT body a loader sends (万元 → yuan). */
    private static ObjectNode goalBody(JsonNode goal, int year) {
        ObjectNode body = JSON.createObjectNode();
        body.put("scope", goal.path("scope").asText());
        if (goal.hasNonNull("project")) {
            body.put("projectId", goal.path("project").asText());
        }
        if (goal.hasNonNull("unit")) {
            body.put("unitId", goal.path("unit").asText());
        }
        body.put("fiscalYear", year);
        body.put("amount", yuan(goal.path("amountWan")));
        if (goal.hasNonNull("budgetExecutionWeight")) {
            body.put("budgetExecutionWeight", goal.path("budgetExecutionWeight").asText());
        }
        if (goal.hasNonNull("declaredProjectSpendingWan")) {
            body.put("declaredProjectSpending", yuan(goal.path("declaredProjectSpendingWan")));
        }
        ArrayNode rows = body.putArray("indicators");
        goal.path("indicators").forEach(i -> rows.add(i.deepCopy()));
        return body;
    }

    private static ObjectNode monitoringBody(JsonNode m) {
        ObjectNode body = JSON.createObjectNode();
        body.set("period", m.path("period").deepCopy());
        body.put("mode", m.path("mode").asText());
        body.put("recordedOn", m.path("recordedOn").asText());
        return body;
    }

    private static ObjectNode selfBody(JsonNode s) {
        ObjectNode body = JSON.createObjectNode();
        body.put("goalId", s.path("goal").asText());
        body.put("year", s.path("year").asInt());
        ObjectNode budget = body.putObject("budget");
        budget.put("initial", yuan(s.path("budget").path("initialWan")));
        budget.put("fullYear", yuan(s.path("budget").path("fullYearWan")));
        budget.put("executed", yuan(s.path("budget").path("executedWan")));
        body.put("budgetExecutionScore", s.path("budgetExecutionScore").asText());
        body.set("actuals", s.path("actuals").deepCopy());
        return body;
    }

    private static String yuan(JsonNode wan) {
        return new BigDecimal(wan.asText()).multiply(TEN_THOUSAND).setScale(2).toPlainString();
    }

    /** The fixture's projects as budget-service would publish them; returns how many money movements that is. */
    private int publishBudget(String d, JsonNode fixture) throws Exception {
        int movements = 0;
        for (JsonNode p : fixture.path("projects")) {
            String id = p.path("id").asText();
            publish(envelope(d, id, new ProjectRegistered(d, id, p.path("unit").asText(), p.path("name").asText(),
                    Labelled.parse(ProjectCategory.class, p.path("category").asText()), 2023, 1)));
            if (p.hasNonNull("expectRejected")) {
                continue;  // budget-service refuses its appropriation: nothing recorded
            }
            for (JsonNode a : p.path("appropriations")) {
                publish(envelope(d, id, new BudgetAppropriated(d, id, Fixtures.fen(a.path("amountWan")),
                        Labelled.parse(FundSource.class, a.path("source").asText()), a.path("docNo").asText(null),
                        LocalDate.parse(a.path("date").asText()))));
                movements++;
            }
            for (JsonNode x : p.path("expenditures")) {
                EventEnvelope spent = envelope(d, id, new ExpenditureRecorded(d, id, Fixtures.fen(x.path("amountWan")),
                        LocalDate.parse(x.path("date").asText())));
                publish(spent);
                if (id.equals("gaj-pacs")) {
                    publish(spent);  // redelivered
                }
                movements++;
            }
        }
        return movements;
    }

    private static EventEnvelope envelope(String district, String projectId, Record payload) {
        // linked as budget-service links what it publishes: the projection parks events without a valid hash link
        return LINKS.link(new EventEnvelope(UUID.randomUUID().toString(), payload.getClass().getSimpleName(), "Project",
                district + ":" + projectId, SEQUENCES.getAndIncrement(), Instant.now(),
                new EventMetadata(district, "budget-platform", UUID.randomUUID().toString(), null, null),
                JSON.valueToTree(payload)));
    }

    private static synchronized void publish(EventEnvelope envelope) throws Exception {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafka().bootstrapServers());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.BUDGET_EVENTS, envelope.aggregateId(),
                JSON.writeValueAsString(envelope));
        // as budget-service's publisher stamps it: the projection parks records its topic's owner did not produce
        record.headers().add(Topics.PRODUCER_HEADER, Topics.BUDGET_SERVICE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregateId);
    }

    private Answer call(String method, String path, String body, String... headers) throws Exception {
        String district = path.replaceAll("^/api/evaluation/districts/(\\d{6}).*$", "$1");
        return callAs(AsGateway.Caller.everything("finance@" + district), method, path, body, headers);
    }

    private Answer callAs(AsGateway.Caller caller, String method, String path, String body, String... headers)
            throws Exception {
        URI uri = URI.create("http://localhost:" + port + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        AsGateway.sign(request, "evaluation-service", method, uri, caller, headers);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? null : JSON.readTree(response.body()), response.headers());
    }
}
