package io.jixiao.support.context;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.identity.CallerAssertion;
import io.jixiao.identity.CallerAssertions;
import io.jixiao.identity.CallerKey;
import io.jixiao.support.web.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** No request reaches a controller without the gateway's assertion for exactly that request. */
class CallerContextFilterTest {
    private static final String KEY_TEXT = "budget-service-key-for-this-test-0123456789";
    private static final CallerKey KEY = CallerKey.of(KEY_TEXT, "test");
    private final CallerContextFilter filter = new CallerContextFilter(KEY, "budget-service",
            new Problems(new ObjectMapper()), Clock.systemUTC());

    private static String assertion(String audience, String method, String path, String idem) {
        return CallerAssertions.sign(CallerAssertion.issue("alice", Set.of("UNIT"), Set.of("430203"), Set.of("czj"),
                null, audience, method, path, "corr-1", idem, Instant.now()), KEY);
    }

    private record Outcome(int status, CallerContext caller, String body) {
    }

    private Outcome run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<CallerContext> seen = new AtomicReference<>();
        filter.doFilter(request, response, (req, res) -> seen.set(CallerContext.current().orElse(null)));
        return new Outcome(response.getStatus(), seen.get(), response.getContentAsString());
    }

    private static MockHttpServletRequest request(String method, String rawPath) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, rawPath);
        request.setRequestURI(rawPath);
        return request;
    }

    @Test
    void theVerifiedAssertionBecomesTheCallerAndNothingElseDoes() throws Exception {
        MockHttpServletRequest request = request("POST", "/api/budget/districts/430203/projects/P/appropriations");
        request.addHeader(CallerAssertions.HEADER, assertion("budget-service", "POST",
                "/api/budget/districts/430203/projects/P/appropriations", "k-1"));
        request.addHeader("X-Jixiao-Actor", "mallory");
        request.addHeader("Idempotency-Key", "other-key");

        Outcome outcome = run(request);

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.caller().actor()).isEqualTo("alice");
        assertThat(outcome.caller().units()).containsExactly("czj");
        assertThat(outcome.caller().requestId()).isEqualTo("k-1");
        assertThat(outcome.caller().correlationId()).isEqualTo("corr-1");
        assertThat(CallerContext.current()).isEmpty();
    }

    @Test
    void theAssertedDisplayNameBecomesTheCallersNameAndAnAssertionWithoutOneNamesNobody() throws Exception {
        String path = "/api/budget/districts/430203/projects/P";
        MockHttpServletRequest named = request("PUT", path);
        named.addHeader(CallerAssertions.HEADER, CallerAssertions.sign(CallerAssertion.issue("alice", Set.of("UNIT"),
                Set.of("430203"), Set.of("czj"), null, "budget-service", "PUT", path, "corr-1", null, Instant.now())
                .withName("张三"), KEY));
        assertThat(run(named).caller().actorName()).isEqualTo("张三");

        MockHttpServletRequest unnamed = request("PUT", path);
        unnamed.addHeader(CallerAssertions.HEADER, assertion("budget-service", "PUT", path, null));
        Outcome outcome = run(unnamed);
        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.caller().actor()).isEqualTo("alice");
        assertThat(outcome.caller().actorName()).isNull();
        assertThat(CallerContext.system("sweeper", "c").actorName()).isNull();
        assertThat(outcome.caller().withRequestId("k").actorName()).isNull();
    }

    @Test
    void everyOtherSpellingOrMissingProofIsRefusedBeforeAController() throws Exception {
        String good = "/api/budget/districts/430203/projects/P";
        String signed = assertion("budget-service", "PUT", good, null);
        Object[][] cases = {
                {request("PUT", "/%61pi/budget/districts/430203/projects/P"), null, 400},
                {request("PUT", "/api;x=1/budget/districts/430203/projects/P"), null, 400},
                {request("PUT", "/%61pi/budget/districts/430203/projects/P"), signed, 400},
                {request("PUT", good), null, 401},
                {request("PUT", "/api/budget/districts/430203/projects/Q"), signed, 401},
                {request("POST", good), signed, 401},
                {request("PUT", good), assertion("evaluation-service", "PUT", good, null), 401},
                {request("PUT", good), signed.substring(0, signed.length() - 2) + "AA", 401},
                {request("GET", "/actuator/health;x=1"), null, 400},
                {request("GET", "/actuator/env"), null, 401},
                {request("POST", "/actuator/health"), null, 401},
        };
        for (Object[] c : cases) {
            MockHttpServletRequest request = (MockHttpServletRequest) c[0];
            if (c[1] != null) {
                request.addHeader(CallerAssertions.HEADER, c[1]);
            }
            Outcome outcome = run(request);
            assertThat(outcome.status()).as(request.getMethod() + " " + request.getRequestURI())
                    .isEqualTo((int) c[2]);
            assertThat(outcome.caller()).isNull();
            assertThat(outcome.body()).contains("\"status\":" + c[2]);
        }
    }

    @Test
    void healthAndTheApiDescriptionAreOpenByExactPathOnly() throws Exception {
        assertThat(filter.shouldNotFilter(request("GET", "/actuator/health"))).isTrue();
        assertThat(filter.shouldNotFilter(request("GET", "/v3/api-docs"))).isTrue();
        assertThat(filter.shouldNotFilter(request("GET", "/actuator/health/../../api/x"))).isFalse();
        assertThat(filter.shouldNotFilter(request("GET", "/%61ctuator/health"))).isFalse();
        assertThat(filter.shouldNotFilter(request("POST", "/v3/api-docs"))).isFalse();
    }
}
