package io.jixiao.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.fixtures.LocalTokens;
import io.jixiao.infra.EmbeddedKafkaBroker;
import io.jixiao.infra.EmbeddedPostgresServer;
import io.jixiao.infra.FreePorts;
import io.jixiao.infra.SharedTestInfra;
import io.jixiao.local.LocalStackProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The four service jars as child processes on free ports, against the test JVM's real PostgreSQL and
 * Kafka broker; each instance gets its own databases. Talks to it through the gateway with a token.
 */
final class RunningStack implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tables rewritten by the services on their own every few seconds: token claims and instance heartbeats. */
    private static final java.util.Set<String> RENEWING = java.util.Set.of("token_entry", "tokenentry", "cluster_instance");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final LocalStackProcesses processes;
    final EmbeddedKafkaBroker kafka;
    private EmbeddedKafkaBroker ownedKafka;
    final Path home;
    final String prefix;
    private final String token;

    /** @param instance the instance that answered ({@code X-Jixiao-Instance}), null without one */
    record Answer(int status, String contentType, JsonNode body, String instance) {
    }

    private RunningStack(LocalStackProcesses processes, EmbeddedKafkaBroker kafka, Path home, String prefix,
                         String token) {
        this.processes = processes;
        this.kafka = kafka;
        this.home = home;
        this.prefix = prefix;
        this.token = token;
    }

    static RunningStack start(String name) throws IOException {
        return start(name, SharedTestInfra.kafka());
    }

    /**
     * On a broker of its own, closed with the stack: for a test that loads the demo districts, which another
     * stack of this JVM may have published already (stacks share the test JVM's broker and its topics, and a
     * new stack's projections read the topics from the start, so the same district loaded twice would count twice).
     */
    static RunningStack startOnOwnBroker(String name) throws IOException {
        return startOnOwnBroker(name, Map.of());
    }

    /** On a broker of its own, with extra environment variables per service (e.g. a shorter sweep interval). */
    static RunningStack startOnOwnBroker(String name, Map<String, Map<String, String>> environment) throws IOException {
        EmbeddedKafkaBroker own = EmbeddedKafkaBroker.start(null, 0);
        try {
            RunningStack stack = start(name, own, environment);
            stack.ownedKafka = own;
            return stack;
        } catch (IOException | RuntimeException e) {
            own.close();
            throw e;
        }
    }

    /** On {@code kafka}; a secured broker gives each service its own user (the broker's ACLs name them). */
    static RunningStack start(String name, EmbeddedKafkaBroker kafka) throws IOException {
        return start(name, kafka, Map.of());
    }

    private static RunningStack start(String name, EmbeddedKafkaBroker kafka,
                                      Map<String, Map<String, String>> environment) throws IOException {
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        String prefix = name + "_" + UUID.randomUUID().toString().substring(0, 6);
        // under the module's build directory: the services' logs stay there for a failed run, and /tmp stays clean
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), name + "-")
                .toAbsolutePath();
        var builder = LocalStackProcesses.builder()
                .servicesDirectory(Path.of(System.getProperty("jixiao.home", "target"), "services"))
                .homeDirectory(home)
                .postgres(postgres.serverUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .kafka(kafka.bootstrapServers())
                // a loaded 2-core machine starts four JVMs slowly; -Djixiao.e2e.health-timeout=PT15M waits longer
                .healthTimeout(Duration.parse(System.getProperty("jixiao.e2e.health-timeout", "PT6M")));
        int[] ports = FreePorts.pickDistinct(LocalStackProcesses.ALL_SERVICES.size());
        for (int i = 0; i < ports.length; i++) {
            builder.port(LocalStackProcesses.ALL_SERVICES.get(i), ports[i]);
        }
        for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
            String db = prefix + "_" + service.replace("-service", "");
            postgres.createDatabaseIfMissing(db);
            builder.database(service, db);
            kafka.serviceEnvironment(service).forEach((key, value) -> builder.environment(service, key, value));
        }
        environment.forEach((service, variables) -> variables.forEach((key, value) ->
                builder.environment(service, key, value)));
        LocalStackProcesses processes = builder.build();
        try {
            processes.startAll();
        } catch (RuntimeException | Error e) {
            processes.close();   // a service that did not get healthy in time must not outlive the failed start
            throw e;
        }
        String token = LocalTokens.mint(home, "e2e-tester", List.of("FINANCE", "UNIT", "AUDITOR", "INTEGRATION"),
                List.of("*"));
        return new RunningStack(processes, kafka, home, prefix, token);
    }

    Answer call(String method, String path, String body, String... headers) {
        return callAs(token, method, path, body, headers);
    }

    /** A token of this stack's gateway for {@code spec}. */
    String token(io.jixiao.gateway.security.TokenSpec spec) {
        return LocalTokens.mint(home, spec);
    }

    /** Through the gateway with {@code bearer} (null: no Authorization header). */
    Answer callAs(String bearer, String method, String path, String body, String... headers) {
        return callUrl(processes.gatewayUrl() + path, bearer, method, body, headers);
    }

    /** The body of a GET through the gateway as text (CSV, HTML), or null when it did not answer 200. */
    String fetchText(String bearer, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(processes.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + bearer).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Straight to a service's port, as anyone on the machine could. */
    Answer callService(String service, String method, String path, String body, String... headers) {
        return callUrl(processes.service(service).baseUrl() + path, null, method, body, headers);
    }

    private Answer callUrl(String url, String bearer, String method, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    text == null || text.isBlank() || !(text.startsWith("{") || text.startsWith("[")) ? null : JSON.readTree(text),
                    response.headers().firstValue("X-Jixiao-Instance").orElse(null));
        } catch (IOException e) {
            return new Answer(599, "", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A single number from one of this stack's databases (budget, evaluation, disclosure). */
    long queryLong(String database, String sql, Object... args) throws Exception {
        try (Connection c = SharedTestInfra.postgres().connect(prefix + "_" + database);
             var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * {@link #snapshot()} once two taken {@code SETTLE_WINDOW} apart agree: what earlier steps recorded has reached
     * every consumer's read model (a consumer waits up to 250 ms per fetch), so that a later "nothing was recorded"
     * comparison is not disturbed by it.
     */
    java.util.SortedMap<String, String> settledSnapshot() throws Exception {
        var last = new java.util.concurrent.atomic.AtomicReference<>(snapshot());
        return org.awaitility.Awaitility.await("the stack's databases settle")
                .atMost(java.time.Duration.ofSeconds(60))
                .pollDelay(SETTLE_WINDOW).pollInterval(SETTLE_WINDOW)
                .until(() -> {
                    java.util.SortedMap<String, String> next = snapshot();
                    return next.equals(last.getAndSet(next)) ? next : null;
                }, java.util.Objects::nonNull);
    }

    private static final java.time.Duration SETTLE_WINDOW = java.time.Duration.ofSeconds(2);

    /**
     * Every table of the stack's three databases as {@code database.table → row count and digest of its rows}, for
     * "nothing was recorded" checks; Axon's token claims and the instances' heartbeats (which renew themselves) are
     * left out.
     */
    java.util.SortedMap<String, String> snapshot() throws Exception {
        java.util.SortedMap<String, String> digests = new java.util.TreeMap<>();
        for (String database : List.of("budget", "evaluation", "disclosure")) {
            try (Connection c = SharedTestInfra.postgres().connect(prefix + "_" + database)) {
                List<String> tables = new java.util.ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
                for (String table : tables) {
                    if (RENEWING.contains(table.toLowerCase(java.util.Locale.ROOT))) {
                        continue;
                    }
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*), md5(coalesce(string_agg("
                            + "t::text, '|' ORDER BY t::text), '')) FROM \"" + table + "\" t")) {
                        rs.next();
                        digests.put(database + "." + table, rs.getLong(1) + " rows " + rs.getString(2));
                    }
                }
            }
        }
        return digests;
    }

    /**
     * Waits until every projection has caught up with what was recorded before: two snapshots a poll interval apart
     * agree. A test that compares the whole stack before and after an act starts from here.
     */
    void awaitSettled() throws Exception {
        java.util.concurrent.atomic.AtomicReference<java.util.SortedMap<String, String>> previous =
                new java.util.concurrent.atomic.AtomicReference<>(snapshot());
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(5)).pollDelay(Duration.ofMillis(1500))
                .pollInterval(Duration.ofMillis(1500))
                .until(() -> previous.getAndSet(snapshot()).equals(previous.get()));
    }

    @Override
    public void close() {
        processes.close();
        if (ownedKafka != null) {
            ownedKafka.close();
        }
    }
}
