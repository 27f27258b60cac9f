package io.jixiao.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventLinks;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Poison events, published straight to the topics as a broken producer would: an envelope that is not JSON, an
 * event whose payload does not read as its type, and an event the project projection cannot apply (it names a
 * project never registered). Each is parked in the dead letters of every projection it breaks and reported
 * through the gateway ({@code GET /api/<service>/admin/dead-letters}); events published after it on the same
 * partition still reach the read model; once the cause is fixed (the project registered) a retry applies the
 * parked event, and a retry of a still-broken one leaves it parked with the new error. The events carry hash links
 * as the owner's publisher links them (in the order sent); then a forged event (the right shape, a link to an event
 * nobody accepted) and an altered one (its payload changed after it was linked) are parked by every consumer of
 * the topic and change no read model.
 */
public final class PoisonEvents {
    static final String DISTRICT = "430281";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** What the scenario showed, step by step; {@code checks} failed ones start with "FAILED". */
    public record Result(List<String> steps, List<String> failures, Duration took) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private final FaultStack stack;
    private final Http http;
    private final Log log;
    private final List<String> steps = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public PoisonEvents(FaultStack stack, Http http, Log log) {
        this.stack = stack;
        this.http = http;
        this.log = log;
    }

    public Result run() {
        long start = System.nanoTime();
        String project = "fs-poison-" + UUID.randomUUID().toString().substring(0, 6);
        String key = DISTRICT + ":" + project;
        String notJson = "{this is not an event envelope";
        String unregistered = "fs-unregistered-" + UUID.randomUUID();
        String malformed = "fs-malformed-" + UUID.randomUUID();
        String forged = "fs-forged-" + UUID.randomUUID();
        String altered = "fs-altered-" + UUID.randomUUID();
        EventLinks.Chain links = new EventLinks.Chain();
        try (KafkaProducer<String, String> producer = producer()) {
            // 1. poison, on the partition of the project: not JSON; spending for a project not yet registered;
            //    a payload whose amount is not a number
            send(producer, Topics.BUDGET_EVENTS, key, notJson);
            send(producer, Topics.BUDGET_EVENTS, key, links.link(envelope(unregistered, "ExpenditureRecorded", key, 0,
                    JSON.valueToTree(new ExpenditureRecorded(DISTRICT, project, 12_345, LocalDate.of(2026, 3, 1))))));
            JsonNode badPayload = JSON.valueToTree(new ExpenditureRecorded(DISTRICT, project, 1, null));
            ((com.fasterxml.jackson.databind.node.ObjectNode) badPayload).put("amountFen", "lots");
            send(producer, Topics.BUDGET_EVENTS, key, links.link(envelope(malformed, "ExpenditureRecorded", key, 1,
                    badPayload)));
            // 2. later events on the same partition: the registration (which fixes the cause of the first) and money
            send(producer, Topics.BUDGET_EVENTS, key, links.link(envelope("fs-registered-" + UUID.randomUUID(),
                    "ProjectRegistered", key, 2, JSON.valueToTree(new ProjectRegistered(DISTRICT, project, "fs-unit",
                            "毒事件演练项目", ProjectCategory.SPECIAL_FUND, Settings.FISCAL_YEAR, 1)))));
            EventEnvelope appropriated = links.link(envelope("fs-appropriated-" + UUID.randomUUID(),
                    "BudgetAppropriated", key, 3, JSON.valueToTree(new BudgetAppropriated(DISTRICT, project, 1_000_000,
                            FundSource.GENERAL_PUBLIC_BUDGET, "株财预〔2026〕99号", LocalDate.of(2026, 1, 5)))));
            send(producer, Topics.BUDGET_EVENTS, key, appropriated);
            // 3. broken links: a forged spending that names a predecessor no consumer accepted (right shape, wrong
            //    link), and a spending whose amount was changed after it was linked (its hash no longer matches)
            send(producer, Topics.BUDGET_EVENTS, key, new EventLinks.Chain().link(envelope(forged, "ExpenditureRecorded",
                    key, 4, JSON.valueToTree(new ExpenditureRecorded(DISTRICT, project, 777_700, LocalDate.of(2026, 4,
                            1)))), 3L, "00".repeat(32)));
            EventEnvelope genuine = links.link(envelope(altered, "ExpenditureRecorded", key, 4,
                    JSON.valueToTree(new ExpenditureRecorded(DISTRICT, project, 100, LocalDate.of(2026, 4, 2)))));
            send(producer, Topics.BUDGET_EVENTS, key, new EventEnvelope(genuine.eventId(), genuine.type(),
                    genuine.aggregateType(), genuine.aggregateId(), genuine.sequence(), genuine.occurredAt(),
                    genuine.metadata(), JSON.valueToTree(new ExpenditureRecorded(DISTRICT, project, 888_800,
                            LocalDate.of(2026, 4, 2))), genuine.link()));
            // 4. poison on the other topic, which budget-service consumes
            send(producer, Topics.EVALUATION_EVENTS, DISTRICT + ":fs-goal", "[\"not\", \"an envelope\"]");
            producer.flush();
        }
        step("published to budget.events: a non-JSON record, %s (names an unregistered project), %s (amountFen "
                + "\"lots\"), then the project's registration and a 10000.00 appropriation, %s (a forged link), %s (its "
                + "amount changed after it was linked); to evaluation.events: a JSON array", unregistered, malformed,
                forged, altered);

        String report = "/api/reports/districts/" + DISTRICT + "/years/" + Settings.FISCAL_YEAR + "/projects/" + project;
        boolean later = waitFor(Duration.ofSeconds(60), () -> {
            Http.Answer a = http.get(report);
            return a.ok() && "10000.00".equals(a.json().path("appropriated").asText());
        });
        check(later, "the events after the poison reached the read model (project report: appropriated 10000.00)");

        boolean parked = waitFor(Duration.ofSeconds(60), () -> {
            List<JsonNode> dl = deadLetters("disclosure");
            return has(dl, "project-timeline", unregistered) && has(dl, "district-journal", malformed)
                    && has(dl, "project-timeline", malformed) && hasRaw(dl, "district-journal")
                    && hasRaw(dl, "project-timeline");
        });
        List<JsonNode> disclosure = deadLetters("disclosure");
        check(parked, "parked and reported by GET /api/disclosure/admin/dead-letters: " + describe(disclosure));
        boolean linksParked = waitFor(Duration.ofSeconds(60), () -> {
            List<JsonNode> dl = deadLetters("disclosure");
            List<JsonNode> ev = deadLetters("evaluation");
            return List.of(forged, altered).stream().allMatch(id -> hasBrokenLink(dl, "project-timeline", id)
                    && hasBrokenLink(dl, "district-journal", id) && hasBrokenLink(ev, "evaluation-budget", id));
        });
        check(linksParked, "the forged and the altered event parked for their broken hash link by every consumer of "
                + "budget.events (project-timeline, district-journal, evaluation-budget)");
        Http.Answer unchanged = http.get(report);
        check(unchanged.ok() && "0.00".equals(unchanged.json().path("spent").asText())
                        && "10000.00".equals(unchanged.json().path("appropriated").asText()),
                "the read model is unchanged by them: spent " + (unchanged.json() == null ? "?"
                        : unchanged.json().path("spent")) + ", appropriated 10000.00");
        boolean budgetParked = waitFor(Duration.ofSeconds(60), () -> deadLetters("budget").stream()
                .anyMatch(d -> d.path("status").asText().equals("PARKED")));
        check(budgetParked, "the evaluation.events poison parked by budget-service, reported by GET "
                + "/api/budget/admin/dead-letters: " + describe(deadLetters("budget")));
        List<JsonNode> evaluation = deadLetters("evaluation");
        step("GET /api/evaluation/admin/dead-letters: %s", describe(evaluation));

        // 4. the cause of the unregistered one is fixed (the registration arrived): a retry applies it
        long id = find(disclosure, "project-timeline", unregistered);
        Http.Answer retried = http.send("POST", "/api/disclosure/admin/dead-letters/" + id + "/retry", null, Map.of());
        check(retried.ok() && retried.json().path("applied").asBoolean(),
                "retry of dead letter " + id + " (" + unregistered + ") applied it: " + retried.brief());
        Http.Answer after = http.get(report);
        check(after.ok() && "123.45".equals(after.json().path("spent").asText()),
                "the retried spending is in the read model: spent " + (after.json() == null ? "?" : after.json().path("spent")));
        Http.Answer again = http.send("POST", "/api/disclosure/admin/dead-letters/" + id + "/retry", null, Map.of());
        check(again.status() == 409 && again.isProblem(), "a second retry of it is refused: " + again.status() + " "
                + again.rule());

        // 5. a payload that is still broken stays parked, with the error of the new attempt
        long bad = find(disclosure, "district-journal", malformed);
        Http.Answer stays = http.send("POST", "/api/disclosure/admin/dead-letters/" + bad + "/retry", null, Map.of());
        JsonNode dl = stays.json() == null ? null : stays.json().path("deadLetter");
        check(stays.ok() && !stays.json().path("applied").asBoolean() && dl != null
                        && "PARKED".equals(dl.path("status").asText()) && !dl.path("error").asText().isBlank(),
                "retry of dead letter " + bad + " (" + malformed + ", still malformed) left it parked: "
                        + (dl == null ? stays.brief() : dl.path("error").asText()));

        // 6. the admin endpoints are cross-district: a caller of one district may not read them, an auditor only reads
        Http oneDistrict = http.withToken(stack.token("fs-one", List.of("FINANCE"), List.of(DISTRICT)));
        Http.Answer refused = oneDistrict.get("/api/disclosure/admin/dead-letters");
        check(refused.status() == 403 && refused.isProblem(), "a FINANCE caller of one district gets "
                + refused.status() + " on the dead letters");
        Http auditor = http.withToken(stack.token("fs-auditor", List.of("AUDITOR"), List.of("*")));
        Http.Answer reads = auditor.get("/api/disclosure/admin/dead-letters");
        Http.Answer writes = auditor.send("POST", "/api/disclosure/admin/dead-letters/" + bad + "/retry", null, Map.of());
        check(reads.ok() && writes.status() == 403, "an AUDITOR of every district reads them (" + reads.status()
                + ") but may not retry (" + writes.status() + ")");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.line("poison events: %s in %d s", failures.isEmpty() ? "passed" : "FAILED", took.toSeconds());
        return new Result(List.copyOf(steps), List.copyOf(failures), took);
    }

