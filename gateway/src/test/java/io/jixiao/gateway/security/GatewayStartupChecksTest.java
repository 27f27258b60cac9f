package io.jixiao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.jixiao.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Outside local mode the gateway will not start open: each missing or default setting is named. */
class GatewayStartupChecksTest {
    private static final Map<String, String> GOOD_KEYS = Map.of(
            "budget-service", "a-random-budget-key-0123456789abcdefghij",
            "evaluation-service", "a-random-evaluation-key-0123456789abcdef",
            "disclosure-service", "a-random-disclosure-key-0123456789abcdef");

    private static JwtProperties jwt(String jwks, String issuer) {
        return new JwtProperties(jwks, Path.of("target/none"), issuer, "jixiao", Duration.ofHours(12));
    }

    @Test
    void productionNeedsJwksIssuerAndRandomKeys() {
        assertThat(GatewayStartupChecks.problems(false, jwt("https://idp.example/jwks", "https://idp.example"),
                GOOD_KEYS)).isEmpty();
        assertThat(GatewayStartupChecks.problems(false, jwt("", ""), GOOD_KEYS))
                .anyMatch(p -> p.startsWith("jixiao.jwt.jwk-set-uri (JIXIAO_JWT_JWK_SET_URI) is not set"))
                .anyMatch(p -> p.startsWith("jixiao.jwt.issuer (JIXIAO_JWT_ISSUER) is not set"));
        Map<String, String> defaults = Map.of("budget-service", "local-dev-secret-local-dev-secret-0000",
                "evaluation-service", "short", "disclosure-service", "");
        assertThat(GatewayStartupChecks.problems(false, jwt("https://idp.example/jwks", "https://idp.example"),
                defaults)).containsExactly(
                "jixiao.caller-keys.budget-service (JIXIAO_CALLER_KEY_BUDGET) is a well-known default value; "
                        + "set a random one outside local mode",
                "jixiao.caller-keys.disclosure-service (JIXIAO_CALLER_KEY_DISCLOSURE) is not set: every service "
                        + "needs its own key of at least 32 characters, shared only with the gateway",
                "jixiao.caller-keys.evaluation-service (JIXIAO_CALLER_KEY_EVALUATION) is too short (5 characters; "
                        + "at least 32)");
    }

    @Test
    void localModeUsesTheLocalKeyButStillNeedsCallerKeys() {
        assertThat(GatewayStartupChecks.problems(true, jwt("", ""), GOOD_KEYS)).isEmpty();
        assertThat(GatewayStartupChecks.problems(true, jwt("", ""), Map.of())).hasSize(3);
    }

    @Test
    void theRealApplicationFailsFastNamingTheSetting() {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext ignored = application.run("--server.port=0",
                    "--jixiao.caller-keys.budget-service=" + GOOD_KEYS.get("budget-service"),
                    "--jixiao.caller-keys.evaluation-service=" + GOOD_KEYS.get("evaluation-service"),
                    "--jixiao.caller-keys.disclosure-service=local-dev-secret-local-dev-secret-0000")) {
                // started: the assertion below fails
            }
        }).hasStackTraceContaining("JIXIAO_JWT_JWK_SET_URI")
                .hasStackTraceContaining("JIXIAO_CALLER_KEY_DISCLOSURE) is a well-known default value");
    }
}
