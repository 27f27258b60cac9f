package io.jixiao.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.gateway.correlation.CorrelationId;
import io.jixiao.gateway.testing.StubService;
import io.jixiao.gateway.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Budget points at a live but slow stub, evaluation at a port where nothing listens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DownstreamFailureTest {

    private static final StubService STUB = StubService.start();
    private static final TestTokens TOKENS = TestTokens.inFreshKeysDir();
    private static final int SIZE_LIMIT_BYTES = 1024;
    /** A route under the general body limit (the import upload has its own: {@code ImportSizeLimitTest}). */
    private static final String APPROPRIATIONS = "/api/budget/districts/430203/projects/p-1/appropriations";

    @LocalServerPort
    private int port;

    private WebTestClient client;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("JIXIAO_ROUTES_BUDGET", STUB::baseUrl);
        registry.add("JIXIAO_ROUTES_EVALUATION", StubService::deadBaseUrl);
        registry.add("JIXIAO_ROUTES_DISCLOSURE", STUB::baseUrl);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "500ms");
        registry.add("jixiao.limits.max-request-size", () -> SIZE_LIMIT_BYTES + "B");
        registry.add("jixiao.jwt.keys-dir", () -> TOKENS.keysDir().toString());
        io.jixiao.gateway.testing.GatewayWithStubTest.localModeWithTestKeys(registry);
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @BeforeEach
    void connect() {
        STUB.clear();
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.superuser("test-superuser"))
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void anUnreachableServiceIsA503ProblemWithRetryAfter() {
        String path = "/api/evaluation/districts/430203/goals/g-1";
        client.get().uri(path).header(CorrelationId.HEADER, "c-503").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(CorrelationId.HEADER, "c-503")
                .expectBody()
                .jsonPath("$.type").isEqualTo(GatewayProblem.DOWNSTREAM_UNAVAILABLE.type())
                .jsonPath("$.title").isEqualTo(GatewayProblem.DOWNSTREAM_UNAVAILABLE.title())
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").exists()
                .jsonPath("$.instance").isEqualTo(path)
                .jsonPath("$.correlationId").isEqualTo("c-503");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsA504Problem() {
        client.get().uri("/api/budget/districts/430203/projects/p-1/slow").exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(GatewayProblem.DOWNSTREAM_TIMEOUT.type())
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.correlationId").exists();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsA413ProblemAndNeverForwarded() {
        client.post().uri(APPROPRIATIONS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("x".repeat(SIZE_LIMIT_BYTES + 1))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(GatewayProblem.PAYLOAD_TOO_LARGE.type())
                .jsonPath("$.status").isEqualTo(413);
        assertThat(STUB.receivedNothing()).isTrue();
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Problem() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + APPROPRIATIONS))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKENS.superuser("test-superuser"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[SIZE_LIMIT_BYTES * 4])))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo(GatewayProblem.PAYLOAD_TOO_LARGE.type());
    }

    @Test
    void aBodyWithinTheLimitIsForwarded() throws InterruptedException {
        client.post().uri(APPROPRIATIONS)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("x".repeat(SIZE_LIMIT_BYTES))
                .exchange()
                .expectStatus().isOk().expectBody().returnResult();
        assertThat(STUB.nextRequest().body()).hasSize(SIZE_LIMIT_BYTES);
    }
}
