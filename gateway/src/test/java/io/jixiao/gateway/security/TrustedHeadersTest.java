package io.jixiao.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.jixiao.gateway.testing.GatewayWithStubTest;
import io.jixiao.gateway.testing.RecordedRequest;
import org.junit.jupiter.api.Test;

class TrustedHeadersTest extends GatewayWithStubTest {

    @Test
    void forgedIdentityHeadersAreReplacedByTheVerifiedCaller() throws InterruptedException {
        String token = TOKENS.issue("alice", List.of(Role.FINANCE, Role.UNIT), "430211", "430203");

        clientWithToken(token).get().uri("/api/budget/districts/430203/projects/p-1")
                .header(TrustedHeaders.ACTOR, "mallory")
                .header(TrustedHeaders.ROLES, "AUDITOR")
                .header(TrustedHeaders.DISTRICTS, "*")
                .header(TrustedHeaders.GATEWAY_SECRET, "guessed")
                .exchange()
                .expectStatus().isOk().expectBody().returnResult();

        RecordedRequest received = STUB.nextRequest();
        assertThat(received.headers().get(TrustedHeaders.ACTOR)).containsExactly("alice");
        assertThat(received.headers().get(TrustedHeaders.ROLES)).containsExactly("FINANCE,UNIT");
        assertThat(received.headers().get(TrustedHeaders.DISTRICTS)).containsExactly("430203,430211");
        assertThat(received.headers().get(TrustedHeaders.GATEWAY_SECRET)).containsExactly(GATEWAY_SECRET);
    }

    @Test
    void allDistrictsAreForwardedAsAStar() throws InterruptedException {
        client.get().uri("/api/reports/districts/430511/years/2022").exchange()
                .expectStatus().isOk().expectBody().returnResult();

        RecordedRequest received = STUB.nextRequest();
        assertThat(received.header(TrustedHeaders.ACTOR)).isEqualTo(SUPERUSER);
        assertThat(received.header(TrustedHeaders.DISTRICTS)).isEqualTo("*");
        assertThat(received.header(TrustedHeaders.ROLES))
                .isEqualTo("FINANCE,UNIT,EVALUATOR,AUDITOR,DASHBOARD,INTEGRATION");
    }
}
