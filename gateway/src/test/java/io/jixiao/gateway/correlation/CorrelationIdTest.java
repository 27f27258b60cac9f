package io.jixiao.gateway.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import io.jixiao.gateway.testing.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTest extends GatewayWithStubTest {

    private static final String PATH = "/api/budget/districts/430203/projects/p-1";

    @Test
    void aWellFormedClientIdIsKeptForwardedAndEchoed() throws InterruptedException {
        String clientId = "loader-2023.batch:7_x";

        String echoed = client.get().uri(PATH).header(CorrelationId.HEADER, clientId).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getFirst(CorrelationId.HEADER);

        assertThat(echoed).isEqualTo(clientId);
        assertThat(STUB.nextRequest().header(CorrelationId.HEADER)).isEqualTo(clientId);
    }

    @Test
    void aMissingIdIsGeneratedForwardedAndEchoed() throws InterruptedException {
        String echoed = client.get().uri(PATH).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getFirst(CorrelationId.HEADER);

        assertThat(UUID.fromString(echoed)).isNotNull();
        RecordedRequest received = STUB.nextRequest();
        assertThat(received.headers().get(CorrelationId.HEADER)).containsExactly(echoed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "<script>", "é"})
    void aMalformedIdIsReplaced(String malformed) throws InterruptedException {
        String echoed = client.get().uri(PATH).header(CorrelationId.HEADER, malformed).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getFirst(CorrelationId.HEADER);

        assertThat(UUID.fromString(echoed)).isNotNull();
        assertThat(STUB.nextRequest().header(CorrelationId.HEADER)).isEqualTo(echoed);
    }

    @Test
    void anOverlongIdIsReplaced() throws InterruptedException {
        String tooLong = "a".repeat(129);

        String echoed = client.get().uri(PATH).header(CorrelationId.HEADER, tooLong).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getFirst(CorrelationId.HEADER);

        assertThat(echoed).isNotEqualTo(tooLong);
        assertThat(STUB.nextRequest().header(CorrelationId.HEADER)).isEqualTo(echoed);
    }

    @Test
    void theGatewaysOwnErrorsCarryTheIdToo() {
        client.get().uri("/api/unknown").header(CorrelationId.HEADER, "abc-123").exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(CorrelationId.HEADER, "abc-123")
                .expectBody().jsonPath("$.correlationId").isEqualTo("abc-123");
    }
}
