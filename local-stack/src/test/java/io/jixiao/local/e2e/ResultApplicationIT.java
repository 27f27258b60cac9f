package io.jixiao.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.Topics;
import io.jixiao.local.LocalStackProcesses;
import io.jixiao.local.e2e.RunningStack.Answer;
import io.jixiao.local.e2e.SharedStacks.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Result application, end to end across both services and both topics: goals approved in evaluation-service gate
 * appropriations in budget-service; a key evaluation graded 中 under 减少安排 10% becomes exactly one
 * BudgetAdjusted of −10% on next year's project, even when the event is delivered again and
 * budget-service is killed in between.
 */
@SharedStacks.On(Kind.PLAIN)
class ResultApplicationIT {
    private static final String D = "430299";
    private static RunningStack stack;

    @BeforeAll
    static void start(RunningStack shared) throws Exception {
        stack = shared;
    }

    private static void ok(Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isBetween(200, 201);
    }

    private static void goal(String goalId, String projectId, int year) {
        ok(stack.call("PUT", "/api/evaluation/districts/" + D + "/goals/" + goalId, """
                {"scope":"PROJECT","projectId":"%s","unitId":"jtj","fiscalYear":%d,"amount":"1000000.00",
                 "indicators":[{"l1":"产出指标","l2":"数量指标","l3":"校车服务线路","cmp":">=","target":"12","unit":"条","weight":90}],
                 "budgetExecutionWeight":10}""".formatted(projectId, year)));
        ok(stack.call("POST", "/api/evaluation/districts/" + D + "/goals/" + goalId + "/approval",
                "{\"approvedOn\":\"" + (year - 1) + "-12-20\"}"));
    }

    /** Appropriates once the goal's approval has reached budget-service over Kafka. */
    private static void appropriate(String projectId, String date) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Answer a = stack.call("POST", "/api/budget/districts/" + D + "/projects/" + projectId + "/appropriations",
                    "{\"amount\":\"1000000.00\",\"source\":\"一般公共预算\",\"date\":\"" + date + "\"}",
                    "Idempotency-Key", "approp-" + projectId);
            assertThat(a.status()).isIn(200, 201, 409);
            return a.status() != 409;
        });
    }

    @Test
    void aFairGradeCutsNextYearsBudgetByTenPercentExactlyOnce() throws Exception {
        ok(stack.call("PUT", "/api/budget/districts/" + D + "/units/jtj", "{\"name\":\"区交通局\"}"));
        ok(stack.call("PUT", "/api/budget/districts/" + D + "/projects/xc-2026",
                "{\"unitId\":\"jtj\",\"name\":\"校车服务\",\"category\":\"专项资金\",\"fiscalYear\":2026}"));
        Answer refused = stack.call("POST", "/api/budget/districts/" + D + "/projects/xc-2026/appropriations",
                "{\"amount\":\"1000000.00\",\"source\":\"一般公共预算\",\"date\":\"2026-01-10\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("rule").asText()).isEqualTo("GOAL_NOT_APPROVED");

        goal("g-xc-2026", "xc-2026", 2026);
        appropriate("xc-2026", "2026-01-10");
        ok(stack.call("PUT", "/api/budget/districts/" + D + "/projects/xc-2027",
                "{\"unitId\":\"jtj\",\"name\":\"校车服务\",\"category\":\"专项资金\",\"fiscalYear\":2027,\"previousProjectId\":\"xc-2026\"}"));
        goal("g-xc-2027", "xc-2027", 2027);
        appropriate("xc-2027", "2026-12-28");

        ok(stack.call("PUT", "/api/evaluation/districts/" + D + "/evaluations/ke-xc/key", """
                {"type":"专项资金","projectIds":["xc-2026"],"evaluator":"湖南某会计师事务所","amount":"1000000.00",
                 "projectCount":1,"year":2026,"subjectYear":2026,"commissionedOn":"2026-09-01"}"""));
        // only an evaluator of the commissioned agency scores it
        String evaluator = stack.token(io.jixiao.gateway.security.TokenSpec.of("evaluator@hn", List.of("EVALUATOR"),
                List.of(D)).withAgency("湖南某会计师事务所"));
        Answer completed = stack.callAs(evaluator, "POST", "/api/evaluation/districts/" + D
                + "/evaluations/ke-xc/key/completion",
                "{\"score\":\"72.50\",\"findings\":[\"线路覆盖不足\"],\"completedOn\":\"2026-11-01\"}");
        ok(completed);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Answer applied = stack.call("POST", "/api/evaluation/districts/" + D + "/evaluations/ke-xc/application", "{}");
            return applied.status() == 200 || applied.status() == 201;
        });

        String next = "/api/budget/districts/" + D + "/projects/xc-2027";
        await().atMost(Duration.ofSeconds(30)).until(() -> "900000.00".equals(stack.call("GET", next, null).body().path("budget").asText()));
        List<JsonNode> cuts = evaluationAdjustments(next);
        assertThat(cuts).hasSize(1);
        assertThat(cuts.get(0).path("amount").asText()).isEqualTo("-100000.00");
        String cause = cuts.get(0).path("event").path("causeEventId").asText();
        assertThat(cause).isNotBlank();
        assertThat(cuts.get(0).path("causationId").asText()).isEqualTo(cause);

        // the same EvaluationResultApplied delivered again, with budget-service killed (-9) in between
        String envelope = publishedEnvelope(cause);
        stack.processes.kill(LocalStackProcesses.BUDGET);
        redeliver(envelope);
        stack.processes.start(LocalStackProcesses.BUDGET);
        redeliver(envelope);
        long events = stack.queryLong("budget", "SELECT count(*) FROM domainevententry");
        long topicEnd = endOffsets();
        // budget-service's inbox has consumed everything on the topic, the two redeliveries included
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.queryLong("budget",
                "SELECT coalesce(sum(next_offset), 0) FROM projection_offset WHERE topic = ?", Topics.EVALUATION_EVENTS) >= topicEnd);
        assertThat(evaluationAdjustments(next)).hasSize(1);
        assertThat(stack.call("GET", next, null).body().path("budget").asText()).isEqualTo("900000.00");
        assertThat(stack.queryLong("budget", "SELECT count(*) FROM domainevententry")).isEqualTo(events);
    }

    private static List<JsonNode> evaluationAdjustments(String projectPath) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : stack.call("GET", projectPath + "/history", null).body().path("events")) {
            if (e.path("type").asText().equals("BudgetAdjusted") && e.path("event").path("basis").asText().equals("EVALUATION_RESULT")) {
                out.add(e);
            }
        }
        return out;
    }

    private static String publishedEnvelope(String eventId) {
        try (KafkaConsumer<String, String> consumer = stack.kafka.readerFromStart()) {
            consumer.subscribe(List.of(Topics.EVALUATION_EVENTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.value().contains("\"" + eventId + "\"") && r.value().contains("EvaluationResultApplied")) {
                        return r.key() + "\n" + r.value();
                    }
                }
            }
        }
        throw new AssertionError("EvaluationResultApplied " + eventId + " not found on " + Topics.EVALUATION_EVENTS);
    }

    private static long endOffsets() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            var partitions = consumer.partitionsFor(Topics.EVALUATION_EVENTS).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static void redeliver(String keyAndValue) throws Exception {
        String[] parts = keyAndValue.split("\n", 2);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.EVALUATION_EVENTS, parts[0], parts[1])).get();
        }
    }
}
