package io.jixiao.disclosure.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jixiao.disclosure.fixture.ServiceUnderTest;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.EventLinks;
import io.jixiao.events.EventMetadata;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetAppropriated;
import io.jixiao.events.budget.ExpenditureRecorded;
import io.jixiao.events.budget.FundSource;
import io.jixiao.events.budget.ProjectCategory;
import io.jixiao.events.budget.ProjectRegistered;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.support.testing.AsGateway;
import io.jixiao.support.testing.AsGateway.Caller;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The event feed and its webhooks against a real Kafka broker and a real PostgreSQL (both embedded), over real HTTP,
 * with events put on the topics the way budget-service publishes them. Each test uses districts of its own, so the
 * other tests' events on the shared topics are only records the feed must pass over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FeedIntegrationTest {
    private static final String DB = SharedTestInfra.freshDatabase("disclosure_feed");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final EventLinks.Chain LINKS = new EventLinks.Chain();
    private static final Instant AT = Instant.parse("2024-03-01T02:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceUnderTest.register(registry, DB);
        registry.add("jixiao.feed.retry-first", () -> "PT0.2S");
        registry.add("jixiao.feed.retry-cap", () -> "PT1S");
        registry.add("jixiao.feed.delivery-interval", () -> "PT0.2S");
        registry.add("jixiao.feed.delivery-timeout", () -> "PT2S");
        registry.add("jixiao.feed.allow-internal-addresses", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    io.jixiao.disclosure.feed.web.FeedReader reader;

    // ------------------------------------------------------------------ plumbing

    record Answer(int status, String contentType, JsonNode body, Map<String, List<String>> headers) {
    }

    private Answer call(Caller caller, String method, String path, String body, String... headers) throws Exception {
        URI uri = URI.create("http://localhost:" + port + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(AsGateway.sign(request, "disclosure-service", method, uri, caller,
                headers).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                response.headers().map());
    }

    private static Caller caller(String subject, String role, String... districts) {
        return new Caller(subject, Set.of(role), Set.of(districts), Set.of(), null);
    }

    private JsonNode feed(Caller caller, String district, String query) throws Exception {
        Answer answer = call(caller, "GET", "/api/feed/districts/" + district + "/events" + query, null);
        assertThat(answer.status()).as("feed %s: %s", query, answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void assertRefused(Answer answer, int status, String rule, String field) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("rule").asText()).isEqualTo(rule);
        assertThat(answer.body().path("errors").findValuesAsText("field")).contains(field);
    }

    /** Publishes one event of a project as budget-service does (keyed by aggregate id, linked, stamped). */
    private static EventEnvelope publish(String district, String project, long sequence, Object payload)
            throws Exception {
        String aggregateId = "project:" + district + ":" + project;
        String eventId = district + "-" + project + "-" + sequence;
        EventEnvelope envelope = LINKS.link(new EventEnvelope(eventId, payload.getClass().getSimpleName(), "Project",
                aggregateId, sequence, AT.plusSeconds(sequence), new EventMetadata(district, "loader@" + district,
                "corr-" + eventId, "cmd-" + eventId, null), JSON.valueToTree(payload)));
        ServiceUnderTest.sendAsOwner(Topics.BUDGET_EVENTS, aggregateId, JSON.writeValueAsString(envelope));
        return envelope;
    }

    /** A project's three events: registered, appropriated, one expenditure; returns their event ids in order. */
    private static List<String> project(String district, String project) throws Exception {
        return List.of(
                publish(district, project, 0, new ProjectRegistered(district, project, "u1", "道路维护",
                        ProjectCategory.SPECIAL_FUND, 2024, 1)).eventId(),
                publish(district, project, 1, new BudgetAppropriated(district, project, 1_000_000,
                        FundSource.GENERAL_PUBLIC_BUDGET, "财预【2024】1号", LocalDate.of(2024, 1, 10))).eventId(),
                publish(district, project, 2, new ExpenditureRecorded(district, project, 300_000,
                        LocalDate.of(2024, 5, 10))).eventId());
    }

    /** Event ids in the order seen, and that each aggregate's sequences only grow. */
    private static List<String> idsInAggregateOrder(List<JsonNode> events) {
        Map<String, Long> last = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode event : events) {
            long sequence = event.path("sequence").asLong();
            Long before = last.put(event.path("aggregateId").asText(), sequence);
            assertThat(before == null || before < sequence).as("%s after sequence %s", event, before).isTrue();
            ids.add(event.path("eventId").asText());
        }
        return ids;
    }

    /** Reads the district's feed page by page from {@code cursor} until a page is empty; the events and the cursor. */
    private record Read(List<JsonNode> events, String next, List<String> cursors) {
    }

    private Read readToEnd(Caller caller, String district, String cursor, int limit) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String next = cursor;
        while (true) {
            JsonNode page = feed(caller, district, "?limit=" + limit + (next == null ? "" : "&cursor=" + q(next)));
            assertThat(page.path("events").size()).isLessThanOrEqualTo(limit);
            next = page.path("next").asText();
            cursors.add(next);
            if (page.path("events").isEmpty()) {
                return new Read(events, next, cursors);
            }
            page.path("events").forEach(events::add);
        }
    }

    // ------------------------------------------------------------------ the feed

    @Test
    void fromTheBeginningEveryEventOnceInOrderPerAggregateResumableFromAnyCursorOnlyItsDistrictNoAlteredOne() throws Exception {
        String d1 = "439101";
        String d2 = "439102";
        List<String> sent = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            sent.addAll(project(d1, "p" + p));
            project(d2, "p" + p);
        }
        // an event altered after it was stored (its payload is not the bytes its hash link covers): passed over
        EventEnvelope genuine = LINKS.link(new EventEnvelope("tampered", "ProjectRegistered", "Project",
                "project:" + d1 + ":p9", 0, AT, new EventMetadata(d1, "loader", "c", "k", null),
                JSON.valueToTree(new ProjectRegistered(d1, "p9", "u1", "原名", ProjectCategory.SPECIAL_FUND, 2024, 1))));
        EventEnvelope altered = new EventEnvelope(genuine.eventId(), genuine.type(), genuine.aggregateType(),
                genuine.aggregateId(), genuine.sequence(), genuine.occurredAt(), genuine.metadata(),
                JSON.valueToTree(new ProjectRegistered(d1, "p9", "u1", "改名", ProjectCategory.SPECIAL_FUND, 2024, 1)),
                genuine.link());
        ServiceUnderTest.sendAsOwner(Topics.BUDGET_EVENTS, altered.aggregateId(), JSON.writeValueAsString(altered));
        Caller integration = caller("platform-a", "INTEGRATION", d1);

        Read all = readToEnd(integration, d1, null, 5);
        List<String> seen = idsInAggregateOrder(all.events());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(all.events()).allSatisfy(e -> {
            assertThat(e.path("metadata").path("districtCode").asText()).isEqualTo(d1);
            assertThat(e.path("link").isObject()).as("the envelope as published, with its link").isTrue();
        });

        // resume after a disconnect from a mid cursor: exactly the events after it, once each
        String mid = all.cursors().get(0);
        Read rest = readToEnd(integration, d1, mid, 5);
        assertThat(idsInAggregateOrder(rest.events())).containsExactlyInAnyOrderElementsOf(seen.subList(5, seen.size()));

        // a caller of every district asking for d1 still sees only d1; d2's reader sees only d2
        Read wildcard = readToEnd(caller("platform-all", "AUDITOR", "*"), d1, null, 1000);
        assertThat(idsInAggregateOrder(wildcard.events())).containsExactlyInAnyOrderElementsOf(sent);
        Read other = readToEnd(caller("platform-b", "FINANCE", d2), d2, null, 1000);
        assertThat(other.events()).hasSize(12).allSatisfy(e ->
                assertThat(e.path("metadata").path("districtCode").asText()).isEqualTo(d2));

        // a type filter
        JsonNode spending = feed(integration, d1, "?limit=1000&types=ExpenditureRecorded");
        assertThat(spending.path("events").findValuesAsText("type")).hasSize(4).containsOnly("ExpenditureRecorded");
    }

    @Test
    void aLongPollAnswersWhenAnEventOfTheDistrictArrives() throws Exception {
        String d = "439103";
        project(d, "p1");
        Caller caller = caller("platform-a", "INTEGRATION", d);
        Read before = readToEnd(caller, d, null, 100);
        assertThat(before.events()).hasSize(3);

        long started = System.nanoTime();
        CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return feed(caller, d, "?wait=20&cursor=" + q(before.next()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1500);
        assertThat(poll).as("nothing new yet: still waiting").isNotDone();
        publish("439104", "p1", 0, new ProjectRegistered("439104", "p1", "u1", "其他区", ProjectCategory.SPECIAL_FUND,
                2024, 1));
        String arrived = publish(d, "p1", 3, new ExpenditureRecorded(d, "p1", 100_000, LocalDate.of(2024, 6, 1)))
                .eventId();
        JsonNode answer = poll.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("long poll answered after %.2f s (wait=20)%n", seconds);
        assertThat(seconds).isLessThan(15);
        assertThat(answer.path("events").findValuesAsText("eventId")).containsExactly(arrived);

        // with nothing new, wait=1 answers empty after about a second, with a cursor that resumes at the same place
        long quiet = System.nanoTime();
        JsonNode empty = feed(caller, d, "?wait=1&cursor=" + q(answer.path("next").asText()));
        assertThat(empty.path("events")).isEmpty();
        assertThat((System.nanoTime() - quiet) / 1e9).isBetween(0.9, 10.0);
        assertThat(readToEnd(caller, d, empty.path("next").asText(), 100).events()).isEmpty();
    }

    @Test
    void aClientPollingAgainAndAgainReusesTheReadersConsumers() throws Exception {
        String d = "439110";
        project(d, "p1");
        Caller caller = caller("platform-a", "INTEGRATION", d);
        String next = readToEnd(caller, d, null, 100).next();
        long opened = reader.consumersOpened();
        for (int poll = 0; poll < 10; poll++) {
            JsonNode answer = feed(caller, d, "?wait=0&cursor=" + q(next));
            assertThat(answer.path("events")).isEmpty();
            next = answer.path("next").asText();
        }
        long more = reader.consumersOpened() - opened;
        System.out.printf("10 polls opened %d consumers%n", more);
        // a webhook deliverer of another test may borrow one at the same moment; never one per poll
        assertThat(more).isLessThanOrEqualTo(2);
    }

    @Test
    void anotherDistrictAnotherRoleAndBadParametersAreRefusedNamingTheField() throws Exception {
        String d = "439105";
        Caller integration = caller("platform-a", "INTEGRATION", d);
        assertRefused(call(integration, "GET", "/api/feed/districts/439106/events", null), 403,
                "DISTRICT_NOT_PERMITTED", "districtCode");
        assertRefused(call(caller("wall", "DASHBOARD", d), "GET", "/api/feed/districts/" + d + "/events", null), 403,
                "FEED_READERS_ONLY", "role");
        String path = "/api/feed/districts/" + d + "/events";
        assertRefused(call(integration, "GET", path + "?cursor=%40%40", null), 400, "VALIDATION", "cursor");
        String pastTheEnd = new FeedCursor(Map.of(FeedCursor.key(Topics.BUDGET_EVENTS, 0), 999_999_999L)).encode();
        assertRefused(call(integration, "GET", path + "?cursor=" + pastTheEnd, null), 400, "VALIDATION", "cursor");
        String noSuchPartition = new FeedCursor(Map.of(FeedCursor.key(Topics.BUDGET_EVENTS, 77), 0L)).encode();
        assertRefused(call(integration, "GET", path + "?cursor=" + noSuchPartition, null), 400, "VALIDATION",
                "cursor");
        assertRefused(call(integration, "GET", path + "?limit=0", null), 400, "VALIDATION", "limit");
        assertRefused(call(integration, "GET", path + "?limit=1001", null), 400, "VALIDATION", "limit");
        assertRefused(call(integration, "GET", path + "?wait=26", null), 400, "VALIDATION", "wait");
        assertRefused(call(integration, "GET", path + "?types=BudgetAppropriated,NoSuchEvent", null), 400,
                "VALIDATION", "types");
        assertRefused(call(integration, "GET", "/api/feed/districts/43910/events", null), 400, "VALIDATION",
                "districtCode");
    }

    @Test
    void theApiDescriptionNamesTheFeedItsParametersAndTheWebhooks() throws Exception {
        JsonNode api = JSON.readTree(HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(api.get("paths").fieldNames()).toIterable().contains("/api/feed/districts/{districtCode}/events",
                "/api/feed/webhooks", "/api/feed/webhooks/{webhookId}");
        JsonNode feed = api.at("/paths/~1api~1feed~1districts~1{districtCode}~1events/get");
        assertThat(feed.path("parameters").findValuesAsText("name"))
                .contains("districtCode", "cursor", "types", "limit", "wait");
        assertThat(api.at("/paths/~1api~1feed~1webhooks/post/requestBody/content/application~1json/schema/$ref")
                .asText()).contains("Register");
    }

    // ------------------------------------------------------------------ webhooks

    private long webhooks() {
        return jdbc.queryForObject("SELECT count(*) FROM feed_webhook", Long.class);
    }

    @Test
    void aReceiverDownForAWhileGetsEveryEventOfItsDistrictAfterwardsSignedAndInOrder() throws Exception {
        String d = "439107";
        String other = "439108";
        Caller integration = caller("platform-w", "INTEGRATION", d);
        int receiverPort = freePort();
        String url = "http://127.0.0.1:" + receiverPort + "/hook";

        // refusals record nothing
        long rows = webhooks();
        assertRefused(call(integration, "POST", "/api/feed/webhooks", "{\"url\":\"ftp://example.org/x\",\"districts\":[\""
                + d + "\"]}"), 400, "VALIDATION", "url");
        assertRefused(call(integration, "POST", "/api/feed/webhooks", "{\"url\":\"" + url + "\",\"districts\":[\"" + d
                + "\",\"" + other + "\"]}"), 403, "DISTRICT_NOT_PERMITTED", "districts");
        assertRefused(call(integration, "POST", "/api/feed/webhooks", "{\"url\":\"" + url + "\",\"districts\":[\"" + d
                + "\"],\"types\":[\"Nope\"]}"), 400, "VALIDATION", "types");
        assertRefused(call(caller("clerk", "FINANCE", d), "POST", "/api/feed/webhooks", "{\"url\":\"" + url
                + "\",\"districts\":[\"" + d + "\"]}"), 403, "INTEGRATION_ONLY", "role");
        assertThat(webhooks()).isEqualTo(rows);

        List<String> sent = new ArrayList<>();
        sent.addAll(project(d, "p1"));
        project(other, "p1");
        sent.addAll(project(d, "p2"));

        String body = "{\"url\":\"" + url + "\",\"districts\":[\"" + d + "\"]}";
        Answer registered = call(integration, "POST", "/api/feed/webhooks", body, "Idempotency-Key", "hook-1");
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        String id = registered.body().path("webhook").path("id").asText();
        String secret = registered.body().path("secret").asText();
        assertThat(secret).hasSize(43);

        // the same key again is the same subscription; another body under it is a conflict; one row either way
        Answer again = call(integration, "POST", "/api/feed/webhooks", body, "Idempotency-Key", "hook-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("webhook").path("id").asText()).isEqualTo(id);
        assertThat(call(integration, "POST", "/api/feed/webhooks", body.replace("/hook", "/other"),
                "Idempotency-Key", "hook-1").status()).isEqualTo(409);
        assertThat(webhooks()).isEqualTo(rows + 1);

        // the receiver is down: attempts fail and are retried with back-off, nothing is marked delivered
        Thread.sleep(5000);
        JsonNode down = call(integration, "GET", "/api/feed/webhooks/" + id, null).body();
        System.out.printf("after 5 s down: failures %d, last error %s%n", down.path("failures").asInt(),
                down.path("lastError").asText());
        assertThat(down.path("delivered").asLong()).isZero();
        assertThat(down.path("failures").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(down.has("secret")).isFalse();

        Receiver receiver = Receiver.start(receiverPort, secret);
        List<JsonNode> received = receiver.received();
        long up = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= sent.size());
            System.out.printf("receiver up: %d events within %.2f s%n", received.size(), (System.nanoTime() - up) / 1e9);
            String late = publish(d, "p1", 3, new ExpenditureRecorded(d, "p1", 1, LocalDate.of(2024, 7, 1))).eventId();
            sent.add(late);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= sent.size());
            Thread.sleep(1000);
        } finally {
            receiver.server().stop(0);
        }
        assertThat(receiver.badSignatures().get()).isZero();
        assertThat(received).allSatisfy(e ->
                assertThat(e.path("metadata").path("districtCode").asText()).isEqualTo(d));
        assertThat(idsInAggregateOrder(received)).containsExactlyInAnyOrderElementsOf(sent);
        JsonNode state = call(integration, "GET", "/api/feed/webhooks/" + id, null).body();
        assertThat(state.path("delivered").asLong()).isEqualTo(sent.size());
        assertThat(state.path("failures").asInt()).isZero();
    }

    /** A receiver on {@code port} that keeps what arrives and counts deliveries whose signature does not verify. */
    private record Receiver(HttpServer server, List<JsonNode> received, AtomicInteger badSignatures) {
        static Receiver start(int port, String secret) throws Exception {
            List<JsonNode> received = new CopyOnWriteArrayList<>();
            AtomicInteger bad = new AtomicInteger();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hook", exchange -> {
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                JsonNode event = JSON.readTree(bytes);
                if (!WebhookSignature.verifies(secret, bytes, exchange.getRequestHeaders().getFirst("Jixiao-Signature"))
                        || !event.path("eventId").asText()
                        .equals(exchange.getRequestHeaders().getFirst("Jixiao-Event-Id"))) {
                    bad.incrementAndGet();
                }
                received.add(event);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return new Receiver(server, received, bad);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /**
     * The first arrival of each event, checking that each aggregate's events first arrive in their order (a
     * redelivery of an event already received is allowed: at least once).
     */
    private static List<String> firstArrivalsInAggregateOrder(List<JsonNode> arrivals) {
        Map<String, JsonNode> first = new java.util.LinkedHashMap<>();
        arrivals.forEach(e -> first.putIfAbsent(e.path("eventId").asText(), e));
        return idsInAggregateOrder(new ArrayList<>(first.values()));
    }

    @Test
    void aReceiverDownForThirtySecondsGetsEveryEventProducedMeanwhileSignedInOrderAndNoneOfAnotherDistrict()
            throws Exception {
        String d = "439111";
        String other = "439112";
        Caller integration = caller("platform-o", "INTEGRATION", d);
        int receiverPort = freePort();
        Answer registered = call(integration, "POST", "/api/feed/webhooks", "{\"url\":\"http://127.0.0.1:"
                + receiverPort + "/hook\",\"districts\":[\"" + d + "\"]}", "Idempotency-Key", "outage-1");
        assertThat(registered.status()).as("%s", registered.body()).isEqualTo(201);
        String id = registered.body().path("webhook").path("id").asText();
        String secret = registered.body().path("secret").asText();

        // the receiver is down for 30 s; events of both districts are produced all through it
        List<String> sent = new ArrayList<>();
        long down = System.nanoTime();
        for (int p = 1; p <= 5; p++) {
            sent.addAll(project(d, "p" + p));
            project(other, "p" + p);
            Thread.sleep(5000);
        }
        sent.add(publish(d, "p1", 3, new ExpenditureRecorded(d, "p1", 2, LocalDate.of(2024, 7, 2))).eventId());
        Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - down) / 1_000_000));
        JsonNode meanwhile = call(integration, "GET", "/api/feed/webhooks/" + id, null).body();
        System.out.printf("after %.1f s down: %d failures in a row, last error %s%n",
                (System.nanoTime() - down) / 1e9, meanwhile.path("failures").asInt(), meanwhile.path("lastError").asText());
        assertThat(meanwhile.path("delivered").asLong()).isZero();
        assertThat(meanwhile.path("failures").asInt()).as("retried all along (back-off capped at 1 s here)")
                .isGreaterThanOrEqualTo(10);

        Receiver receiver = Receiver.start(receiverPort, secret);
        long up = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                    .map(e -> e.path("eventId").asText()).distinct().count() >= sent.size());
            System.out.printf("receiver up after 30 s down: %d events (%d distinct) within %.2f s%n",
                    receiver.received().size(), sent.size(), (System.nanoTime() - up) / 1e9);
            // for a further second nothing arrives of a district the client may not read
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.received()
                    .stream().allMatch(e -> d.equals(e.path("metadata").path("districtCode").asText())));
        } finally {
            receiver.server().stop(0);
        }
        assertThat(receiver.badSignatures().get()).isZero();
        assertThat(receiver.received()).allSatisfy(e ->
                assertThat(e.path("metadata").path("districtCode").asText()).isEqualTo(d));
        assertThat(firstArrivalsInAggregateOrder(receiver.received())).containsExactlyInAnyOrderElementsOf(sent);
        JsonNode state = call(integration, "GET", "/api/feed/webhooks/" + id, null).body();
        assertThat(state.path("delivered").asLong()).isEqualTo(sent.size());
        assertThat(state.path("failures").asInt()).isZero();
    }

    @Test
    void aClientSeesAndDeletesOnlyItsOwnWebhooks() throws Exception {
        String d = "439109";
        Caller owner = caller("platform-x", "INTEGRATION", d);
        Caller stranger = caller("platform-y", "INTEGRATION", d);
        Answer registered = call(owner, "POST", "/api/feed/webhooks",
                "{\"url\":\"https://hooks.example.org/jixiao\",\"districts\":[\"" + d + "\"],"
                        + "\"types\":[\"BudgetAppropriated\"]}");
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().path("webhook").path("id").asText();

        assertThat(call(stranger, "GET", "/api/feed/webhooks", null).body()).isEmpty();
        assertRefused(call(stranger, "GET", "/api/feed/webhooks/" + id, null), 403, "OWN_WEBHOOK_ONLY", "webhookId");
        assertRefused(call(stranger, "DELETE", "/api/feed/webhooks/" + id, null), 403, "OWN_WEBHOOK_ONLY",
                "webhookId");
        JsonNode mine = call(owner, "GET", "/api/feed/webhooks", null).body();
        assertThat(mine.findValuesAsText("id")).containsExactly(id);
        assertThat(mine.get(0).has("secret")).isFalse();

        assertThat(call(owner, "DELETE", "/api/feed/webhooks/" + id, null).status()).isEqualTo(204);
        assertThat(call(owner, "GET", "/api/feed/webhooks/" + id, null).status()).isEqualTo(404);
    }
}