    private List<JsonNode> deadLetters(String service) {
        Http.Answer a = http.get("/api/" + service + "/admin/dead-letters");
        List<JsonNode> list = new ArrayList<>();
        if (a.ok() && a.json() != null) {
            a.json().forEach(list::add);
        }
        return list;
    }

    private static boolean has(List<JsonNode> deadLetters, String projection, String eventId) {
        return deadLetters.stream().anyMatch(d -> d.path("projection").asText().equals(projection)
                && d.path("eventId").asText().equals(eventId) && !d.path("error").asText().isBlank());
    }

    private static boolean hasBrokenLink(List<JsonNode> deadLetters, String projection, String eventId) {
        return deadLetters.stream().anyMatch(d -> d.path("projection").asText().equals(projection)
                && d.path("eventId").asText().equals(eventId) && d.path("error").asText().contains("broken hash link"));
    }

    /** A record that is not JSON has no event id: parked with its raw value (which the API does not show). */
    private static boolean hasRaw(List<JsonNode> deadLetters, String projection) {
        return deadLetters.stream().anyMatch(d -> d.path("projection").asText().equals(projection)
                && d.path("topic").asText().equals(Topics.BUDGET_EVENTS)
                && (d.path("eventId").isNull() || d.path("eventId").isMissingNode()) && !d.path("error").asText().isBlank());
    }

