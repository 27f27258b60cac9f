package io.jixiao.budget.evaluation;

import io.jixiao.budget.project.ProjectCommands;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jixiao.budget.Api;
import io.jixiao.budget.Api.Answer;
import io.jixiao.budget.BudgetServiceApplication;
import io.jixiao.budget.EvaluationTopic;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Topics;
import io.jixiao.events.evaluation.EvaluationKind;
import io.jixiao.events.evaluation.EvaluationResultApplied;
import io.jixiao.events.evaluation.GoalScope;
import io.jixiao.events.evaluation.MonitoringDecisionKind;
import io.jixiao.events.evaluation.MonitoringDecisionRecorded;
import io.jixiao.events.evaluation.Grade;
import io.jixiao.events.evaluation.PerformanceGoalApproved;
import io.jixiao.events.evaluation.PerformanceGoalReturned;
import io.jixiao.events.evaluation.ResultMeasure;
import io.jixiao.infra.SharedTestInfra;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * budget-service learning from {@code evaluation.events} (published here with a plain KafkaProducer, as
 * evaluation-service would): approved goals gate appropriations, and an EvaluationResultApplied becomes one
 * BudgetAdjusted on next year's project — once, however often it is delivered and across a restart.
 * The service runs as a plain Spring application so the test can stop and start it on the same database.
 */
class EvaluationResultIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("budget_eval");
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static ConfigurableApplicationContext service;
    private static EvaluationTopic evaluationEvents;

    @BeforeAll
    static void start() {
        evaluationEvents = new EvaluationTopic(JSON);
        service = startService();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        evaluationEvents.close();
    }

    private static ConfigurableApplicationContext startService() {
        // command-line arguments outrank application.yml (default properties would not)
        return new SpringApplicationBuilder(BudgetServiceApplication.class).run("--spring.datasource.url=" + DB,
                "--jixiao.kafka.bootstrap-servers=" + SharedTestInfra.kafka().bootstrapServers(),
                "--" + io.jixiao.support.testing.AsGateway.properties().get(0), "--" + io.jixiao.support.testing.AsGateway.properties().get(1), "--server.port=0");
    }

    private static Api api() {
        return new Api(Integer.parseInt(service.getEnvironment().getProperty("local.server.port")));
    }

    private static JdbcTemplate jdbc() {
        return service.getBean(JdbcTemplate.class);
    }
    private static final io.jixiao.events.EventLinks.Chain LINKS = new io.jixiao.events.EventLinks.Chain();
    private static final java.util.Map<String, Long> SEQUENCES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, EventEnvelope> SENT = new java.util.concurrent.ConcurrentHashMap<>();


    private static String publish(String aggregateId, Object payload) {
        return publish(UUID.randomUUID().toString(), aggregateId, payload);
    }

    private static String publish(String eventId, String aggregateId, Object payload) {
        // linked as evaluation-service links what it publishes (the inbox parks events without a valid hash link);
        // an aggregate's events take sequences 3, 4…, a redelivered event id is the same record again
        EventEnvelope envelope = SENT.computeIfAbsent(eventId, id -> LINKS.link(new EventEnvelope(id,
                payload.getClass().getSimpleName(),
                payload instanceof EvaluationResultApplied ? "Evaluation" : "PerformanceGoal", aggregateId,
                SEQUENCES.merge(aggregateId, 3L, (a, b) -> a + 1), Instant.parse("2023-12-20T02:00:00Z"),
                new EventMetadata(aggregateId.substring(0, 6), "evaluator@czj", "corr-" + id, null, null),
                JSON.valueToTree(payload))));
        evaluationEvents.send(envelope);
        return eventId;
    }

    /** Waits until the inbox projection has stored offsets up to the end of evaluation.events. */
    private static void awaitInboxCaughtUp() {
        Map<Integer, Long> ends;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestInfra.kafka().bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVALUATION_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            ends = consumer.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<Integer, Long> stored = new HashMap<>();
            jdbc().query("SELECT partition_no, next_offset FROM projection_offset WHERE projection = ? AND topic = ?",
                    rs -> {
                        stored.put(rs.getInt(1), rs.getLong(2));
                    }, EvaluationInbox.NAME, Topics.EVALUATION_EVENTS);
            return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                    || stored.getOrDefault(e.getKey(), 0L) >= e.getValue());
        });
    }

    private static long adjustmentsCausedBy(String projectKey, String causeEventId) {
        return jdbc().queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE "
                        + "aggregateidentifier = ? AND payloadtype LIKE '%BudgetAdjusted'", String.class, projectKey)
                .stream().filter(p -> p.contains(causeEventId)).count();
    }

    private static long events(String aggregateId) {
        return jdbc().queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregateId);
    }

    private static JsonNode result(String district, String eventId) {
        for (JsonNode r : api().expect(200, "GET", "/api/budget/districts/" + district + "/result-applications", null)
                .body()) {
            if (r.get("eventId").asText().equals(eventId)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void anAppropriationWaitsForAnApprovedGoalLearnedFromEvaluationEvents() {
        String d = "430296";
        Api api = api();
        api.expect(201, "PUT", "/api/budget/districts/" + d + "/units/mzj", "{\"name\":\"渌口区民政局\"}");
        for (String p : List.of("mzj-ylbt", "mzj-lsjz")) {
            api.expect(201, "PUT", "/api/budget/districts/" + d + "/projects/" + p,
                    "{\"unitId\":\"mzj\",\"name\":\"" + p + "\",\"category\":\"专项资金\",\"fiscalYear\":2023}");
        }
        String appropriation = "{\"amount\":\"2600000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}";
        Answer early = api.call("POST", "/api/budget/districts/" + d + "/projects/mzj-ylbt/appropriations", appropriation);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("rule")).isEqualTo("GOAL_NOT_APPROVED");

        publish(d + ":g-mzj-ylbt", new PerformanceGoalApproved(d, "g-mzj-ylbt", GoalScope.PROJECT, "mzj-ylbt", "mzj",
                2023, 2_600_000_00L, LocalDate.of(2023, 1, 18)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.call("GET", "/api/budget/districts/" + d + "/approved-goals", null).body().size() == 1);

        api.expect(201, "POST", "/api/budget/districts/" + d + "/projects/mzj-ylbt/appropriations", appropriation);
        Answer refused = api.call("POST", "/api/budget/districts/" + d + "/projects/mzj-lsjz/appropriations",
                "{\"amount\":\"500000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("rule")).isEqualTo("GOAL_NOT_APPROVED");
        assertThat(events(ProjectCommands.projectKey(d, "mzj-lsjz"))).isEqualTo(1);  // only its registration

        publish(d + ":g-mzj-ylbt", new PerformanceGoalReturned(d, "g-mzj-ylbt", List.of("指标不明确")));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.call("GET", "/api/budget/districts/" + d + "/approved-goals", null).body().isEmpty());
        assertThat(api.call("POST", "/api/budget/districts/" + d + "/projects/mzj-ylbt/appropriations",
                appropriation.replace("2600000.00", "1.00")).status()).isEqualTo(409);

        api.expect(200, "PUT", "/api/budget/districts/" + d + "/settings", "{\"goalBeforeBudget\":false}");
        api.expect(201, "POST", "/api/budget/districts/" + d + "/projects/mzj-lsjz/appropriations",
                "{\"amount\":\"500000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
    }

    @Test
    void aResultIsAppliedToNextYearsProjectExactlyOnceThroughRedeliveryAndARestart() {
        String d = "430297";
        Api api = api();
        api.expect(200, "PUT", "/api/budget/districts/" + d + "/settings", "{\"goalBeforeBudget\":false}");
        api.expect(201, "PUT", "/api/budget/districts/" + d + "/units/jyj", "{\"name\":\"教育局\"}");
        api.expect(201, "PUT", "/api/budget/districts/" + d + "/projects/xc-2022",
                "{\"unitId\":\"jyj\",\"name\":\"校车服务\",\"category\":\"专项资金\",\"fiscalYear\":2022}");
        api.expect(201, "PUT", "/api/budget/districts/" + d + "/projects/xc-2023",
                "{\"unitId\":\"jyj\",\"name\":\"校车服务\",\"category\":\"专项资金\",\"fiscalYear\":2023,\"previousProjectId\":\"xc-2022\"}");
        api.expect(201, "POST", "/api/budget/districts/" + d + "/projects/xc-2023/appropriations",
                "{\"amount\":\"1000000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");

        // 重点评价 graded 中 under "减少安排 by 10%": −10% of 1,000,000.00 yuan
        EvaluationResultApplied cut = new EvaluationResultApplied(d, "ke-2022-xc", EvaluationKind.KEY, "xc-2022", 2023,
                Grade.FAIR, ResultMeasure.REDUCE, new BigDecimal("-0.10"), -10_000_000L, "430297/v1");
        String eventId = publish(d + ":ke-2022-xc", cut);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "900000.00".equals(api.call("GET", "/api/budget/districts/" + d + "/projects/xc-2023", null).text("budget")));

        Answer history = api.expect(200, "GET", "/api/budget/districts/" + d + "/projects/xc-2023/history", null);
        JsonNode adjustment = history.body().get("events").get(3);
        assertThat(adjustment.get("type").asText()).isEqualTo("BudgetAdjusted");
        assertThat(adjustment.get("basis").asText()).isEqualTo("EVALUATION_RESULT");
        assertThat(adjustment.get("causeEventId").asText()).isEqualTo(eventId);
        assertThat(adjustment.get("causationId").asText()).isEqualTo(eventId);
        assertThat(adjustment.get("correlationId").asText()).isEqualTo("corr-" + eventId);
        assertThat(adjustment.get("actor").asText()).isEqualTo(ResultApplication.ACTOR);
        assertThat(adjustment.get("reason").asText()).contains("中", "减少安排", "ke-2022-xc");
        assertThat(adjustment.get("amount").asText()).isEqualTo("-100000.00");
        assertThat(result(d, eventId).get("status").asText()).isEqualTo("APPLIED");
        assertThat(result(d, eventId).get("targetProjectId").asText()).isEqualTo("xc-2023");

        publish(eventId, d + ":ke-2022-xc", cut);  // Kafka redelivers (the publisher is at-least-once)
        awaitInboxCaughtUp();
        assertThat(adjustmentsCausedBy(ProjectCommands.projectKey(d, "xc-2023"), eventId)).isEqualTo(1);

        // budget-service stops; as if it had died after the adjustment committed but before the projection's
        // offset and event id did, those are gone, and the event is delivered once more while it is down
        service.close();
        JdbcTemplate db = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(DB,
                "postgres", "postgres"));
        db.update("DELETE FROM projection_applied_event WHERE projection = ?", EvaluationInbox.NAME);
        db.update("DELETE FROM projection_offset WHERE projection = ?", EvaluationInbox.NAME);
        db.update("DELETE FROM result_application WHERE event_id = ?", eventId);
        publish(eventId, d + ":ke-2022-xc", cut);
        service = startService();

        awaitInboxCaughtUp();
        await().atMost(Duration.ofSeconds(30)).until(() -> result(d, eventId) != null
                && result(d, eventId).get("status").asText().equals("APPLIED"));
        assertThat(result(d, eventId).get("detail").asText()).contains("already applied");
        assertThat(adjustmentsCausedBy(ProjectCommands.projectKey(d, "xc-2023"), eventId)).isEqualTo(1);
        assertThat(events(ProjectCommands.projectKey(d, "xc-2023"))).isEqualTo(4);  // registered, linked, appropriated, adjusted once
        assertThat(api().call("GET", "/api/budget/districts/" + d + "/projects/xc-2023", null).text("budget"))
                .isEqualTo("900000.00");
    }

    @Test
    void monitoringDecisionsBecomeMoneyOnceAndSuspendedPaymentsRefuseExpenditureUntilResumed() {
        String d = "430295";
        Api api = api();
        String project = "/api/budget/districts/" + d + "/projects/gaj-pacs";
        api.expect(200, "PUT", "/api/budget/districts/" + d + "/settings", "{\"goalBeforeBudget\":false}");
        api.expect(201, "PUT", "/api/budget/districts/" + d + "/units/gaj", "{\"name\":\"公安局\"}");
        api.expect(201, "PUT", project,
                "{\"unitId\":\"gaj\",\"name\":\"平安城市\",\"category\":\"专项资金\",\"fiscalYear\":2023}");
        api.expect(201, "POST", project + "/appropriations",
                "{\"amount\":\"1000000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        String obs = "g-gaj-pacs.2023-08-31.FINANCE_KEY";
        String goal = d + ":g-gaj-pacs";

        // 收回 300,000.00 yuan: one BudgetAdjusted (basis MONITORING_DECISION), however often it is delivered
        MonitoringDecisionRecorded withdraw = new MonitoringDecisionRecorded(d, "d-1", "g-gaj-pacs", obs, obs + ".dev",
                "gaj-pacs", MonitoringDecisionKind.WITHDRAW, -30_000_000L, "执行进度滞后", "渌财绩〔2023〕12号",
                LocalDate.of(2023, 9, 25));
        String withdrawal = publish(goal, withdraw);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "700000.00".equals(api.call("GET", project, null).text("budget")));
        publish(withdrawal, goal, withdraw);  // Kafka redelivers (the publisher is at-least-once)
        awaitInboxCaughtUp();
        assertThat(adjustmentsCausedBy(ProjectCommands.projectKey(d, "gaj-pacs"), withdrawal)).isEqualTo(1);
        assertThat(api.call("GET", project, null).text("budget")).isEqualTo("700000.00");
        JsonNode adjustment = api.expect(200, "GET", project + "/history", null).body().get("events").get(2);
        assertThat(adjustment.get("type").asText()).isEqualTo("BudgetAdjusted");
        assertThat(adjustment.get("basis").asText()).isEqualTo("MONITORING_DECISION");
        assertThat(adjustment.get("causeEventId").asText()).isEqualTo(withdrawal);
        assertThat(adjustment.get("causationId").asText()).isEqualTo(withdrawal);
        assertThat(adjustment.get("actor").asText()).isEqualTo(MonitoringDecisionApplication.ACTOR);
        assertThat(adjustment.get("reason").asText()).isEqualTo("监控结果处理：收回；监控 " + obs + " 偏离 " + obs
                + ".dev，决定 d-1（evaluator@czj）：执行进度滞后");

        // 暂缓支付: expenditure refused naming the rule, nothing recorded; 恢复支付: recorded again
        String spend = "{\"amount\":\"1000.00\",\"date\":\"2023-10-08\"}";
        publish(goal, new MonitoringDecisionRecorded(d, "d-2", "g-gaj-pacs", obs, obs + ".dev", "gaj-pacs",
                MonitoringDecisionKind.SUSPEND_PAYMENTS, 0, "暂缓拨付", null, LocalDate.of(2023, 9, 26)));
        awaitInboxCaughtUp();
        long before = events(ProjectCommands.projectKey(d, "gaj-pacs"));
        Answer refused = api.call("POST", project + "/expenditures", spend);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("rule")).isEqualTo("PAYMENTS_SUSPENDED");
        assertThat(events(ProjectCommands.projectKey(d, "gaj-pacs"))).isEqualTo(before);
        publish(goal, new MonitoringDecisionRecorded(d, "d-3", "g-gaj-pacs", obs, obs + ".dev", "gaj-pacs",
                MonitoringDecisionKind.RESUME_PAYMENTS, 0, "整改到位", null, LocalDate.of(2023, 10, 9)));
        awaitInboxCaughtUp();
        api.expect(201, "POST", project + "/expenditures", spend);
        assertThat(jdbc().queryForList("SELECT status FROM monitoring_decision_application WHERE district_code = ?",
                String.class, d)).containsExactly("APPLIED", "APPLIED", "APPLIED");
    }

    @Test
    void aResultWaitsForNextYearsProjectAndItsBudgetThenApplies() {
        String d = "430295";
        Api api = api();
        api.expect(200, "PUT", "/api/budget/districts/" + d + "/settings", "{\"goalBeforeBudget\":false}");
        api.expect(201, "PUT", "/api/budget/districts/" + d + "/units/wjj", "{\"name\":\"卫健局\"}");
        api.expect(201, "PUT", "/api/budget/districts/" + d + "/projects/gw-2022",
                "{\"unitId\":\"wjj\",\"name\":\"基本公卫\",\"category\":\"专项资金\",\"fiscalYear\":2022}");
        String eventId = publish(d + ":ke-gw", new EvaluationResultApplied(d, "ke-gw", EvaluationKind.KEY, "gw-2022",
                2023, Grade.POOR, ResultMeasure.CANCEL, new BigDecimal("-1"), -5_000_000L, "v1"));
        String noChange = publish(d + ":se-gw", new EvaluationResultApplied(d, "se-gw", EvaluationKind.SELF, "gw-2022",
                2023, Grade.EXCELLENT, ResultMeasure.KEY_GUARANTEE, null, 0L, "v1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> result(d, eventId) != null && result(d, noChange) != null);
        assertThat(result(d, eventId).get("status").asText()).isEqualTo("PENDING");
        assertThat(result(d, eventId).get("detail").asText()).contains("previousProjectId=gw-2022");
        assertThat(result(d, noChange).get("status").asText()).isEqualTo("NO_CHANGE");

        api.expect(201, "PUT", "/api/budget/districts/" + d + "/projects/gw-2023",
                "{\"unitId\":\"wjj\",\"name\":\"基本公卫\",\"category\":\"专项资金\",\"fiscalYear\":2023,\"previousProjectId\":\"gw-2022\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> result(d, eventId).get("detail").asText()
                .startsWith("BUDGET_BELOW_SPENT"));  // found it, but it has no budget to cut yet
        assertThat(result(d, eventId).get("status").asText()).isEqualTo("PENDING");

        api.expect(201, "POST", "/api/budget/districts/" + d + "/projects/gw-2023/appropriations",
                "{\"amount\":\"80000.00\",\"source\":\"一般公共预算\",\"date\":\"2023-01-20\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> "APPLIED".equals(result(d, eventId).get("status").asText()));
        assertThat(api.call("GET", "/api/budget/districts/" + d + "/projects/gw-2023", null).text("budget"))
                .isEqualTo("30000.00");
        assertThat(adjustmentsCausedBy(ProjectCommands.projectKey(d, "gw-2023"), eventId)).isEqualTo(1);
        assertThat(api.expect(200, "POST", "/api/budget/districts/" + d + "/result-applications/retry", null)
                .text("applied")).isEqualTo("0");
    }
}
