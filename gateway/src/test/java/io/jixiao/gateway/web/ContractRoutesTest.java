package io.jixiao.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.jixiao.gateway.security.Role;
import io.jixiao.gateway.testing.GatewayWithStubTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The published contract is answered by the gateway to every signed-in role, and to nobody else. */
class ContractRoutesTest extends GatewayWithStubTest {

    @Test
    void aSignedInPlatformReadsTheAsyncApiDocumentAndAnEventsSchema() {
        String platform = TOKENS.issue("platform", List.of(Role.INTEGRATION), "430202");
        byte[] asyncApi = clientWithToken(platform).get().uri("/api/contract/asyncapi.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"))
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(asyncApi, StandardCharsets.UTF_8)).startsWith("asyncapi: 3.0.0")
                .contains("address: budget.events", "$ref: ./events/BondIssued.json");
        byte[] schema = clientWithToken(platform).get().uri("/api/contract/events/BondIssued.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/schema+json")
                .expectBody().returnResult().getResponseBody();
        assertThat(new String(schema, StandardCharsets.UTF_8)).contains("\"title\" : \"BondIssued\"",
                "https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void theContractIsRefusedWithoutATokenOrARoleAndAnUnknownFileIsNotFound() {
        anonymousClient().get().uri("/api/contract/asyncapi.yaml").exchange().expectStatus().isUnauthorized();
        String noRole = TOKENS.issue("nobody", List.of(), "*");
        clientWithToken(noRole).get().uri("/api/contract/events/BondIssued.json").exchange().expectStatus().isForbidden();
        String dashboard = TOKENS.issue("wall", List.of(Role.DASHBOARD), "430202");
        clientWithToken(dashboard).get().uri("/api/contract/events/NoSuchEvent.json").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        clientWithToken(dashboard).post().uri("/api/contract/asyncapi.yaml").exchange().expectStatus().isForbidden();
    }
}