    private static long find(List<JsonNode> deadLetters, String projection, String eventId) {
        return deadLetters.stream().filter(d -> d.path("projection").asText().equals(projection)
                && d.path("eventId").asText().equals(eventId)).mapToLong(d -> d.path("id").asLong()).findFirst()
                .orElse(-1);
    }

    private static String describe(List<JsonNode> deadLetters) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : deadLetters) {
            String error = d.path("error").asText();
            out.add("#" + d.path("id").asText() + " " + d.path("projection").asText() + " "
                    + (d.path("eventId").isNull() ? "(no event id)" : d.path("eventId").asText()) + " "
                    + d.path("status").asText() + ": " + (error.length() > 90 ? error.substring(0, 90) + "…" : error));
        }
        return out.isEmpty() ? "none" : String.join("; ", out);
    }

    private void check(boolean ok, String what) {
        steps.add((ok ? "ok: " : "FAILED: ") + what);
        if (!ok) {
            failures.add(what);
        }
    }

    private void step(String format, Object... args) {
        steps.add(String.format(format, args));
    }

    private static boolean waitFor(Duration timeout, java.util.concurrent.Callable<Boolean> condition) {
        try {
            Waits.until(timeout, "poison scenario", condition);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value) {
        try {
            // stamped as the topic's owner stamps its records: these are poison for their content, not their producer
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add(Topics.PRODUCER_HEADER,
                    Topics.owner(topic).orElseThrow().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    private static EventEnvelope envelope(String eventId, String type, String aggregateId, long sequence,
                                          JsonNode payload) {
        return new EventEnvelope(eventId, type, "Project", aggregateId, sequence, Instant.now(),
                new EventMetadata(DISTRICT, "fault-suite", "fs-poison", "fs-poison", null), payload);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, EventEnvelope event) {
        try {
            send(producer, topic, key, JSON.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
