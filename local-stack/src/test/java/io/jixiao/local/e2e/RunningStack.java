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
import java.util.UUID;

/**
 * The four service jars as child processes on free ports, against the test JVM's real PostgreSQL and
 * Kafka broker; each instance gets its own databases. Talks to it through the gateway with a token.
 */
final class RunningStack implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final LocalStackProcesses processes;
    final Path home;
    final String prefix;
    private final String token;

    record Answer(int status, String contentType, JsonNode body) {
    }

    private RunningStack(LocalStackProcesses processes, Path home, String prefix, String token) {
        this.processes = processes;
        this.home = home;
        this.prefix = prefix;
        this.token = token;
    }

    static RunningStack start(String name) throws IOException {
        EmbeddedPostgresServer postgres = SharedTestInfra.postgres();
        EmbeddedKafkaBroker kafka = SharedTestInfra.kafka();
        String prefix = name + "_" + UUID.randomUUID().toString().substring(0, 6);
        // under the module's build directory: the services' logs stay there for a failed run, and /tmp stays clean
        Path home = Files.createTempDirectory(Files.createDirectories(Path.of("target", "e2e")), name + "-")
                .toAbsolutePath();
        var builder = LocalStackProcesses.builder()
                .servicesDirectory(Path.of(System.getProperty("jixiao.home", "target"), "services"))
                .homeDirectory(home)
                .postgres(postgres.serverUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .kafka(kafka.bootstrapServers())
                .healthTimeout(Duration.ofSeconds(360));   // a loaded 2-core machine starts four JVMs slowly
        int[] ports = FreePorts.pickDistinct(LocalStackProcesses.ALL_SERVICES.size());
        for (int i = 0; i < ports.length; i++) {
            builder.port(LocalStackProcesses.ALL_SERVICES.get(i), ports[i]);
        }
        for (String service : LocalStackProcesses.DOMAIN_SERVICES) {
            String db = prefix + "_" + service.replace("-service", "");
            postgres.createDatabaseIfMissing(db);
            builder.database(service, db);
        }
        LocalStackProcesses processes = builder.build();
        processes.startAll();
        String token = LocalTokens.mint(home, "e2e-tester", List.of("FINANCE", "UNIT", "AUDITOR", "INTEGRATION"),
                List.of("*"));
        return new RunningStack(processes, home, prefix, token);
    }

    Answer call(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(processes.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    text == null || text.isBlank() || !(text.startsWith("{") || text.startsWith("[")) ? null : JSON.readTree(text));
        } catch (IOException e) {
            return new Answer(599, "", null);
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

    @Override
    public void close() {
        processes.close();
    }
}
