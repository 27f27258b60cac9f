package io.jixiao.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.gateway.correlation.CorrelationId;
import io.jixiao.gateway.testing.GatewayWithStubTest;
import io.jixiao.gateway.testing.StubService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class ProblemResponsesTest extends GatewayWithStubTest {

    @Test
    void aServicesProblemPassesThroughUntouched() throws InterruptedException {
        byte[] body = client.post().uri("/api/evaluation/districts/430203/goals/g-1/reject")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(StubService.REJECTION_BODY);
        assertThat(STUB.nextRequest()).isNotNull();
    }

    @ParameterizedTest
    // "/" is the workbench's overview page now
    @ValueSource(strings = {"/api/unknown/districts/430203", "/unknown-page", "/budget/districts/430203", "/apix/budget"})
    void anUnknownPathIsA404Problem(String path) {
        client.get().uri(path).header(CorrelationId.HEADER, "c-404").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(GatewayProblem.NO_ROUTE.type())
                .jsonPath("$.title").isEqualTo(GatewayProblem.NO_ROUTE.title())
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("No route for GET " + path)
                .jsonPath("$.instance").isEqualTo(path)
                .jsonPath("$.correlationId").isEqualTo("c-404");
        assertThat(STUB.receivedNothing()).isTrue();
    }
}
