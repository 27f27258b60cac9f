package io.jixiao.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import io.jixiao.gateway.testing.RecordedRequest;
import io.jixiao.gateway.testing.StubService;
import io.jixiao.gateway.testing.TestTokens;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * budget-service as {@code lb://budget-service} over three listed instances: two live stubs and one port where
 * nothing listens. Requests go round robin to the instances whose readiness probe answers; a stopped one is
 * skipped from its next health check on; with none ready the answer is 503 problem+json with {@code Retry-After}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancingTest {

    private static final String PATH = "/api/budget/districts/430203/projects/p-1";
    private static final StubService FIRST = StubService.start();
    private static final StubService SECOND = StubService.start();
    private static final String DEAD = StubService.deadBaseUrl();
    private static final TestTokens TOKENS = TestTokens.inFreshKeysDir();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void threeInstances(DynamicPropertyRegistry registry) {
        registry.add("JIXIAO_ROUTES_BUDGET", () -> "lb://budget-service");
        String instances = "spring.cloud.discovery.client.simple.instances.budget-service";
        registry.add(instances + "[0].uri", FIRST::baseUrl);
        registry.add(instances + "[1].uri", () -> DEAD);
        registry.add(instances + "[2].uri", SECOND::baseUrl);
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "500ms");
        registry.add("jixiao.jwt.keys-dir", () -> TOKENS.keysDir().toString());
        GatewayWithStubTest.localModeWithTestKeys(registry);
    }

    @AfterAll
    static void stopStubs() {
        FIRST.close();
        SECOND.close();
    }

    @Test
    void spreadsRequestsOverTheLiveInstancesSkipsOneThatStopsAndAnswers503WhenNoneIsReady() throws Exception {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.superuser("lb-test"))
                .build();
        awaitBothChecked(client);

        int[] statuses = new int[10];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = client.get().uri(PATH).exchange().returnResult(String.class).getStatus().value();
        }
        int toFirst = apiRequests(FIRST);
        int toSecond = apiRequests(SECOND);
        assertThat(statuses).containsOnly(200);
        // round robin, give or take a health check that timed out on a loaded machine
        assertThat(toFirst + toSecond).isEqualTo(10);
        assertThat(toFirst).isPositive();
        assertThat(toSecond).isPositive();

        SECOND.close();
        TimeUnit.MILLISECONDS.sleep(2500);   // five health checks
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = client.get().uri(PATH).exchange().returnResult(String.class).getStatus().value();
        }
        assertThat(statuses).containsOnly(200);
        assertThat(apiRequests(FIRST)).isEqualTo(10);

        FIRST.close();
        TimeUnit.MILLISECONDS.sleep(2500);
        // no instance ready: the gateway's own unavailable answer, which a client may retry after the given delay
        client.get().uri(PATH).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("No instance of the service for GET " + PATH));
    }

    /** Sends requests until each live instance has answered one (the first health checks have run). */
    private static void awaitBothChecked(WebTestClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean first = false;
        boolean second = false;
        while (!(first && second) && System.nanoTime() < deadline) {
            client.get().uri(PATH).exchange().returnResult(String.class);
            first |= apiRequests(FIRST) > 0;
            second |= apiRequests(SECOND) > 0;
        }
        assertThat(first && second).as("both live instances were reached").isTrue();
    }

    /** The API requests {@code stub} received since the last call (health probes not counted). */
    private static int apiRequests(StubService stub) throws InterruptedException {
        int count = 0;
        while (!stub.receivedNothing()) {
            RecordedRequest request = stub.nextRequest();
            if (request != null && request.pathAndQuery().equals(PATH)) {
                count++;
            }
        }
        return count;
    }
}
