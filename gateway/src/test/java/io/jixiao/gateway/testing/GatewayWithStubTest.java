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

    public static final String GATEWAY_SECRET = "test-gateway-secret";
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
        registry.add("jixiao.gateway.secret", () -> GATEWAY_SECRET);
        registry.add("jixiao.jwt.keys-dir", () -> TOKENS.keysDir().toString());
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
