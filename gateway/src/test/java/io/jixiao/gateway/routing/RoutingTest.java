package io.jixiao.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import io.jixiao.gateway.testing.RecordedRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class RoutingTest extends GatewayWithStubTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/budget/districts/430203/projects/p-1",
            "/api/evaluation/districts/430203/goals/g-1",
            "/api/reports/districts/430203/years/2023?format=json",
            "/api/disclosure/districts/430203/years/2023/findings",
            "/api/feed/districts/430203/events?cursor=djE&wait=5"})
    void eachRouteFamilyReachesItsServiceWithThePathUnchanged(String pathAndQuery) throws InterruptedException {
        client.get().uri(pathAndQuery).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult();

        RecordedRequest received = STUB.nextRequest();
        assertThat(received).isNotNull();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.pathAndQuery()).isEqualTo(pathAndQuery);
    }

    @Test
    void bodyIdempotencyKeyAndIfMatchPassThrough() throws InterruptedException {
        client.post().uri("/api/budget/districts/430203/projects/p-1/appropriations")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "import-2023-0001")
                .header("If-Match", "\"3\"")
                .bodyValue("{\"amount\":\"650000.00\"}")
                .exchange()
                .expectStatus().isOk().expectBody().returnResult();

        RecordedRequest received = STUB.nextRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo("{\"amount\":\"650000.00\"}");
        assertThat(received.header("Idempotency-Key")).isEqualTo("import-2023-0001");
        assertThat(received.header("If-Match")).isEqualTo("\"3\"");
    }

    @Test
    void healthIsServedByTheGatewayItself() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        assertThat(STUB.receivedNothing()).isTrue();
    }
}
