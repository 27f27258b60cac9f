package io.jixiao.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import io.jixiao.gateway.testing.RecordedRequest;
import io.jixiao.gateway.testing.StubService;
import io.jixiao.gateway.testing.TestTokens;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
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
 * nothing listens. Requests go to the instances whose readiness probe answers: those about one object (a project of
 * a district) always to the same one, different objects spread over both, requests about no object round robin; a
 * stopped instance is skipped from its next health check on, its objects going to the other; with none ready the
 * answer is 503 problem+json with {@code Retry-After}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancingTest {

    private static final String PROJECTS = "/api/budget/districts/430203/projects/";
    private static final String PATH = PROJECTS + "p-1";
    private static final String ADMIN = "/api/budget/admin/processors";
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
    void keepsAnObjectOnOneInstanceSpreadsTheRestSkipsOneThatStopsAndAnswers503WhenNoneIsReady() throws Exception {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.superuser("lb-test"))
                .build();
        awaitBothChecked(client);

        // one project: every request to the same instance. On a loaded machine a health check that times out takes
        // an instance out for an interval and moves its objects (decision 0053), so up to three batches of ten are
        // sent and one of them must go to one instance alone. Round robin, which this balancer replaces, splits
        // every batch five and five.
        List<Integer> split = List.of();
        for (int batch = 0; batch < 3 && !split.contains(10); batch++) {
            assertThat(statuses(client, Collections.nCopies(10, PATH))).containsOnly(200);
            split = List.of(apiRequests(FIRST, PATH), apiRequests(SECOND, PATH));
            assertThat(split.get(0) + split.get(1)).as("requests of batch " + batch).isEqualTo(10);
        }
        assertThat(split).as("one instance took all ten of a batch").contains(10);

        // twenty projects: each on one instance, both instances used
        List<String> projects = IntStream.range(0, 20).mapToObj(i -> PROJECTS + "p-" + i).toList();
        assertThat(statuses(client, projects)).containsOnly(200);
        int projectsOnFirst = apiRequests(FIRST, PROJECTS);
        int projectsOnSecond = apiRequests(SECOND, PROJECTS);
        assertThat(projectsOnFirst + projectsOnSecond).isEqualTo(20);
        assertThat(projectsOnFirst).isPositive();
        assertThat(projectsOnSecond).isPositive();

        // about no object: round robin
        assertThat(statuses(client, Collections.nCopies(10, ADMIN))).containsOnly(200);
        assertThat(apiRequests(FIRST, ADMIN)).isPositive();
        assertThat(apiRequests(SECOND, ADMIN)).isPositive();

        SECOND.close();
        // from its next health check on, every request goes to the survivor, the second's projects too
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(statuses(client, projects)).containsOnly(200);
            assertThat(apiRequests(FIRST, PROJECTS)).isEqualTo(20);
        });

        FIRST.close();
        // no instance ready: the gateway's own unavailable answer, which a client may retry after the given delay
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> client.get().uri(PATH).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.detail").value(detail ->
                        assertThat((String) detail).contains("No instance of the service for GET " + PATH)));
    }

    private static List<Integer> statuses(WebTestClient client, List<String> paths) {
        return paths.stream().map(path -> client.get().uri(path).exchange().returnResult(String.class).getStatus()
                .value()).toList();
    }

    /** Sends requests until each live instance has answered one (the first health checks have run). */
    private static void awaitBothChecked(WebTestClient client) {
        boolean[] reached = new boolean[2];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            client.get().uri(ADMIN).exchange().returnResult(String.class);
            reached[0] |= apiRequests(FIRST, ADMIN) > 0;
            reached[1] |= apiRequests(SECOND, ADMIN) > 0;
            return reached[0] && reached[1];
        });
    }

    /**
     * The API requests under {@code prefix} that {@code stub} received since the last call (health probes and other
     * paths not counted: call it once per batch, it takes everything the stub recorded).
     */
    private static int apiRequests(StubService stub, String prefix) throws InterruptedException {
        int count = 0;
        while (!stub.receivedNothing()) {
            RecordedRequest request = stub.nextRequest();
            if (request != null && request.pathAndQuery().startsWith(prefix)) {
                count++;
            }
        }
        return count;
    }
}
