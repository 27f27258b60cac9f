package io.jixiao.gateway.testing;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real gateway on a random port with all four route families pointing at one live
 * {@link StubService}, verifying tokens with a key in a fresh directory. Subclasses share one
 * application context. {@link #client} sends a token with every role in every district.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayWithStubTest {

    /** Each service's caller key in these tests. */
    public static final java.util.Map<String, String> CALLER_KEYS = java.util.Map.of(
            "budget-service", "budget-service-test-caller-key-0123456789",
            "evaluation-service", "evaluation-service-test-caller-key-0123456789",
            "disclosure-service", "disclosure-service-test-caller-key-0123456789");
    public static final String SUPERUSER = "test-superuser";

    protected static final StubService STUB = StubService.start();
    protected static final TestTokens TOKENS = TestTokens.inFreshKeysDir();

    @LocalServerPort
    private int port;

    protected WebTestClient client;

    @DynamicPropertySource
    static void routeToStub(DynamicPropertyRegistry registry) {
        registry.add("JIXIAO_ROUTES_BUDGET", STUB::baseUrl);
        registry.add("JIXIAO_ROUTES_EVALUATION", STUB::baseUrl);
        registry.add("JIXIAO_ROUTES_DISCLOSURE", STUB::baseUrl);
        localModeWithTestKeys(registry);
        // the failed-authentication limit has its own test; here many refusals come from one address on purpose
        registry.add("jixiao.limits.failed-authentications-per-second", () -> "100000");
        registry.add("jixiao.limits.failed-authentication-burst", () -> "100000");
        registry.add("jixiao.jwt.keys-dir", () -> TOKENS.keysDir().toString());
    }

    /** Local mode (the test key directory instead of an identity provider) and {@link #CALLER_KEYS}. */
    public static void localModeWithTestKeys(DynamicPropertyRegistry registry) {
        CALLER_KEYS.forEach((service, key) -> registry.add("jixiao.caller-keys." + service, () -> key));
        registry.add("jixiao.local-mode", () -> "true");
    }

    @BeforeEach
    void connectToGateway() {
        STUB.clear();
        client = clientWithToken(TOKENS.superuser(SUPERUSER));
    }

    protected WebTestClient anonymousClient() {
        return WebTestClient.bindToServer()
                .baseUrl(gatewayUrl())
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    protected WebTestClient clientWithToken(String token) {
        return anonymousClient().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    protected String gatewayUrl() {
        return "http://localhost:" + port;
    }
}
