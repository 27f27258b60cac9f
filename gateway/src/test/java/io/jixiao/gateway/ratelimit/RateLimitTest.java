package io.jixiao.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.jixiao.gateway.problem.GatewayProblem;
import io.jixiao.gateway.security.Role;
import io.jixiao.gateway.testing.StubService;
import io.jixiao.gateway.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Three requests per client at once, then one per 100 s: the fourth is certainly refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitTest {

    private static final StubService STUB = StubService.start();
    private static final TestTokens TOKENS = TestTokens.inFreshKeysDir();
    private static final String PATH = "/api/reports/districts/430203/years/2023";

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void lowLimits(DynamicPropertyRegistry registry) {
        registry.add("JIXIAO_ROUTES_DISCLOSURE", STUB::baseUrl);
        registry.add("jixiao.jwt.keys-dir", () -> TOKENS.keysDir().toString());
        io.jixiao.gateway.testing.GatewayWithStubTest.localModeWithTestKeys(registry);
        registry.add("jixiao.limits.requests-per-second", () -> "0.01");
        registry.add("jixiao.limits.burst", () -> "3");
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void aClientOverItsLimitGets429WhileAnotherIsServed() throws InterruptedException {
        WebTestClient greedy = clientFor("greedy-dashboard");
        WebTestClient patient = clientFor("patient-dashboard");
        for (int i = 0; i < 3; i++) {
            greedy.get().uri(PATH).exchange().expectStatus().isOk().expectBody().returnResult();
        }
        STUB.clear();

        greedy.get().uri(PATH).exchange()
                .expectStatus().isEqualTo(429)
                // 100 s for the next token at 0.01/s, less what the bucket regained while the first three ran
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Integer.parseInt(value))
                        .isBetween(80, 100))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(GatewayProblem.RATE_LIMITED.type())
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.correlationId").exists();
        assertThat(STUB.receivedNothing()).isTrue();

        patient.get().uri(PATH).exchange().expectStatus().isOk().expectBody().returnResult();
        assertThat(STUB.nextRequest().caller().subject()).isEqualTo("patient-dashboard");
    }

    private WebTestClient clientFor(String subject) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION,
                        "Bearer " + TOKENS.issue(subject, List.of(Role.DASHBOARD), "430203"))
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }
}
